using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class MessageTests
{
    [TestMethod]
    public void OrganizationRequest_IndexerAndParameters_ShareStorage()
    {
        var request = new OrganizationRequest("QualifyLead");

        request["CreateAccount"] = true;

        Assert.AreEqual("QualifyLead", request.RequestName);
        Assert.AreEqual(true, request.Parameters["CreateAccount"]);
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = request["Missing"]);
    }

    [TestMethod]
    public void OrganizationResponse_IndexerAndResults_ShareStorage()
    {
        var response = new OrganizationResponse();

        response.Results["id"] = Guid.Empty;

        Assert.AreEqual(Guid.Empty, response["id"]);
    }

    [TestMethod]
    public void CreateRequest_Target_StoredInParameters()
    {
        var target = new Entity("lead");

        var request = new CreateRequest { Target = target };

        Assert.AreEqual("Create", request.RequestName);
        Assert.AreSame(target, request.Parameters["Target"]);
    }

    [TestMethod]
    public void Requests_ParameterlessCtor_SetRequestNames()
    {
        Assert.AreEqual("Retrieve", new RetrieveRequest().RequestName);
        Assert.AreEqual("RetrieveMultiple", new RetrieveMultipleRequest().RequestName);
        Assert.AreEqual("Update", new UpdateRequest().RequestName);
        Assert.AreEqual("Delete", new DeleteRequest().RequestName);
        Assert.AreEqual("Associate", new AssociateRequest().RequestName);
        Assert.AreEqual("Disassociate", new DisassociateRequest().RequestName);
        Assert.AreEqual("ExecuteMultiple", new ExecuteMultipleRequest().RequestName);
        Assert.AreEqual("ExecuteTransaction", new ExecuteTransactionRequest().RequestName);
        Assert.AreEqual("Upsert", new UpsertRequest().RequestName);
    }

    [TestMethod]
    public void RetrieveRequest_UnsetProperties_ReturnDefaults()
    {
        var request = new RetrieveRequest { ColumnSet = new ColumnSet(true) };

        Assert.IsNull(request.Target);
        Assert.IsFalse(request.ReturnNotifications);
        Assert.IsTrue(request.ColumnSet!.AllColumns);
        Assert.IsFalse(request.Parameters.Contains("ReturnNotifications"));
    }

    [TestMethod]
    public void RetrieveRequest_NewInstance_AlreadyHoldsTarget()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): the typed request pre-creates its required parameters.
        var request = new RetrieveRequest();

        Assert.IsTrue(request.Parameters.Contains("Target"));
        Assert.IsNull(request.Parameters["Target"]);
    }

    [TestMethod]
    public void Requests_NewInstance_PreCreateTheirRequiredParameters()
    {
        Assert.IsTrue(new CreateRequest().Parameters.Contains("Target"));
        Assert.IsTrue(new UpdateRequest().Parameters.Contains("Target"));
        Assert.IsTrue(new DeleteRequest().Parameters.Contains("Target"));
        Assert.IsFalse(new DeleteRequest().Parameters.Contains("ConcurrencyBehavior"));
        Assert.IsTrue(new RetrieveMultipleRequest().Parameters.Contains("Query"));
        Assert.IsTrue(new AssociateRequest().Parameters.Contains("RelatedEntities"));
        Assert.IsTrue(new ExecuteMultipleRequest().Parameters.Contains("Settings"));
        Assert.IsFalse(new ExecuteTransactionRequest().Parameters.Contains("ReturnResponses"));
        Assert.AreEqual(false, new RetrieveEntityRequest().Parameters["RetrieveAsIfPublished"]);
        Assert.IsFalse(new RetrieveEntityRequest().Parameters.Contains("LogicalName"));
    }

    [TestMethod]
    public void DeleteRequest_ConcurrencyBehavior_StoredInParameters()
    {
        var request = new DeleteRequest { ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };

        Assert.AreEqual(ConcurrencyBehavior.IfRowVersionMatches, request.Parameters["ConcurrencyBehavior"]);
    }

    [TestMethod]
    public void Responses_ReadResults()
    {
        var id = Guid.NewGuid();
        var create = new CreateResponse();
        create.Results["id"] = id;
        var upsert = new UpsertResponse();
        upsert.Results["RecordCreated"] = true;
        upsert.Results["Target"] = new EntityReference("lead", id);
        var multiple = new RetrieveMultipleResponse();

        Assert.AreEqual(id, create.id);
        Assert.IsTrue(upsert.RecordCreated);
        Assert.AreEqual(id, upsert.Target!.Id);
        Assert.IsNull(multiple.EntityCollection);
    }

    [TestMethod]
    public void ExecuteMultiple_SettingsAndResponses_RoundTrip()
    {
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("lead") } },
        };
        var item = new ExecuteMultipleResponseItem { RequestIndex = 0, Response = new CreateResponse() };
        var response = new ExecuteMultipleResponse();
        response.Results["IsFaulted"] = false;
        response.Results["Responses"] = new ExecuteMultipleResponseItemCollection { item };

        Assert.IsTrue(request.Settings!.ContinueOnError);
        Assert.HasCount(1, request.Requests!);
        Assert.IsFalse(response.IsFaulted);
        Assert.AreSame(item, response.Responses![0]);
    }
}
