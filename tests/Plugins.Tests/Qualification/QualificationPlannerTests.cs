using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Qualification;

[TestClass]
public sealed class QualificationPlannerTests
{
    private static readonly EntityReference LeadRef = new(Lead.EntityName, Guid.NewGuid());

    [TestMethod]
    public void CheckRequest_WithoutLead_RefusesLeadMissing()
    {
        var refusal = QualificationPlanner.CheckRequest(new QualificationRequest(null, true, true, true, null, -1));

        Assert.AreSame(QualificationTexts.LeadMissing, refusal!.Text);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(3)]
    [DataRow(null)]
    public void CheckRequest_QualifiedOrDefaultStatus_Passes(int? status)
    {
        var refusal = QualificationPlanner.CheckRequest(new QualificationRequest(LeadRef, true, true, true, null, status));

        Assert.IsNull(refusal);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(4)]
    [DataRow(7)]
    [DataRow(99)]
    public void CheckRequest_StatusOfAnotherState_RefusesStatusNotQualified(int status)
    {
        var refusal = QualificationPlanner.CheckRequest(new QualificationRequest(LeadRef, true, true, true, null, status));

        Assert.AreSame(QualificationTexts.StatusNotQualified, refusal!.Text);
    }

    [TestMethod]
    public void CheckLead_Missing_RefusesLeadNotFound()
    {
        var refusal = QualificationPlanner.CheckLead(QualificationPolicy.Default, null);

        Assert.AreSame(QualificationTexts.LeadNotFound, refusal!.Text);
    }

    [TestMethod]
    [DataRow(LeadState.Qualified)]
    [DataRow(LeadState.Disqualified)]
    public void CheckLead_Closed_RefusesLeadClosed(LeadState state)
    {
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.StateCode] = new OptionSetValue((int)state);

        var refusal = QualificationPlanner.CheckLead(QualificationPolicy.Default, lead);

