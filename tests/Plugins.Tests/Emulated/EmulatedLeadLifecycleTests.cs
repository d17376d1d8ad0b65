using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using LeadQualifyExtensions.Testing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Emulated;

[TestClass]
public sealed class EmulatedLeadLifecycleTests
{
    [TestMethod]
    public void QualifyLead_ExistingAccount_ReusesItAndCarriesTheLeadsValues()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Contoso" });
        var leadId = service.Create(QualifiableLead(new EntityReference(Account.EntityName, accountId)));

        var response = (QualifyLeadResponse)service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        Assert.HasCount(1, emulator.All(Account.EntityName));
        var opportunityRef = response.CreatedEntities.Single(r => r.LogicalName == Opportunity.EntityName);
        var opportunity = emulator.Get(Opportunity.EntityName, opportunityRef.Id)!;
        Assert.AreEqual(accountId, opportunity.GetAttributeValue<EntityReference>(Opportunity.Fields.ParentAccountId).Id);
        Assert.AreEqual(accountId, opportunity.GetAttributeValue<EntityReference>(Opportunity.Fields.CustomerId).Id);
        Assert.AreEqual(5000m, opportunity.GetAttributeValue<Money>(Opportunity.Fields.BudgetAmount).Value);
        Assert.AreEqual(1, opportunity.GetAttributeValue<OptionSetValue>(Opportunity.Fields.PurchaseTimeframe).Value);
        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Qualified, lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode).Value);
        Assert.AreEqual((int)LeadStatusReason.Qualified, lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StatusCode).Value);
        Assert.AreEqual(opportunityRef.Id, lead.GetAttributeValue<EntityReference>(Lead.Fields.QualifyingOpportunityId).Id);
        Assert.IsNotNull(lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentContactId));
    }

    [TestMethod]
    public void QualifyLead_MissingFieldsForGermanUser_RefusedInGermanAndNothingWritten()
    {
        var emulator = ShippedSolution.Organization();
        var userId = emulator.CreateUser("Lise", "Meitner", uiLanguageId: 1031, roles: ["Salesperson"]);
        var service = emulator.GetOrganizationService(userId);
        var lead = QualifiableLead(null);
        lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        var leadId = emulator.GetOrganizationService().Create(lead);

        var error = Assert.Throws<Exception>(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Texts.Format(QualificationTexts.German.MissingFields, "Budgetbetrag"), error.Message);
        Assert.IsEmpty(emulator.All(Opportunity.EntityName));
        Assert.IsEmpty(emulator.All(Account.EntityName));
        Assert.AreEqual((int)LeadState.Open, emulator.Get(Lead.EntityName, leadId)!.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode).Value);
    }

    [TestMethod]
    public void QualifyLead_ActiveContactWithSameEmail_IsLinkedInsteadOfADuplicate()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var contactId = service.Create(new Entity(Contact.EntityName) { ["lastname"] = "Berg", [Contact.Fields.EmailAddress1] = "Kai@Contoso.example" });
        var lead = QualifiableLead(null);
        lead[Lead.Fields.EmailAddress1] = " kai@contoso.example ";
        var leadId = service.Create(lead);

        var response = (QualifyLeadResponse)service.Execute(Qualify(leadId, account: false, contact: true, opportunity: true));

        Assert.HasCount(1, emulator.All(Contact.EntityName));
        var opportunity = emulator.Get(Opportunity.EntityName, response.CreatedEntities.Single().Id)!;
        Assert.AreEqual(contactId, opportunity.GetAttributeValue<EntityReference>(Opportunity.Fields.CustomerId).Id);
        Assert.AreEqual(contactId, opportunity.GetAttributeValue<EntityReference>(Opportunity.Fields.ParentContactId).Id);
        Assert.AreEqual(contactId, emulator.Get(Lead.EntityName, leadId)!.GetAttributeValue<EntityReference>(Lead.Fields.ParentContactId).Id);
    }

    [TestMethod]
    public void QualifyLead_AlreadyQualified_ShowsTheClosedMessage()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        var error = Assert.Throws<Exception>(() => service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false)));

        Assert.AreEqual(QualificationTexts.English.LeadClosed, error.Message);
        Assert.HasCount(1, emulator.All(Account.EntityName));
    }

    [TestMethod]
    public void QualifyLead_UnknownLead_ShowsTheNotFoundMessage()
    {
        var service = ShippedSolution.Organization().GetOrganizationService();

        var error = Assert.Throws<Exception>(() => service.Execute(Qualify(Guid.NewGuid(), account: true, contact: false, opportunity: false)));

        Assert.AreEqual(QualificationTexts.English.LeadNotFound, error.Message);
    }

    [TestMethod]
    public void QualifyLead_FinishProcessWithoutOpportunity_EndsTheLeadsProcessAsAborted()
    {
        var emulator = ShippedSolution.Organization("""{"finishProcessWithoutOpportunity":true}""");
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));

        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: false));

        var instance = emulator.All(LeadToOpportunitySalesProcess.EntityName)
            .Single(i => i.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.LeadId)?.Id == leadId);
        Assert.AreEqual((int)ProcessInstanceState.Inactive, instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode).Value);
        Assert.AreEqual((int)ProcessInstanceStatus.Aborted, instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StatusCode).Value); // Finished only on the last stage (issue 20 item 5)
    }

    [TestMethod]
    public void QualifyLead_MalformedPolicy_FailsClosedNamingTheVariable()
    {
        var emulator = ShippedSolution.Organization("""{"account":"sometimes"}""");
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));

        var error = Assert.Throws<Exception>(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        StringAssert.Contains(error.Message, "lqx_LeadQualificationPolicy", StringComparison.Ordinal);
        Assert.IsEmpty(emulator.All(Opportunity.EntityName));
    }

    [TestMethod]
    public void Update_DisqualifyLeadWithOpportunity_IsRefusedNamingTheOpportunity()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        service.Create(new Entity(Opportunity.EntityName)
        {
            [Opportunity.Fields.Name] = "50 bikes",
            [Opportunity.Fields.OriginatingLeadId] = new EntityReference(Lead.EntityName, leadId),
        });

        var error = Assert.Throws<Exception>(() => service.Update(new Entity(Lead.EntityName, leadId)
        {
            [Lead.Fields.StateCode] = new OptionSetValue((int)LeadState.Disqualified),
            [Lead.Fields.StatusCode] = new OptionSetValue((int)LeadStatusReason.NoLongerInterested),
        }));

        Assert.AreEqual(Texts.Format(LifecycleTexts.English.DisqualifyWithOpportunity, "50 bikes"), error.Message);
        Assert.AreEqual((int)LeadState.Open, emulator.Get(Lead.EntityName, leadId)!.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode).Value);
    }

    [TestMethod]
    public void SetState_DisqualifyLeadWithoutOpportunity_CostsPolicyAndOpportunityQueriesOnly()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        emulator.Calls.Reset();

        service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(Lead.EntityName, leadId),
            State = new OptionSetValue((int)LeadState.Disqualified),
            Status = new OptionSetValue((int)LeadStatusReason.CannotContact),
        });

        Assert.AreEqual(2, emulator.Calls["RetrieveMultiple"]);
        Assert.AreEqual((int)LeadStatusReason.CannotContact, emulator.Get(Lead.EntityName, leadId)!.GetAttributeValue<OptionSetValue>(Lead.Fields.StatusCode).Value);
    }

    [TestMethod]
    public void Update_OpenLeadToContacted_MakesNoExtraCalls()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        emulator.Calls.Reset();

        service.Update(new Entity(Lead.EntityName, leadId) { [Lead.Fields.StatusCode] = new OptionSetValue((int)LeadStatusReason.Contacted) });

        Assert.AreEqual(0, emulator.Calls["RetrieveMultiple"]);
        Assert.AreEqual((int)LeadStatusReason.Contacted, emulator.Get(Lead.EntityName, leadId)!.GetAttributeValue<OptionSetValue>(Lead.Fields.StatusCode).Value);
    }

    [TestMethod]
    public void SetState_ReactivateQualifiedLead_StatusNewAndProcessBackOnQualify()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(Lead.EntityName, leadId),
            State = new OptionSetValue((int)LeadState.Open),
            Status = new OptionSetValue(-1),
        });

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode).Value);
        Assert.AreEqual((int)LeadStatusReason.New, lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StatusCode).Value);
        var instance = emulator.All(LeadToOpportunitySalesProcess.EntityName)
            .Single(i => i.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.LeadId)?.Id == leadId);
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId).Id);
        Assert.AreEqual((int)ProcessInstanceState.Active, instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode).Value);
        Assert.AreEqual((int)ProcessInstanceStatus.Active, instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StatusCode).Value);
    }

    [TestMethod]
    public void Delete_QualifiedLead_IsRefused()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        var error = Assert.Throws<Exception>(() => service.Delete(Lead.EntityName, leadId));

        Assert.AreEqual(LifecycleTexts.English.DeleteClosedLead, error.Message);
        Assert.IsNotNull(emulator.Get(Lead.EntityName, leadId));
    }

    [TestMethod]
    public void Delete_OpenLead_IsAllowed()
    {
        var emulator = ShippedSolution.Organization();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(QualifiableLead(null));

        service.Delete(Lead.EntityName, leadId);

        Assert.IsNull(emulator.Get(Lead.EntityName, leadId));
    }

    private static Entity QualifiableLead(EntityReference? parentAccount)
    {
        var lead = new Entity(Lead.EntityName)
        {
            [Lead.Fields.Subject] = "50 bikes",
            ["firstname"] = "Kai",
            ["lastname"] = "Berg",
            [Lead.Fields.CompanyName] = "Contoso",
            [Lead.Fields.BudgetAmount] = new Money(5000m),
            [Lead.Fields.PurchaseTimeframe] = new OptionSetValue(1),
            [Lead.Fields.PurchaseProcess] = new OptionSetValue(0),
        };
        if (parentAccount is not null)
        {
            lead[Lead.Fields.ParentAccountId] = parentAccount;
        }

        return lead;
    }

    private static QualifyLeadRequest Qualify(Guid leadId, bool account, bool contact, bool opportunity) => new()
    {
        LeadId = new EntityReference(Lead.EntityName, leadId),
        CreateAccount = account,
        CreateContact = contact,
        CreateOpportunity = opportunity,
        Status = new OptionSetValue(-1),
    };
}
