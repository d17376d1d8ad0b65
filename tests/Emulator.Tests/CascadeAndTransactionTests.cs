using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class CascadeAndTransactionTests
{
    [TestMethod]
    public void Delete_Lead_DeletesItsNotes()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(TestSupport.Lead());
        var noteId = service.Create(new Entity("annotation") { ["objectid"] = new EntityReference("lead", leadId), ["notetext"] = "n" });

        service.Delete("lead", leadId);

        Assert.IsNull(emulator.Get("annotation", noteId));
    }

    [TestMethod]
    public void Delete_Lead_RemovesLinkFromOriginatingRecords()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(TestSupport.Lead());
        var lead = new EntityReference("lead", leadId);
        var accountId = service.Create(new Entity("account") { ["name"] = "A", ["originatingleadid"] = lead });
        var contactId = service.Create(new Entity("contact") { ["lastname"] = "C", ["originatingleadid"] = lead });
        var opportunityId = service.Create(new Entity("opportunity") { ["name"] = "O", ["originatingleadid"] = lead });

        service.Delete("lead", leadId);

        Assert.IsNull(emulator.Get("account", accountId)!.GetAttributeValue<EntityReference>("originatingleadid"));
        Assert.IsNull(emulator.Get("contact", contactId)!.GetAttributeValue<EntityReference>("originatingleadid"));
        Assert.IsNull(emulator.Get("opportunity", opportunityId)!.GetAttributeValue<EntityReference>("originatingleadid"));
    }

    [TestMethod]
    public void Delete_Lead_DeletesBpfInstanceAndClearsMasterId()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(TestSupport.Lead());
        var bpfId = service.Create(new Entity("leadtoopportunitysalesprocess") { ["name"] = "Lead To Opportunity Sales Process", ["leadid"] = new EntityReference("lead", leadId) });
        var mergedId = Guid.NewGuid();
        emulator.Seed(new Entity("lead", mergedId) { ["lastname"] = "Dup", ["masterid"] = new EntityReference("lead", leadId) });

        service.Delete("lead", leadId);

        Assert.IsNull(emulator.Get("leadtoopportunitysalesprocess", bpfId));
        Assert.IsNull(emulator.Get("lead", mergedId)!.GetAttributeValue<EntityReference>("masterid"));
    }

    [TestMethod]
    public void Handler_FailsAfterNestedWrites_StoreExactlyAsBefore()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(TestSupport.Lead());
        service.Create(new Entity("annotation") { ["objectid"] = new EntityReference("lead", leadId) });
        var before = emulator.All("annotation").Count;
        emulator.Handlers.Register("new_Fails", (request, context) =>
        {
            context.Execute(new CreateRequest { Target = TestSupport.Lead("Nested", "Write") });
            context.Execute(new DeleteRequest { Target = new EntityReference("lead", leadId) });
            throw new InvalidPluginExecutionException("boom");
        });

        Assert.ThrowsExactly<InvalidPluginExecutionException>(() => service.Execute(new OrganizationRequest("new_Fails")));

        Assert.HasCount(1, emulator.All("lead"));
        Assert.AreEqual("Ada", emulator.Get("lead", leadId)!.GetAttributeValue<string>("firstname"));
        Assert.HasCount(before, emulator.All("annotation"));
        Assert.AreEqual(0, emulator.Store.Depth);
    }

    [TestMethod]
    public void Update_InvalidSecondColumn_NothingChanged()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        var version = emulator.Get("lead", id)!.GetAttributeValue<long>("versionnumber");

        TestSupport.FaultCode(() => service.Update(new Entity("lead", id) { ["subject"] = "New", ["leadsourcecode"] = new OptionSetValue(99) }));

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual("Engines", row.GetAttributeValue<string>("subject"));
        Assert.AreEqual(version, row.GetAttributeValue<long>("versionnumber"));
    }

    [TestMethod]
    public void ExecuteMultiple_ContinueOnError_ReportsFaultPerItemAndRunsTheRest()
    {
        var emulator = new XrmEmulator();
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = [
                new CreateRequest { Target = TestSupport.Lead("One", "A") },
                new CreateRequest { Target = new Entity("lead") { ["nosuch"] = 1 } },
                new CreateRequest { Target = TestSupport.Lead("Three", "C") },
            ],
        };

        var response = (ExecuteMultipleResponse)emulator.GetOrganizationService().Execute(request);

        Assert.IsTrue(response.IsFaulted);
        Assert.HasCount(3, response.Responses!);
        Assert.AreEqual(1, response.Responses![1].RequestIndex);
        Assert.AreEqual(Faults.QueryBuilderNoAttribute, response.Responses![1].Fault!.ErrorCode);
        Assert.HasCount(2, emulator.All("lead"));
    }

    [TestMethod]
    public void ExecuteMultiple_StopOnError_KeepsEarlierItemsAndSkipsLater()
    {
        var emulator = new XrmEmulator();
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
            Requests = [
                new CreateRequest { Target = TestSupport.Lead("One", "A") },
                new DeleteRequest { Target = new EntityReference("lead", Guid.NewGuid()) },
                new CreateRequest { Target = TestSupport.Lead("Three", "C") },
            ],
        };

        var response = (ExecuteMultipleResponse)emulator.GetOrganizationService().Execute(request);

        Assert.HasCount(1, response.Responses!);
        Assert.AreEqual(Faults.ObjectDoesNotExist, response.Responses![0].Fault!.ErrorCode);
        Assert.HasCount(1, emulator.All("lead"));
    }

    [TestMethod]
    public void ExecuteMultiple_Nested_FaultsInvalidArgument()
    {
        var emulator = new XrmEmulator();
        var inner = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings(), Requests = [] };
        var request = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings(), Requests = [inner] };

        var code = TestSupport.FaultCode(() => emulator.GetOrganizationService().Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void ExecuteTransaction_Failure_RollsBackAllAndReportsIndex()
    {
        var emulator = new XrmEmulator();
        var request = new ExecuteTransactionRequest
        {
            Requests = [
                new CreateRequest { Target = TestSupport.Lead("One", "A") },
                new CreateRequest { Target = TestSupport.Lead("Two", "B") },
                new UpdateRequest { Target = new Entity("lead", Guid.NewGuid()) { ["subject"] = "x" } },
            ],
        };

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Execute(request));

        var detail = Assert.IsInstanceOfType<ExecuteTransactionFault>(fault.Detail);
        Assert.AreEqual(2, detail.FaultedRequestIndex);
        Assert.AreEqual(Faults.ObjectDoesNotExist, detail.ErrorCode);
        Assert.IsEmpty(emulator.All("lead"));
    }

    [TestMethod]
    public void ExecuteTransaction_Success_ReturnsResponsesWhenAsked()
    {
        var emulator = new XrmEmulator();
        var request = new ExecuteTransactionRequest
        {
            ReturnResponses = true,
            Requests = [new CreateRequest { Target = TestSupport.Lead("One", "A") }, new CreateRequest { Target = TestSupport.Lead("Two", "B") }],
        };

        var response = (ExecuteTransactionResponse)emulator.GetOrganizationService().Execute(request);

        Assert.HasCount(2, response.Responses!);
        Assert.HasCount(2, emulator.All("lead"));
    }
}
