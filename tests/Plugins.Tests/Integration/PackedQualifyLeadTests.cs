using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>QualifyLead through the steps of the packed solution zip (behaviours 1, 2, 5, 7 and 10 of issue 5).</summary>
[TestClass]
public sealed class PackedQualifyLeadTests
{
    [TestMethod]
    public void QualifyLead_CreateAll_CreatesRecordsCarriesValuesAndLinksTheLead()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        var response = (QualifyLeadResponse)service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        var account = emulator.All(Account.EntityName).Single();
        var contact = emulator.All(Contact.EntityName).Single();
        var opportunity = emulator.All(Opportunity.EntityName).Single();
        CollectionAssert.AreEquivalent(new[] { account.Id, contact.Id, opportunity.Id }, response.CreatedEntities.Select(r => r.Id).ToArray());
        Assert.AreEqual(account.Id, opportunity.Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(account.Id, opportunity.Ref(Opportunity.Fields.ParentAccountId));
        Assert.AreEqual(contact.Id, opportunity.Ref(Opportunity.Fields.ParentContactId));
        AssertCarriesLeadValues(opportunity);
        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Qualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.Qualified, lead.Status());
        Assert.AreEqual(opportunity.Id, lead.Ref(Lead.Fields.QualifyingOpportunityId));
        Assert.AreEqual(account.Id, lead.Ref(Lead.Fields.ParentAccountId));
        Assert.AreEqual(contact.Id, lead.Ref(Lead.Fields.ParentContactId));
    }

    [TestMethod]
    public void QualifyLead_ExplicitQualifiedStatus_IsAccepted()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false, status: (int)LeadStatusReason.Qualified));

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Qualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.Qualified, lead.Status());
    }

    [TestMethod]
    [DataRow(English, "Budget Amount, Company Name")]
    [DataRow(German, "Budgetbetrag, Firmenname")]
    public void QualifyLead_RequiredFieldsEmpty_RefusedListingDisplayNamesAndNothingWritten(int language, string names)
    {
        var emulator = Organization("""{"requiredFields":["budgetamount","companyname","purchaseprocess"]}""");
        var service = emulator.UserService(language);
        var lead = QualifiableLead(company: "");
        lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        var leadId = service.Create(lead);
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.MissingFields, language, names), message);
        Assert.AreEqual(before, Snapshot(emulator));
        var stored = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, stored.State());
        Assert.AreEqual((int)LeadStatusReason.New, stored.Status());
    }

    [TestMethod]
    public void QualifyLead_ModesAlways_CreatesAllThreeThoughNoneWasRequested()
    {
        var emulator = Organization("""{"account":"always","contact":"always","opportunity":"always"}""");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: false, contact: false, opportunity: false));

        Assert.HasCount(1, emulator.All(Account.EntityName));
        Assert.HasCount(1, emulator.All(Contact.EntityName));
        Assert.HasCount(1, emulator.All(Opportunity.EntityName));
        Assert.AreEqual((int)LeadState.Qualified, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    public void QualifyLead_ModesNever_CreatesNothingThoughAllWasRequested()
    {
        var emulator = Organization("""{"account":"never","contact":"never","opportunity":"never"}""");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        var response = (QualifyLeadResponse)service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        Assert.IsEmpty(response.CreatedEntities);
        Assert.IsEmpty(emulator.All(Account.EntityName));
        Assert.IsEmpty(emulator.All(Contact.EntityName));
        Assert.IsEmpty(emulator.All(Opportunity.EntityName));
        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Qualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.Qualified, lead.Status());
    }

    [TestMethod]
    public void QualifyLead_ModesAsRequested_CreatesOnlyWhatWasRequested()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: false, contact: true, opportunity: true));

        Assert.IsEmpty(emulator.All(Account.EntityName));
        var contact = emulator.All(Contact.EntityName).Single();
        Assert.AreEqual(contact.Id, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
    }

    [TestMethod]
    public void QualifyLead_ReuseExisting_LinksTheLeadsAccountAndContactInsteadOfCreating()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var accountId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam" });
        var contactId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Adams" });
        var lead = QualifiableLead();
        lead[Lead.Fields.ParentAccountId] = new EntityReference(Account.EntityName, accountId);
        lead[Lead.Fields.ParentContactId] = new EntityReference(Contact.EntityName, contactId);
        var leadId = service.Create(lead);

        var response = (QualifyLeadResponse)service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        Assert.HasCount(1, emulator.All(Account.EntityName));
        Assert.HasCount(1, emulator.All(Contact.EntityName));
        var opportunity = emulator.Get(Opportunity.EntityName, response.CreatedEntities.Single().Id)!;
        Assert.AreEqual(accountId, opportunity.Ref(Opportunity.Fields.ParentAccountId));
        Assert.AreEqual(contactId, opportunity.Ref(Opportunity.Fields.ParentContactId));
        Assert.AreEqual(accountId, opportunity.Ref(Opportunity.Fields.CustomerId));
        AssertCarriesLeadValues(opportunity);
        var stored = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual(accountId, stored.Ref(Lead.Fields.ParentAccountId));
        Assert.AreEqual(contactId, stored.Ref(Lead.Fields.ParentContactId));
        Assert.AreEqual(opportunity.Id, stored.Ref(Lead.Fields.QualifyingOpportunityId));
    }

    [TestMethod]
    public void QualifyLead_ReuseExistingOff_CreatesANewAccountDespiteTheLeadsAccount()
    {
        var emulator = Organization("""{"reuseExisting":false,"matchExisting":false}""");
        var service = emulator.UserService(English);
        var accountId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam" });
        var lead = QualifiableLead();
        lead[Lead.Fields.ParentAccountId] = new EntityReference(Account.EntityName, accountId);
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        Assert.HasCount(2, emulator.All(Account.EntityName));
        var created = emulator.All(Account.EntityName).Single(a => a.Id != accountId);
        Assert.AreEqual(created.Id, emulator.All(Opportunity.EntityName).Single().Ref(Opportunity.Fields.CustomerId));
    }

    [TestMethod]
    public void QualifyLead_OnlyExistingContact_BecomesTheOpportunityCustomer()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var contactId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Adams" });
        var lead = QualifiableLead(email: null);
        lead[Lead.Fields.ParentContactId] = new EntityReference(Contact.EntityName, contactId);
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: false, contact: false, opportunity: true));

        var opportunity = emulator.All(Opportunity.EntityName).Single();
        Assert.AreEqual(contactId, opportunity.Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(Contact.EntityName, opportunity.GetAttributeValue<EntityReference>(Opportunity.Fields.CustomerId).LogicalName);
        Assert.IsEmpty(emulator.All(Account.EntityName));
    }

    [TestMethod]
    public void QualifyLead_ActiveAccountWithCompanyNameIgnoringCaseAndSpaces_IsMatchedAndLinked()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var inactiveId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Contoso Ltd" });
        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Account.EntityName, inactiveId), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
        var activeId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Contoso Ltd" });
        var leadId = service.Create(QualifiableLead(company: "  contoso LTD "));

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        Assert.HasCount(2, emulator.All(Account.EntityName));
        var opportunity = emulator.All(Opportunity.EntityName).Single();
        Assert.AreEqual(activeId, opportunity.Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(activeId, opportunity.Ref(Opportunity.Fields.ParentAccountId));
        Assert.AreEqual(activeId, emulator.Get(Lead.EntityName, leadId)!.Ref(Lead.Fields.ParentAccountId));
    }

    [TestMethod]
    public void QualifyLead_ActiveContactWithSameEmail_IsMatchedAndLinked()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var contactId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Berg", [Contact.Fields.EmailAddress1] = "Kai@Contoso.example" });
        var leadId = service.Create(QualifiableLead(email: " kai@contoso.example "));

        service.Execute(Qualify(leadId, account: false, contact: true, opportunity: true));

        Assert.HasCount(1, emulator.All(Contact.EntityName));
        var opportunity = emulator.All(Opportunity.EntityName).Single();
        Assert.AreEqual(contactId, opportunity.Ref(Opportunity.Fields.ParentContactId));
        Assert.AreEqual(contactId, opportunity.Ref(Opportunity.Fields.CustomerId));
        Assert.AreEqual(contactId, emulator.Get(Lead.EntityName, leadId)!.Ref(Lead.Fields.ParentContactId));
    }

    [TestMethod]
    public void QualifyLead_MatchExistingOff_CreatesADuplicateAccount()
    {
        var emulator = Organization("""{"matchExisting":false}""");
        var service = emulator.UserService(English);
        service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Contoso" });
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        Assert.HasCount(2, emulator.All(Account.EntityName));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_OpportunityWithoutPossibleCustomer_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: false, contact: false, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.CustomerRequired, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    public void QualifyLead_FinishProcessWithoutOpportunity_EndsTheLeadsProcessAsAborted()
    {
        var emulator = Organization("""{"finishProcessWithoutOpportunity":true}""");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: false));

        var instance = ProcessOf(emulator, leadId);
        Assert.AreEqual((int)ProcessInstanceState.Inactive, instance.State());
        Assert.AreEqual((int)ProcessInstanceStatus.Aborted, instance.Status()); // Finished only on the last stage (issue 20 item 5)
    }

    [TestMethod]
    public void QualifyLead_WithoutOpportunityByDefault_LeavesTheProcessActive()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: false));

        var instance = ProcessOf(emulator, leadId);
        Assert.AreEqual((int)ProcessInstanceState.Active, instance.State());
        Assert.AreEqual((int)ProcessInstanceStatus.Active, instance.Status());
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_LeadReferenceWithoutId_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(Guid.Empty, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.LeadMissing, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    public void QualifyLead_NoLeadIdAtAll_PlatformRefusesBeforeAnyStepAndNothingWritten()
    {
        // Without LeadId the request has no primary entity, so no lead step runs: the platform's own validation answers.
        var emulator = Organization();
        var service = emulator.UserService(German);
        service.Create(QualifiableLead());
        var before = Snapshot(emulator);
        var request = Qualify(Guid.Empty, account: true, contact: true, opportunity: true);
        request.LeadId = null;

        var message = Refused(() => service.Execute(request));

        StringAssert.Contains(message, "LeadId", StringComparison.Ordinal);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_UnknownLead_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(Guid.NewGuid(), account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.LeadNotFound, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_AlreadyQualified_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.LeadClosed, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.AreEqual((int)LeadStatusReason.Qualified, emulator.Get(Lead.EntityName, leadId)!.Status());
    }

    [TestMethod]
    [DataRow(English, (int)LeadStatusReason.Canceled)]
    [DataRow(German, (int)LeadStatusReason.New)]
    public void QualifyLead_StatusOfAnotherState_RefusedAndNothingWritten(int language, int status)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true, status)));

        Assert.AreEqual(Expected(QualificationTexts.StatusNotQualified, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void QualifyLead_PolicyThatDoesNotParse_RefusedNamingTheProblemAndNothingWritten(int language)
    {
        var emulator = Organization("""{"account":"sometimes"}""");
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        var problem = Expected(PolicyTexts.UnknownMode, language, QualificationPolicy.Keys.Account, "sometimes");
        Assert.AreEqual(Expected(PolicyTexts.Invalid, language, problem), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    public void QualifyLead_UserLanguageNeitherEnglishNorGerman_FallsBackToEnglish()
    {
        var emulator = Organization();
        var service = emulator.UserService(1036);
        var leadId = service.Create(QualifiableLead());

        var message = Refused(() => service.Execute(Qualify(leadId, account: false, contact: false, opportunity: true)));

        Assert.AreEqual(QualificationTexts.English.CustomerRequired, message);
    }

    private static Entity ProcessOf(LeadQualifyExtensions.Emulator.XrmEmulator emulator, Guid leadId) =>
        emulator.All(LeadToOpportunitySalesProcess.EntityName).Single(i => i.Ref(LeadToOpportunitySalesProcess.Fields.LeadId) == leadId);

    private static void AssertCarriesLeadValues(Entity opportunity)
    {
        Assert.AreEqual(5000m, opportunity.GetAttributeValue<Money>(Opportunity.Fields.BudgetAmount).Value);
        Assert.AreEqual(1, opportunity.GetAttributeValue<OptionSetValue>(Opportunity.Fields.PurchaseTimeframe).Value);
        Assert.AreEqual(0, opportunity.GetAttributeValue<OptionSetValue>(Opportunity.Fields.PurchaseProcess).Value);
        Assert.IsTrue(opportunity.GetAttributeValue<bool>(Opportunity.Fields.DecisionMaker));
        Assert.AreEqual(2, opportunity.GetAttributeValue<OptionSetValue>(Opportunity.Fields.Need).Value);
    }
}
