using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Qualification;

/// <summary>Decisions no scenario reached before mutation testing showed them (issue 22).</summary>
[TestClass]
public sealed class QualificationDecisionGapTests
{
    [TestMethod]
    public void RequestFrom_NoFlagsNoCustomer_CreatesNothingAndKeepsTheCustomer()
    {
        var request = QualificationRequest.From(new ParameterCollection { [ParameterNames.LeadId] = new EntityReference(Lead.EntityName, Guid.NewGuid()) });

        Assert.IsFalse(request.CreateAccount);
        Assert.IsFalse(request.CreateContact);
        Assert.IsFalse(request.CreateOpportunity);
        Assert.IsNull(request.OpportunityCustomer);
    }

    [TestMethod]
    public void RequestFrom_CustomerWithoutId_IsNoCustomer()
    {
        var request = QualificationRequest.From(new ParameterCollection
        {
            [ParameterNames.LeadId] = new EntityReference(Lead.EntityName, Guid.NewGuid()),
            [ParameterNames.OpportunityCustomerId] = new EntityReference(Account.EntityName, Guid.Empty),
        });

        Assert.IsNull(request.OpportunityCustomer);
    }

    [TestMethod]
    public void Handoff_WrittenAndRead_KeepsEveryValue()
    {
        var written = new QualificationHandoff
        {
            LinkedAccountId = Guid.NewGuid(),
            LinkedContactId = Guid.NewGuid(),
            LeadAccountId = Guid.NewGuid(),
            LeadContactId = Guid.NewGuid(),
            Customer = new EntityReference(Contact.EntityName, Guid.NewGuid()),
            FinishProcess = true,
            SetQualifyingOpportunity = true,
            BudgetAmount = 5000m,
            PurchaseTimeframe = 1,
            PurchaseProcess = 2,
            DecisionMaker = true,
            Need = 3,
        };
        var shared = new ParameterCollection();

        written.WriteTo(shared);
        var read = QualificationHandoff.ReadFrom(shared)!;

        Assert.AreEqual(written.LinkedAccountId, read.LinkedAccountId);
        Assert.AreEqual(written.LinkedContactId, read.LinkedContactId);
        Assert.AreEqual(written.LeadAccountId, read.LeadAccountId);
        Assert.AreEqual(written.LeadContactId, read.LeadContactId);
        Assert.AreEqual(Contact.EntityName, read.Customer!.LogicalName);
        Assert.AreEqual(written.Customer.Id, read.Customer.Id);
        Assert.IsTrue(read.FinishProcess);
        Assert.IsTrue(read.SetQualifyingOpportunity);
        Assert.AreEqual(5000m, read.BudgetAmount);
        Assert.AreEqual(1, read.PurchaseTimeframe);
        Assert.AreEqual(2, read.PurchaseProcess);
        Assert.IsTrue(read.DecisionMaker);
        Assert.AreEqual(3, read.Need);
    }

    [TestMethod]
    public void Handoff_OnlyThePlanMarker_ReadsAsNothingToDo()
    {
        var shared = new ParameterCollection();
        new QualificationHandoff().WriteTo(shared);
        shared.Remove("lqx.qualify.finishProcess");
        shared.Remove("lqx.qualify.setQualifyingOpportunity");

        var read = QualificationHandoff.ReadFrom(shared)!;

        Assert.IsFalse(read.FinishProcess);
        Assert.IsFalse(read.SetQualifyingOpportunity);
        Assert.IsNull(read.Customer);
    }

    [TestMethod]
    public void ForOpportunity_NothingUsedAndNothingCarried_WritesNothing()
    {
        var created = new[] { new EntityReference(Opportunity.EntityName, Guid.NewGuid()) };

        Assert.IsNull(QualifiedRecordUpdates.ForOpportunity(new QualificationHandoff(), created));
    }

    [TestMethod]
    public void IsFilled_LookupWithoutId_IsEmpty()
    {
        var lead = new Entity(Lead.EntityName) { [Lead.Fields.ParentAccountId] = new EntityReference(Account.EntityName, Guid.Empty) };

        Assert.IsFalse(QualificationPlanner.IsFilled(lead, Lead.Fields.ParentAccountId));
    }

    [TestMethod]
    public void Describe_Plan_NamesEachDecision()
    {
        var customer = new EntityReference(Account.EntityName, new Guid("11111111-2222-3333-4444-555555555555"));
        var plan = new QualificationPlan(false, true, true, customer, RecordSource.Matched, null, RecordSource.Created, customer, true, null);
        var nothing = new QualificationPlan(false, false, false, null, RecordSource.None, null, RecordSource.None, null, false, null);

        Assert.AreEqual("Plan: account Matched, contact Created, opportunity created, customer account 11111111-2222-3333-4444-555555555555, finish process yes.", plan.Describe());
        Assert.AreEqual("Plan: account None, contact None, opportunity none, customer unchanged, finish process no.", nothing.Describe());
    }

    [TestMethod]
    public void Refusal_WithoutArguments_RendersTheText()
    {
        var refusal = new Refusal(QualificationTexts.LeadMissing, null!);

        Assert.IsEmpty(refusal.Args);
        Assert.AreEqual(QualificationTexts.LeadMissing.English, refusal.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("ab_budget", true)]
    [DataRow("abcdefgh_budget", true)]
    [DataRow("new_budget2", true)]
    [DataRow("a_budget", false)]
    [DataRow("abcdefghi_budget", false)]
    [DataRow("new_", false)]
    [DataRow("1ew_budget", false)]
    [DataRow("new_bud-get", false)]
    [DataRow("new_Budget", false)]
    [DataRow("newbudget", false)]
    public void IsCustomColumnName_PublisherPrefixAndName_AsDocumented(string name, bool expected)
    {
        Assert.AreEqual(expected, LeadColumns.IsCustomColumnName(name));
    }

    [TestMethod]
    public void Requirable_FirstDocumentedColumnAndNothing_AreTold()
    {
        Assert.AreEqual("address1_addresstypecode", LeadColumns.Requirable("address1_addresstypecode")?.LogicalName);
        Assert.IsNull(LeadColumns.Requirable(null!));
    }

    [TestMethod]
    public void MissingFields_OnlyCustomColumnEmpty_NamesItByLogicalName()
    {
        var policy = QualificationPolicy.Parse("""{"requiredFields":["new_budgetapproved"]}""").Policy!;

        var missing = QualificationPlanner.MissingFields(policy, new Entity(Lead.EntityName));

        CollectionAssert.AreEqual(new[] { "new_budgetapproved" }, missing.Select(c => c.DisplayName.English).ToArray());
    }
}
