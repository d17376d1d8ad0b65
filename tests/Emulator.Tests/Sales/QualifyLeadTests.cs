using System;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class QualifyLeadTests
{
    [TestMethod]
    public void QualifyLead_AllFlags_ReturnsAccountContactOpportunityInCreatedEntities()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.HasCount(3, response.CreatedEntities);
        Assert.AreEqual("account", response.CreatedEntities[0].LogicalName);
        Assert.AreEqual("contact", response.CreatedEntities[1].LogicalName);
        Assert.AreEqual("opportunity", response.CreatedEntities[2].LogicalName);
        Assert.HasCount(1, fixture.All("account"));
        Assert.HasCount(1, fixture.All("contact"));
        Assert.HasCount(1, fixture.All("opportunity"));
    }

    [TestMethod]
    public void QualifyLead_OnlyContact_ReturnsOnlyContact()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false, opportunity: false));

        Assert.HasCount(1, response.CreatedEntities);
        Assert.AreEqual("contact", response.CreatedEntities[0].LogicalName);
        Assert.IsEmpty(fixture.All("account"));
        Assert.IsEmpty(fixture.All("opportunity"));
    }

    [TestMethod]
    public void QualifyLead_NoFlags_QualifiesLeadWithoutCreatingRecords()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false, opportunity: false));

        Assert.IsEmpty(response.CreatedEntities);
        Assert.IsEmpty(fixture.All("account"));
        Assert.AreEqual(LeadStates.Qualified, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void QualifyLead_OpenLead_SetsQualifiedStateAndStatus()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Execute(SalesFixture.Qualify(leadId));

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(1, SalesFixture.State(lead));
        Assert.AreEqual(3, SalesFixture.Status(lead));
    }

    [TestMethod]
    public void QualifyLead_StatusMinusOne_UsesDefaultQualifiedStatus()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Execute(SalesFixture.Qualify(leadId, status: -1));

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(1, SalesFixture.State(lead));
        Assert.AreEqual(3, SalesFixture.Status(lead));
    }

    [TestMethod]
    public void QualifyLead_DisqualifiedStatus_FaultsAndCreatesNothing()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var code = TestSupport.FaultCode(() => fixture.Execute(SalesFixture.Qualify(leadId, status: 4)));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
        Assert.IsEmpty(fixture.All("account"));
        Assert.AreEqual(0, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void QualifyLead_AlreadyQualifiedLead_FaultsLeadAlreadyInClosedState()
    {
        // Issue 20 item 2: LeadAlreadyInClosedState 0x80040519 "The lead is already closed." (Microsoft's error list).
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, opportunity: false));

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.AreEqual(unchecked((int)0x80040519), fault.Detail.ErrorCode);
        Assert.AreEqual("The lead is already closed.", fault.Detail.Message);
        Assert.HasCount(1, fixture.All("account"));
        Assert.IsEmpty(fixture.All("opportunity"));
    }

    [TestMethod]
    public void QualifyLead_DisqualifiedLead_FaultsLeadAlreadyInClosedState()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.AreEqual(SalesFaults.LeadAlreadyInClosedState, fault.Detail.ErrorCode);
        Assert.AreEqual(SalesFaults.LeadClosedMessage, fault.Detail.Message);
        Assert.IsEmpty(fixture.All("account"));
    }

    [TestMethod]
    public void QualifyLead_AccountAndContact_NewContactIsTheNewAccountsPrimaryContact()
    {
        // Issue 20 item 3 (QualifyLeadRequest, Notes for Callers): primary contact of the new account = the new contact,
        // and the new contact's parent customer = the new account.
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, opportunity: false));

        var account = SalesFixture.Find(response.CreatedEntities, "account")!;
        var contact = SalesFixture.Find(response.CreatedEntities, "contact")!;
        Assert.AreEqual(contact.Id, fixture.Row("account", account.Id).GetAttributeValue<EntityReference>("primarycontactid").Id);
        Assert.AreEqual(account.Id, fixture.Row("contact", contact.Id).GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [TestMethod]
    public void QualifyLead_OnlyAccount_AccountHasNoPrimaryContact()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, contact: false, opportunity: false));

        Assert.IsNull(fixture.Row("account", response.CreatedEntities[0].Id).GetAttributeValue<EntityReference>("primarycontactid"));
    }

    [TestMethod]
    public void QualifyLead_StatusOfAnotherState_FaultWordedAsThePlatformWordsIt()
    {
        // Issue 20 item 2: "1 is not a valid status code for state code LeadState.Qualified on lead …".
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => fixture.Execute(SalesFixture.Qualify(leadId, status: 1)));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, fault.Detail.ErrorCode);
        Assert.StartsWith("1 is not a valid status code for state code LeadState.Qualified on lead", fault.Detail.Message!);
    }

    [TestMethod]
    public void QualifyLead_MissingLeadId_FaultsInvalidArgument()
    {
        var fixture = new SalesFixture();
        var request = SalesFixture.Qualify(Guid.NewGuid());
        request.Parameters.Remove("LeadId");

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void QualifyLead_LeadIdOfOtherTable_FaultsInvalidArgument()
    {
        var fixture = new SalesFixture();
        var accountId = fixture.Service.Create(new Entity("account") { ["name"] = "Not a lead" });
        var request = SalesFixture.Qualify(accountId);
        request.LeadId = new EntityReference("account", accountId);

        var code = TestSupport.FaultCode(() => fixture.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void QualifyLead_UnknownLead_FaultsObjectDoesNotExist()
    {
        var fixture = new SalesFixture();

        var code = TestSupport.FaultCode(() => fixture.Execute(SalesFixture.Qualify(Guid.NewGuid())));

        Assert.AreEqual(unchecked((int)0x80040217), code);
    }

    [TestMethod]
    public void QualifyLead_MissingStatus_FaultsInvalidArgument()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var request = SalesFixture.Qualify(leadId);
        request.Parameters.Remove("Status");

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void QualifyLead_MissingCreateFlag_FaultsInvalidArgument()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var request = SalesFixture.Qualify(leadId);
        request.Parameters.Remove("CreateContact");

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void QualifyLead_CustomerOfWrongTable_FaultsInvalidArgument()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var request = SalesFixture.Qualify(leadId);
        request.OpportunityCustomerId = new EntityReference("lead", leadId);

        var code = TestSupport.FaultCode(() => fixture.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
        Assert.IsEmpty(fixture.All("account"));
    }

    [TestMethod]
    public void QualifyLead_AccountMap_CopiesCompanyNameEmailAndOriginatingLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead(l => l["address1_city"] = "London");

        var response = fixture.Execute(SalesFixture.Qualify(leadId, contact: false, opportunity: false));

        var account = fixture.Row("account", response.CreatedEntities[0].Id);
        Assert.AreEqual("Babbage Ltd", account.GetAttributeValue<string>("name"));
        Assert.AreEqual("ada@example.com", account.GetAttributeValue<string>("emailaddress1"));
        Assert.AreEqual("London", account.GetAttributeValue<string>("address1_city"));
        Assert.AreEqual(leadId, account.GetAttributeValue<EntityReference>("originatingleadid").Id);
    }

    [TestMethod]
    public void QualifyLead_ContactMap_CopiesNamesAndLinksToNewAccount()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, opportunity: false));

        var account = SalesFixture.Find(response.CreatedEntities, "account")!;
        var contact = fixture.Row("contact", SalesFixture.Find(response.CreatedEntities, "contact")!.Id);
        Assert.AreEqual("Ada", contact.GetAttributeValue<string>("firstname"));
        Assert.AreEqual("Lovelace", contact.GetAttributeValue<string>("lastname"));
        Assert.AreEqual("Analyst", contact.GetAttributeValue<string>("jobtitle"));
        Assert.AreEqual(account.Id, contact.GetAttributeValue<EntityReference>("parentcustomerid").Id);
        Assert.AreEqual(leadId, contact.GetAttributeValue<EntityReference>("originatingleadid").Id);
    }

    [TestMethod]
    public void QualifyLead_OpportunityMap_CopiesTopicParentsAndOriginatingLead()
    {
        var fixture = new SalesFixture();
        var existing = fixture.Service.Create(new Entity("account") { ["name"] = "Existing" });
        var leadId = fixture.CreateLead(l => l["parentaccountid"] = new EntityReference("account", existing));

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false));

        var contact = SalesFixture.Find(response.CreatedEntities, "contact")!;
        var opportunity = fixture.Row("opportunity", SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id);
        Assert.AreEqual("Analytical engines", opportunity.GetAttributeValue<string>("name"));
        Assert.AreEqual("Met at the fair", opportunity.GetAttributeValue<string>("description"));
        Assert.AreEqual(existing, opportunity.GetAttributeValue<EntityReference>("parentaccountid").Id);
        Assert.AreEqual(contact.Id, opportunity.GetAttributeValue<EntityReference>("parentcontactid").Id);
        Assert.AreEqual(leadId, opportunity.GetAttributeValue<EntityReference>("originatingleadid").Id);
    }

    [TestMethod]
    public void QualifyLead_CustomerGiven_UsesOpportunityCustomerId()
    {
        var fixture = new SalesFixture();
        var existing = fixture.Service.Create(new Entity("account") { ["name"] = "Existing" });
        var leadId = fixture.CreateLead();
        var request = SalesFixture.Qualify(leadId);
        request.OpportunityCustomerId = new EntityReference("account", existing);

        var response = fixture.Execute(request);

        var opportunity = fixture.Row("opportunity", SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id);
        Assert.AreEqual(existing, opportunity.GetAttributeValue<EntityReference>("customerid").Id);
    }

    [TestMethod]
    public void QualifyLead_NoCustomerGiven_UsesNewAccount()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        var opportunity = fixture.Row("opportunity", SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id);
        var customer = opportunity.GetAttributeValue<EntityReference>("customerid");
        Assert.AreEqual("account", customer.LogicalName);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "account")!.Id, customer.Id);
    }

    [TestMethod]
    public void QualifyLead_NoAccountCreated_UsesNewContactAsCustomer()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false));

        var opportunity = fixture.Row("opportunity", SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id);
        var customer = opportunity.GetAttributeValue<EntityReference>("customerid");
        Assert.AreEqual("contact", customer.LogicalName);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "contact")!.Id, customer.Id);
    }

    [TestMethod]
    public void QualifyLead_OnlyOpportunity_LeavesCustomerEmpty()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));

        var opportunity = fixture.Row("opportunity", response.CreatedEntities[0].Id);
        Assert.IsFalse(opportunity.Contains("customerid") && opportunity["customerid"] is not null);
    }

    [TestMethod]
    public void QualifyLead_CurrencyAndCampaignGiven_SetOnOpportunity()
    {
        var fixture = new SalesFixture();
        var euro = fixture.Service.Create(new Entity("transactioncurrency") { ["isocurrencycode"] = "EUR", ["currencyname"] = "Euro", ["exchangerate"] = 0.9m });
        var campaign = fixture.Service.Create(new Entity("campaign") { ["name"] = "Spring fair" });
        var leadId = fixture.CreateLead();
        var request = SalesFixture.Qualify(leadId, account: false, contact: false);
        request.OpportunityCurrencyId = new EntityReference("transactioncurrency", euro);
        request.SourceCampaignId = new EntityReference("campaign", campaign);

        var response = fixture.Execute(request);

        var opportunity = fixture.Row("opportunity", response.CreatedEntities[0].Id);
        Assert.AreEqual(euro, opportunity.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        Assert.AreEqual(campaign, opportunity.GetAttributeValue<EntityReference>("campaignid").Id);
    }

    [TestMethod]
    public void QualifyLead_NoCurrencyAnywhere_UsesBaseCurrency()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));

        var opportunity = fixture.Row("opportunity", response.CreatedEntities[0].Id);
        Assert.AreEqual(fixture.Emulator.BaseCurrencyId, opportunity.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
    }

    [TestMethod]
    public void QualifyLead_LeadHasCurrency_OpportunityTakesLeadCurrency()
    {
        var fixture = new SalesFixture();
        var euro = fixture.Service.Create(new Entity("transactioncurrency") { ["isocurrencycode"] = "EUR", ["currencyname"] = "Euro", ["exchangerate"] = 0.9m });
        var leadId = fixture.CreateLead(l => l["transactioncurrencyid"] = new EntityReference("transactioncurrency", euro));

        var response = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));

        var opportunity = fixture.Row("opportunity", response.CreatedEntities[0].Id);
        Assert.AreEqual(euro, opportunity.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
    }

    [TestMethod]
    public void QualifyLead_AllFlags_WritesLinksBackToLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "account")!.Id, lead.GetAttributeValue<EntityReference>("parentaccountid").Id);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "contact")!.Id, lead.GetAttributeValue<EntityReference>("parentcontactid").Id);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id, lead.GetAttributeValue<EntityReference>("qualifyingopportunityid").Id);
    }

    [TestMethod]
    public void QualifyLead_AllFlags_RunsNestedCreatesThroughDispatchPoint()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Emulator.Calls.Reset();

        fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.AreEqual(1, fixture.Emulator.Calls["QualifyLead"]);
        Assert.AreEqual(3, fixture.Emulator.Calls["Create"]);
    }

    [TestMethod]
    public void QualifyLead_NestedCreateFails_RollsBackEverything()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var create = fixture.Emulator.Handlers.Find("Create")!;
        fixture.Emulator.Handlers.Register("Create", (request, context) =>
            ((Entity)request.Parameters["Target"]).LogicalName == "opportunity"
                ? throw Faults.InvalidArgumentFault("simulated failure in the opportunity Create")
                : create.Execute(request, context));

        TestSupport.FaultCode(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.IsEmpty(fixture.All("account"));
        Assert.IsEmpty(fixture.All("contact"));
        Assert.IsEmpty(fixture.All("opportunity"));
        Assert.AreEqual(0, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void QualifyLead_LeadUpdateFails_RollsBackCreatedRecords()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var update = fixture.Emulator.Handlers.Find("Update")!;
        fixture.Emulator.Handlers.Register("Update", (request, context) =>
            ((Entity)request.Parameters["Target"]).LogicalName == "lead"
                ? throw Faults.InvalidArgumentFault("simulated failure in the lead Update")
                : update.Execute(request, context));

        TestSupport.FaultCode(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.IsEmpty(fixture.All("account"));
        Assert.IsEmpty(fixture.All("opportunity"));
        Assert.AreEqual(LeadToOpportunityProcess.QualifyStageId, fixture.Instance(leadId).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void SalesHandlers_Registry_HoldsEverySalesMessage()
    {
        var handlers = new XrmEmulator().Handlers;
        var names = new[] { "QualifyLead", "SetStateDynamicEntity", "RetrieveProcessInstances", "RetrieveActivePath", "SetProcess" };

        var found = Array.ConvertAll(names, handlers.Find);

        for (var i = 0; i < names.Length; i++)
        {
            Assert.AreEqual(names[i], found[i]?.MessageName);
        }
    }
}
