using System;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>
/// The rules in an organization that holds more than one of everything they filter on: environment variables,
/// leads, process instances, accounts and contacts beyond any fetch limit (issue 22: a filter removed from a query
/// passes every test whose organization holds only the one row it is after).
/// </summary>
[TestClass]
public sealed class PackedCrowdedOrganizationTests
{
    private const string OtherVariable = "new_ServiceUrl";
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    public void QualifyLead_AnotherEnvironmentVariableHasAValue_OnlyThePolicyVariableIsRead()
    {
        var emulator = Organization();
        AddOtherVariable(emulator, "https://contoso.example/api");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        Assert.AreEqual((int)LeadState.Qualified, emulator.Get(Lead.EntityName, leadId)!.State());
        Assert.HasCount(1, emulator.All(Account.EntityName));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_PolicyDefinitionMissing_BuiltInDefaultsApplyAndAreTraced(int language)
    {
        var emulator = Organization();
        AddOtherVariable(emulator, """{"requiredFields":[]}""");
        emulator.GetOrganizationService().Delete("environmentvariabledefinition", PolicyDefinitionId(emulator));
        var service = emulator.UserService(language);
        var lead = QualifiableLead();
        lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        var leadId = service.Create(lead);
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false)));

        Assert.AreEqual(Expected(QualificationTexts.MissingFields, language, LeadColumns.Find(Lead.Fields.BudgetAmount)!.DisplayName.For(language)), message);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.IsTrue(emulator.TraceLog.Entries.Any(e => e.Text == TraceTexts.PolicyNotDefined), emulator.TraceLog.Text);
    }

    [TestMethod]
    public void QualifyLead_RequiredTextColumnFilled_IsQualified()
    {
        var emulator = Organization("""{"requiredFields":["jobtitle","budgetamount"]}""");
        var service = emulator.UserService(English);
        var lead = QualifiableLead();
        lead["jobtitle"] = "Head of Purchasing";
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: false, contact: false, opportunity: false));

        Assert.AreEqual((int)LeadState.Qualified, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    public void QualifyLead_MatchingAccountBehindMoreActiveAccountsThanOneQueryFetches_IsMatched()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        for (var i = 1; i <= 6; i++)
        {
            service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam " + i });
        }

        var contosoId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Contoso" });
        var leadId = service.Create(QualifiableLead(company: "Contoso"));

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        Assert.HasCount(7, emulator.All(Account.EntityName));
        Assert.AreEqual(contosoId, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(contosoId, emulator.Get(Lead.EntityName, leadId)!.Ref(Lead.Fields.ParentAccountId));
    }

    [TestMethod]
    public void QualifyLead_MatchingContactBehindMoreActiveContactsThanOneQueryFetches_IsMatched()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        for (var i = 1; i <= 6; i++)
        {
            service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Other " + i, [Contact.Fields.EmailAddress1] = $"other{i}@fabrikam.example" });
        }

        var kaiId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Berg", [Contact.Fields.EmailAddress1] = "kai@contoso.example" });
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: false, contact: true, opportunity: true));

        Assert.HasCount(7, emulator.All(Contact.EntityName));
        Assert.AreEqual(kaiId, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
    }

    [TestMethod]
    public void QualifyLead_TwoActiveAccountsMatch_TheOldestIsLinkedThoughStoredLast()
    {
        var emulator = Organization();
        var newer = SeedAccount(emulator, "Contoso", Start.AddDays(2));
        var oldest = SeedAccount(emulator, "Contoso", Start.AddDays(1));
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead(company: "Contoso"));

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        Assert.AreNotEqual(newer, oldest);
        Assert.AreEqual(oldest, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(oldest, emulator.Get(Lead.EntityName, leadId)!.Ref(Lead.Fields.ParentAccountId));
    }

    [TestMethod]
    public void QualifyLead_TwoActiveContactsMatch_TheOldestIsLinkedThoughStoredLast()
    {
        var emulator = Organization();
        var newer = SeedContact(emulator, "kai@contoso.example", Start.AddDays(2));
        var oldest = SeedContact(emulator, "kai@contoso.example", Start.AddDays(1));
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: false, contact: true, opportunity: true));

        Assert.AreNotEqual(newer, oldest);
        Assert.AreEqual(oldest, emulator.Get(Lead.EntityName, leadId)!.Ref(Lead.Fields.ParentContactId));
    }

    [TestMethod]
    public void QualifyLead_SellerChoosesAnotherCustomer_TheOpportunityKeepsIt()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var chosenId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Northwind" });
        var leadId = service.Create(QualifiableLead());
        var request = Qualify(leadId, account: true, contact: true, opportunity: true);
        request.OpportunityCustomerId = new EntityReference(Account.EntityName, chosenId);

        service.Execute(request);

        var created = emulator.All(Account.EntityName).Single(a => a.Id != chosenId);
        var opportunity = emulator.All(Opportunity.EntityName).Single();
        Assert.AreEqual(chosenId, opportunity.Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(created.Id, opportunity.Ref(Opportunity.Fields.ParentAccountId));
    }

    [TestMethod]
    public void QualifyLead_SellerChoosesACustomerAndNothingElseIsCreated_IsQualified()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var chosenId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Adams" });
        var leadId = service.Create(QualifiableLead(email: null));
        var request = Qualify(leadId, account: false, contact: false, opportunity: true);
        request.OpportunityCustomerId = new EntityReference(Contact.EntityName, chosenId);

        service.Execute(request);

        Assert.AreEqual(chosenId, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
        Assert.IsEmpty(emulator.All(Account.EntityName));
    }

    [TestMethod]
    public void QualifyLead_ReuseExistingOff_CreatesNewAccountAndContactAndTheOpportunityUsesThem()
    {
        var emulator = Organization("""{"reuseExisting":false,"matchExisting":false}""");
        var service = emulator.UserService(English);
        var accountId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam" });
        var contactId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Adams" });
        var lead = QualifiableLead();
        lead[Lead.Fields.ParentAccountId] = new EntityReference(Account.EntityName, accountId);
        lead[Lead.Fields.ParentContactId] = new EntityReference(Contact.EntityName, contactId);
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        var newAccount = emulator.All(Account.EntityName).Single(a => a.Id != accountId);
        var newContact = emulator.All(Contact.EntityName).Single(c => c.Id != contactId);
        var opportunity = emulator.All(Opportunity.EntityName).Single();
        Assert.AreEqual(newAccount.Id, opportunity.Ref(Opportunity.Fields.ParentAccountId));
        Assert.AreEqual(newContact.Id, opportunity.Ref(Opportunity.Fields.ParentContactId));
        Assert.AreEqual(newAccount.Id, opportunity.Ref(Opportunity.Fields.CustomerId));
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void QualifyLead_ReuseExistingOffAndNothingCreated_TheLeadsOwnLinkIsTheCustomer(bool linkAccount)
    {
        var emulator = Organization("""{"reuseExisting":false}""");
        var service = emulator.UserService(English);
        var lead = QualifiableLead(email: null);
        var linked = linkAccount
            ? new EntityReference(Account.EntityName, service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam" }))
            : new EntityReference(Contact.EntityName, service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Adams" }));
        lead[linkAccount ? Lead.Fields.ParentAccountId : Lead.Fields.ParentContactId] = linked;
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: false, contact: false, opportunity: true));

        var customer = emulator.All(Opportunity.EntityName).Single().GetAttributeValue<EntityReference>(Opportunity.Fields.CustomerId);
        Assert.AreEqual(linked.LogicalName, customer.LogicalName);
        Assert.AreEqual(linked.Id, customer.Id);
    }

    [TestMethod]
    public void SetState_ReactivateOneOfTwoQualifiedLeads_OnlyItsOwnLeadToOpportunityProcessGoesBackToQualify()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var reactivatedId = service.Create(QualifiableLead());
        var otherId = service.Create(QualifiableLead(company: "Fabrikam", email: "eva@fabrikam.example"));
        service.Execute(Qualify(reactivatedId, account: true, contact: false, opportunity: true));
        service.Execute(Qualify(otherId, account: true, contact: false, opportunity: true));
        var untouched = new[] { Instance(emulator, otherId) };

        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Lead.EntityName, reactivatedId), State = new OptionSetValue((int)LeadState.Open), Status = new OptionSetValue(-1) });

        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, Instance(emulator, reactivatedId).Ref(LeadToOpportunitySalesProcess.Fields.ActiveStageId));
        foreach (var row in untouched)
        {
            var now = emulator.Get(LeadToOpportunitySalesProcess.EntityName, row.Id)!;
            Assert.AreEqual(row.GetAttributeValue<long>("versionnumber"), now.GetAttributeValue<long>("versionnumber"));
            Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Develop, now.Ref(LeadToOpportunitySalesProcess.Fields.ActiveStageId));
        }
    }

    [TestMethod]
    public void SetState_DisqualifyLeadWhileAnotherLeadHasAnOpportunity_IsDisqualified()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var disqualifiedId = service.Create(QualifiableLead());
        var otherId = service.Create(QualifiableLead(company: "Fabrikam", email: "eva@fabrikam.example"));
        service.Execute(Qualify(otherId, account: true, contact: false, opportunity: true));

        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Lead.EntityName, disqualifiedId), State = new OptionSetValue((int)LeadState.Disqualified), Status = new OptionSetValue((int)LeadStatusReason.Lost) });

        var lead = emulator.Get(Lead.EntityName, disqualifiedId)!;
        Assert.AreEqual((int)LeadState.Disqualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.Lost, lead.Status());
    }

    [TestMethod]
    public void QualifyLead_FinishProcessWithoutOpportunity_OnlyTheQualifiedLeadsProcessIsEnded()
    {
        var emulator = Organization("""{"finishProcessWithoutOpportunity":true}""");
        var service = emulator.UserService(English);
        var qualifiedId = service.Create(QualifiableLead());
        var openId = service.Create(QualifiableLead(company: "Fabrikam", email: "eva@fabrikam.example"));
        var before = new[] { Instance(emulator, openId) };

        service.Execute(Qualify(qualifiedId, account: true, contact: false, opportunity: false));

        Assert.AreEqual((int)ProcessInstanceState.Inactive, Instance(emulator, qualifiedId).State());
        foreach (var row in before)
        {
            var now = emulator.Get(LeadToOpportunitySalesProcess.EntityName, row.Id)!;
            Assert.AreEqual(row.GetAttributeValue<long>("versionnumber"), now.GetAttributeValue<long>("versionnumber"));
            Assert.AreEqual((int)ProcessInstanceState.Active, now.State());
        }
    }

    private static void AddOtherVariable(XrmEmulator emulator, string value)
    {
        emulator.Seed(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = OtherVariable,
            ["displayname"] = "Service URL",
            ["type"] = new OptionSetValue(100000000),
        });
        emulator.SetEnvironmentVariable(OtherVariable, value);
    }

    private static Guid PolicyDefinitionId(XrmEmulator emulator) =>
        emulator.All("environmentvariabledefinition").Single(d => d.GetAttributeValue<string>("schemaname") == PolicyVariable).Id;

    private static Guid SeedAccount(XrmEmulator emulator, string name, DateTime createdOn)
    {
        var id = Guid.NewGuid();
        emulator.Seed(new Entity(Account.EntityName, id) { [Account.Fields.Name] = name, ["createdon"] = createdOn });
        return id;
    }

    private static Guid SeedContact(XrmEmulator emulator, string email, DateTime createdOn)
    {
        var id = Guid.NewGuid();
        emulator.Seed(new Entity(Contact.EntityName, id) { ["lastname"] = "Berg", [Contact.Fields.EmailAddress1] = email, ["createdon"] = createdOn });
        return id;
    }

    private static Entity Instance(XrmEmulator emulator, Guid leadId) =>
        emulator.All(LeadToOpportunitySalesProcess.EntityName).Single(i =>
            i.Ref(LeadToOpportunitySalesProcess.Fields.LeadId) == leadId
            && i.Ref(LeadToOpportunitySalesProcess.Fields.ProcessId) == LeadToOpportunitySalesProcess.ProcessId);
}
