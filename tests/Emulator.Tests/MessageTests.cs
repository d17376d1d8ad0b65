using System;
using LeadQualifyExtensions.Emulator.Messages;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class MessageTests
{
    [TestMethod]
    public void Retrieve_ColumnSet_ReturnsOnlyRequestedColumnsAndPrimaryId()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var lead = service.Retrieve("lead", id, new ColumnSet("firstname"));

        Assert.HasCount(2, lead.Attributes);
        Assert.AreEqual("Ada", lead.GetAttributeValue<string>("firstname"));
        Assert.AreEqual(id, lead.GetAttributeValue<Guid>("leadid"));
        Assert.AreEqual(id, lead.Id);
    }

    [TestMethod]
    public void Retrieve_AllColumns_ReturnsEveryStoredColumn()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var lead = service.Retrieve("lead", id, new ColumnSet(true));

        Assert.AreEqual(emulator.Get("lead", id)!.Attributes.Count, lead.Attributes.Count);
        Assert.IsTrue(lead.Contains("versionnumber"));
    }

    [TestMethod]
    public void Retrieve_UnknownColumnInColumnSet_FaultsQueryBuilderNoAttribute()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var code = TestSupport.FaultCode(() => service.Retrieve("lead", id, new ColumnSet("nosuch")));

        Assert.AreEqual(Faults.QueryBuilderNoAttribute, code);
    }

    [TestMethod]
    public void Delete_ExistingRow_RemovesIt()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Delete("lead", id);

        Assert.IsNull(emulator.Get("lead", id));
    }

    [TestMethod]
    public void RetrieveMultiple_QueryExpression_ReturnsMatchingRows()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        service.Create(TestSupport.Lead("Ada", "Lovelace"));
        service.Create(TestSupport.Lead("Grace", "Hopper"));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("firstname", ConditionOperator.Equal, "Grace");

        var result = service.RetrieveMultiple(query);

        Assert.HasCount(1, result.Entities);
        Assert.AreEqual("Hopper", result.Entities[0].GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Associate_OneToMany_SetsLookupOnManySide()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contactId = service.Create(new Entity("contact") { ["lastname"] = "C" });

        service.Associate("account", accountId, new Relationship("contact_customer_accounts"), [new EntityReference("contact", contactId)]);

        Assert.AreEqual(accountId, emulator.Get("contact", contactId)!.GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [TestMethod]
    public void Disassociate_OneToMany_ClearsLookup()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contactId = service.Create(new Entity("contact") { ["lastname"] = "C", ["parentcustomerid"] = new EntityReference("account", accountId) });

        service.Disassociate("account", accountId, new Relationship("contact_customer_accounts"), [new EntityReference("contact", contactId)]);

        Assert.IsNull(emulator.Get("contact", contactId)!.GetAttributeValue<EntityReference>("parentcustomerid"));
    }

    [TestMethod]
    public void Associate_UnknownRelationship_FaultsInvalidArgument()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Contoso" });

        var code = TestSupport.FaultCode(() => service.Associate("account", accountId, new Relationship("nope"), []));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void Assign_Lead_ChangesOwnerAndCascadesToNotes()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var userId = emulator.CreateUser("Grace", "Hopper");
        var leadId = service.Create(TestSupport.Lead());
        var noteId = service.Create(new Entity("annotation") { ["objectid"] = new EntityReference("lead", leadId), ["subject"] = "Call" });

        service.Execute(new AssignRequest { Target = new EntityReference("lead", leadId), Assignee = new EntityReference("systemuser", userId) });

        Assert.AreEqual(userId, emulator.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(userId, emulator.Get("annotation", noteId)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void WhoAmI_AsUser_ReturnsUserBusinessUnitAndOrganization()
    {
        var emulator = new XrmEmulator();
        var userId = emulator.CreateUser("Grace", "Hopper");

        var response = (WhoAmIResponse)emulator.GetOrganizationService(userId).Execute(new WhoAmIRequest());

        Assert.AreEqual(userId, response.UserId);
        Assert.AreEqual(emulator.BusinessUnitId, response.BusinessUnitId);
        Assert.AreEqual(emulator.OrganizationId, response.OrganizationId);
    }

    [TestMethod]
    public void Upsert_NewId_CreatesRecord()
    {
        var emulator = new XrmEmulator();
        var id = Guid.NewGuid();

        var response = (UpsertResponse)emulator.GetOrganizationService().Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "New" } });

        Assert.IsTrue(response.RecordCreated);
        Assert.AreEqual(id, response.Target!.Id);
        Assert.AreEqual("New", emulator.Get("account", id)!.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void Upsert_ExistingId_UpdatesRecord()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(new Entity("account") { ["name"] = "Old" });

        var response = (UpsertResponse)service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "New" } });

        Assert.IsFalse(response.RecordCreated);
        Assert.AreEqual("New", emulator.Get("account", id)!.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void Upsert_ByKeyAttributes_UpdatesMatchingRecord()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(new Entity("account") { ["name"] = "Old", ["accountnumber"] = "A-1" });

        var response = (UpsertResponse)service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "A-1") { ["name"] = "New" } });

        Assert.IsFalse(response.RecordCreated);
        Assert.AreEqual(id, response.Target!.Id);
        Assert.AreEqual("New", emulator.Get("account", id)!.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void SetState_StatusMinusOne_UsesDefaultStatusOfState()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(3, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void SetState_StatusOfOtherState_FaultsInvalidStateCodeStatusCode()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var code = TestSupport.FaultCode(() => service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(3) }));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
    }

    [TestMethod]
    public void SetState_UnknownState_FaultsInvalidStateCodeStatusCode()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var code = TestSupport.FaultCode(() => service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(9), Status = new OptionSetValue(-1) }));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
    }

    [TestMethod]
    public void Handlers_CustomMessage_IsDispatchedAndCounted()
    {
        var emulator = new XrmEmulator();
        emulator.Handlers.Register("new_Ping", (request, context) => new OrganizationResponse { Results = { ["Depth"] = context.Depth } });

        var response = emulator.GetOrganizationService().Execute(new OrganizationRequest("new_Ping"));

        Assert.AreEqual(1, response.Results["Depth"]);
        Assert.AreEqual(1, emulator.Calls["new_Ping"]);
    }

    [TestMethod]
    public void RequestContext_NestedExecute_IncrementsDepthAndKeepsCorrelation()
    {
        var emulator = new XrmEmulator();
        RequestContext? inner = null;
        emulator.Handlers.Register("new_Inner", (request, context) =>
        {
            inner = context;
            return new OrganizationResponse();
        });
        RequestContext? outer = null;
        emulator.Handlers.Register("new_Outer", (request, context) =>
        {
            outer = context;
            return context.Execute(new OrganizationRequest("new_Inner"));
        });

        emulator.GetOrganizationService().Execute(new OrganizationRequest("new_Outer"));

        Assert.AreEqual(2, inner!.Depth);
        Assert.AreEqual(outer!.CorrelationId, inner.CorrelationId);
        Assert.AreSame(outer, inner.Parent);
    }

    [TestMethod]
    public void Pipeline_WhenSet_WrapsEveryHandler()
    {
        var emulator = new XrmEmulator();
        var pipeline = new RecordingPipeline();
        emulator.Executor.Pipeline = pipeline;

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.AreEqual("Create", pipeline.LastMessage);
    }

    [TestMethod]
    public void Execute_CallerRequestObject_IsNotChangedByHandlers()
    {
        var emulator = new XrmEmulator();
        emulator.Handlers.Register("new_Edit", (request, context) =>
        {
            ((Entity)request.Parameters["Target"])["subject"] = "edited";
            return new OrganizationResponse();
        });
        var target = TestSupport.Lead();
        var request = new OrganizationRequest("new_Edit") { Parameters = { ["Target"] = target } };

        emulator.GetOrganizationService().Execute(request);

        Assert.AreEqual("Engines", target.GetAttributeValue<string>("subject"));
    }

    private sealed class RecordingPipeline : IRequestPipeline
    {
        public string? LastMessage { get; private set; }

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context, IRequestHandler core)
        {
            LastMessage = core.MessageName;
            return core.Execute(request, context);
        }
    }
}