        Assert.AreSame(QualificationTexts.LeadClosed, refusal!.Text);
    }

    [TestMethod]
    public void CheckLead_AllRequiredFilled_Passes()
    {
        var refusal = QualificationPlanner.CheckLead(QualificationPolicy.Default, Some.QualifiableLead());

        Assert.IsNull(refusal);
    }

    [TestMethod]
    public void CheckLead_RequiredFieldsMissing_ListsThemAllInOneMessage()
    {
        var lead = Some.QualifiableLead();
        lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        lead[Lead.Fields.PurchaseProcess] = null!;

        var refusal = QualificationPlanner.CheckLead(QualificationPolicy.Default, lead)!;

        Assert.AreEqual("Fill in these fields before you qualify the lead: Budget Amount, Purchase Process.", refusal.Render(UserText.EnglishLcid));
        Assert.AreEqual("Füllen Sie diese Felder aus, bevor Sie den Lead qualifizieren: Budgetbetrag, Kaufprozess.", refusal.Render(UserText.GermanLcid));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void CheckLead_RequiredTextBlank_CountsAsMissing(string blank)
    {
        var policy = Some.Policy("""{"requiredFields":["companyname"]}""");
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.CompanyName] = blank;

        var refusal = QualificationPlanner.CheckLead(policy, lead)!;

        Assert.AreEqual(Texts.Format(QualificationTexts.English.MissingFields, "Company Name"), refusal.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    public void CheckLead_RequiredBooleanFalse_CountsAsFilled()
    {
        var policy = Some.Policy("""{"requiredFields":["decisionmaker"]}""");
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.DecisionMaker] = false;

        var refusal = QualificationPlanner.CheckLead(policy, lead);

        Assert.IsNull(refusal);
    }

    [TestMethod]
    public void ColumnsToRead_IncludesRequiredAndCarriedColumnsOnce()
    {
        var policy = Some.Policy("""{"requiredFields":["need","jobtitle"]}""");

        var columns = QualificationPlanner.ColumnsToRead(policy);

        CollectionAssert.Contains(columns, "jobtitle");
        CollectionAssert.Contains(columns, Lead.Fields.StateCode);
        CollectionAssert.Contains(columns, Lead.Fields.BudgetAmount);
        Assert.HasCount(columns.Length, columns.Distinct());
    }

    [TestMethod]
    public void Plan_DefaultsAndNothingExisting_CreatesWhatWasAsked()
    {
        var request = new QualificationRequest(LeadRef, true, false, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, Some.QualifiableLead(), null, null);

        Assert.IsTrue(plan.CreateAccount);
        Assert.IsFalse(plan.CreateContact);
        Assert.IsTrue(plan.CreateOpportunity);
        Assert.AreEqual(RecordSource.Created, plan.AccountSource);
        Assert.AreEqual(RecordSource.None, plan.ContactSource);
        Assert.IsNull(plan.OpportunityCustomer);
        Assert.IsNull(plan.Refusal);
    }

    [TestMethod]
    public void Plan_ModesAlwaysAndNever_OverrideTheCaller()
    {
        var policy = Some.Policy("""{"account":"always","contact":"never","opportunity":"never"}""");
        var request = new QualificationRequest(LeadRef, false, true, true, null, -1);

        var plan = QualificationPlanner.Plan(policy, request, Some.QualifiableLead(), null, null);

        Assert.IsTrue(plan.CreateAccount);
        Assert.IsFalse(plan.CreateContact);
        Assert.IsFalse(plan.CreateOpportunity);
    }

    [TestMethod]
    public void Plan_LeadHasExistingAccountAndContact_ReusesThemAndMakesTheAccountTheCustomer()
    {
        var lead = Some.QualifiableLead();
        var account = Some.AccountRef();
        var contact = Some.ContactRef();
        lead[Lead.Fields.ParentAccountId] = account;
        lead[Lead.Fields.ParentContactId] = contact;
        var request = new QualificationRequest(LeadRef, true, true, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, lead, null, null);

        Assert.IsFalse(plan.CreateAccount);
        Assert.IsFalse(plan.CreateContact);
        Assert.AreEqual(RecordSource.Existing, plan.AccountSource);
        Assert.AreEqual(RecordSource.Existing, plan.ContactSource);
        Assert.AreEqual(account, plan.LinkedAccount);
        Assert.AreEqual(contact, plan.LinkedContact);
        Assert.AreEqual(account, plan.OpportunityCustomer);
    }

    [TestMethod]
    public void Plan_OnlyExistingContact_MakesTheContactTheCustomer()
    {
        var lead = Some.QualifiableLead();
        var contact = Some.ContactRef();
        lead[Lead.Fields.ParentContactId] = contact;
        var request = new QualificationRequest(LeadRef, false, true, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, lead, null, null);

        Assert.AreEqual(contact, plan.OpportunityCustomer);
        Assert.IsFalse(plan.CreateContact);
    }

    [TestMethod]
    public void Plan_ReuseOff_CreatesDespiteExistingAccount()
    {
        var policy = Some.Policy("""{"reuseExisting":false}""");
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.ParentAccountId] = Some.AccountRef();
        var request = new QualificationRequest(LeadRef, true, false, true, null, -1);

        var plan = QualificationPlanner.Plan(policy, request, lead, null, null);

        Assert.IsTrue(plan.CreateAccount);
        Assert.IsNull(plan.LinkedAccount);
        Assert.IsNull(plan.OpportunityCustomer);
    }

    [TestMethod]
    public void Plan_MatchedAccountAndContact_LinksThemInsteadOfCreating()
    {
        var account = Some.AccountRef();
        var contact = Some.ContactRef();
        var request = new QualificationRequest(LeadRef, true, true, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, Some.QualifiableLead(), account, contact);

        Assert.IsFalse(plan.CreateAccount);
        Assert.IsFalse(plan.CreateContact);
        Assert.AreEqual(RecordSource.Matched, plan.AccountSource);
        Assert.AreEqual(RecordSource.Matched, plan.ContactSource);
        Assert.AreEqual(account, plan.OpportunityCustomer);
    }

    [TestMethod]
    public void Plan_CallerChoseCustomer_KeepsIt()
    {
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.ParentAccountId] = Some.AccountRef();
        var request = new QualificationRequest(LeadRef, false, false, true, Some.ContactRef(), -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, lead, null, null);

        Assert.IsNull(plan.OpportunityCustomer);
        Assert.IsNull(plan.Refusal);
    }

    [TestMethod]
    public void Plan_OpportunityWithoutAnyPossibleCustomer_RefusesCustomerRequired()
    {
        var request = new QualificationRequest(LeadRef, false, false, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, Some.QualifiableLead(), null, null);

        Assert.AreSame(QualificationTexts.CustomerRequired, plan.Refusal!.Text);
    }

    [TestMethod]
    public void Plan_OpportunityWithCreatedContactOnly_LeavesCustomerToThePlatform()
    {
        var request = new QualificationRequest(LeadRef, false, true, true, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, Some.QualifiableLead(), null, null);

        Assert.IsNull(plan.Refusal);
        Assert.IsNull(plan.OpportunityCustomer);
        Assert.IsTrue(plan.CreateContact);
    }

    [TestMethod]
    public void Plan_NoOpportunityAndNothingElse_IsAllowed()
    {
        var request = new QualificationRequest(LeadRef, false, false, false, null, -1);

        var plan = QualificationPlanner.Plan(QualificationPolicy.Default, request, Some.QualifiableLead(), null, null);

        Assert.IsNull(plan.Refusal);
        Assert.IsFalse(plan.FinishProcess);
    }

    [TestMethod]
    public void Plan_FinishProcessWithoutOpportunity_FinishesOnlyWithoutOpportunity()
    {
        var policy = Some.Policy("""{"finishProcessWithoutOpportunity":true}""");

        var without = QualificationPlanner.Plan(policy, new QualificationRequest(LeadRef, true, true, false, null, -1), Some.QualifiableLead(), null, null);
        var with = QualificationPlanner.Plan(policy, new QualificationRequest(LeadRef, true, true, true, null, -1), Some.QualifiableLead(), null, null);

        Assert.IsTrue(without.FinishProcess);
        Assert.IsFalse(with.FinishProcess);
    }

    [TestMethod]
    public void AccountNameToMatch_WantedAndNoExisting_IsTheTrimmedCompanyName()
    {
        var lead = Some.QualifiableLead();
        lead[Lead.Fields.CompanyName] = "  Contoso Ltd ";

        var name = QualificationPlanner.AccountNameToMatch(QualificationPolicy.Default, new QualificationRequest(LeadRef, true, true, true, null, -1), lead);

        Assert.AreEqual("Contoso Ltd", name);
    }

    [TestMethod]
    public void AccountNameToMatch_NotWantedOrExistingOrMatchOff_IsNull()
    {
        var withExisting = Some.QualifiableLead();
        withExisting[Lead.Fields.ParentAccountId] = Some.AccountRef();
        var matchOff = Some.Policy("""{"matchExisting":false}""");

        var notWanted = QualificationPlanner.AccountNameToMatch(QualificationPolicy.Default, new QualificationRequest(LeadRef, false, true, true, null, -1), Some.QualifiableLead());
        var existing = QualificationPlanner.AccountNameToMatch(QualificationPolicy.Default, new QualificationRequest(LeadRef, true, true, true, null, -1), withExisting);
        var off = QualificationPlanner.AccountNameToMatch(matchOff, new QualificationRequest(LeadRef, true, true, true, null, -1), Some.QualifiableLead());

        Assert.IsNull(notWanted);
        Assert.IsNull(existing);
        Assert.IsNull(off);
    }

    [TestMethod]
    public void EmailToMatch_WantedAndNoExisting_IsTheEmail()
    {
        var email = QualificationPlanner.EmailToMatch(QualificationPolicy.Default, new QualificationRequest(LeadRef, false, true, true, null, -1), Some.QualifiableLead());

        Assert.AreEqual("kai@contoso.example", email);
    }

    [TestMethod]
    public void ApplyTo_WritesFlagsAndCustomer()
    {
        var account = Some.AccountRef();
        var plan = new QualificationPlan(false, true, true, account, RecordSource.Existing, null, RecordSource.Created, account, false, null);
        var input = new ParameterCollection
        {
            [ParameterNames.CreateAccount] = true,
            [ParameterNames.CreateContact] = false,
            [ParameterNames.CreateOpportunity] = false,
        };

        plan.ApplyTo(input);

        Assert.IsFalse((bool)input[ParameterNames.CreateAccount]);
        Assert.IsTrue((bool)input[ParameterNames.CreateContact]);
        Assert.IsTrue((bool)input[ParameterNames.CreateOpportunity]);
        Assert.AreEqual(account, input[ParameterNames.OpportunityCustomerId]);
    }

    [TestMethod]
    public void Request_From_EmptyCustomerReferenceIsAbsentAndStatusIsRead()
    {
        var input = new ParameterCollection
        {
            [ParameterNames.LeadId] = LeadRef,
            [ParameterNames.CreateAccount] = true,
            [ParameterNames.OpportunityCustomerId] = new EntityReference(),
            [ParameterNames.Status] = new OptionSetValue(-1),
        };

        var request = QualificationRequest.From(input);

        Assert.AreEqual(LeadRef, request.LeadId);
        Assert.IsTrue(request.CreateAccount);
        Assert.IsFalse(request.CreateContact);
        Assert.IsNull(request.OpportunityCustomer);
        Assert.AreEqual(-1, request.Status);
    }
}
