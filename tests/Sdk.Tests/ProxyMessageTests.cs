using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Sdk.Tests;

/// <summary>Behaviour of the Microsoft.Crm.Sdk.Proxy messages and of the api.txt renderers on them.</summary>
[TestClass]
public sealed class ProxyMessageTests
{
    [TestMethod]
    public void QualifyLeadRequest_NewInstance_PreCreatesLeadIdAndCreateFlagsButNotStatus()
    {
        // Issue 18 (observed on Microsoft.Crm.Sdk.Proxy): LeadId null and the three Create flags false exist from the start.
        var request = new QualifyLeadRequest();

        Assert.AreEqual("QualifyLead", request.RequestName);
        CollectionAssert.AreEquivalent(new[] { "LeadId", "CreateAccount", "CreateContact", "CreateOpportunity" }, request.Parameters.Keys.ToArray());
        Assert.IsNull(request.Parameters["LeadId"]);
        Assert.IsFalse((bool)request.Parameters["CreateAccount"]);
        Assert.IsFalse((bool)request.Parameters["CreateContact"]);
        Assert.IsFalse((bool)request.Parameters["CreateOpportunity"]);
        Assert.IsFalse(request.Parameters.Contains("Status"));
    }

    [TestMethod]
    public void ProxyRequests_NewInstance_PreCreateTheirRequiredReferenceParameters()
    {
        // Issue 18/20: the same pattern as QualifyLeadRequest, per each message's documented required properties.
        Assert.IsTrue(new SetStateRequest().Parameters.Contains("EntityMoniker"));
        Assert.IsTrue(new SetProcessRequest().Parameters.Contains("Target"));
        Assert.IsTrue(new SetProcessRequest().Parameters.Contains("NewProcess"));
        Assert.IsFalse(new SetProcessRequest().Parameters.Contains("NewProcessInstance"));
        Assert.AreEqual(Guid.Empty, new RetrieveActivePathRequest().Parameters["ProcessInstanceId"]);
        Assert.AreEqual(Guid.Empty, new RetrieveProcessInstancesRequest().Parameters["EntityId"]);
        Assert.IsTrue(new RetrieveProcessInstancesRequest().Parameters.Contains("EntityLogicalName"));
        Assert.IsTrue(new WinOpportunityRequest().Parameters.Contains("OpportunityClose"));
        Assert.IsTrue(new LoseOpportunityRequest().Parameters.Contains("OpportunityClose"));
        Assert.IsTrue(new AssignRequest().Parameters.Contains("Assignee"));
        Assert.IsEmpty(new WhoAmIRequest().Parameters.Keys);
    }

    [TestMethod]
    public void QualifyLeadRequest_SetProperties_StoresParametersByKey()
    {
        var lead = new EntityReference("lead", Guid.NewGuid());

        var request = new QualifyLeadRequest { LeadId = lead, CreateOpportunity = true, Status = new OptionSetValue(3) };

        Assert.AreSame(lead, request.Parameters["LeadId"]);
        Assert.IsTrue((bool)request.Parameters["CreateOpportunity"]);
        Assert.AreEqual(3, ((OptionSetValue)request["Status"]).Value);
    }

    [TestMethod]
    public void WhoAmIResponse_Results_AreExposedAsProperties()
    {
        var userId = Guid.NewGuid();
        var response = new WhoAmIResponse();

        response.Results["UserId"] = userId;

        Assert.AreEqual(userId, response.UserId);
        Assert.AreEqual(Guid.Empty, response.BusinessUnitId);
    }

    [TestMethod]
    public void ApiSurface_QualifyLeadRequest_DiscoversParameterKeys()
    {
        var type = typeof(QualifyLeadRequest);

        var keys = ApiSurface.ParamKeys(type);

        Assert.HasCount(9, keys);
        CollectionAssert.Contains(keys, "Status -> Parameters[\"Status\"]");
        CollectionAssert.Contains(keys, "CreateAccount -> Parameters[\"CreateAccount\"]");
    }

    [TestMethod]
    public void SignatureFormatter_DataCollection_RendersOutParameterAndExplicitImplementation()
    {
        var members = SignatureFormatter.Members(typeof(DataCollection<,>));

        Assert.IsTrue(members.Contains(new RenderedMember("method", "public", "System.Boolean TryGetValue(TKey key, out TValue value)")), string.Join("\n", members));
        Assert.IsTrue(members.Any(m => m.Kind == "explicit" && m.Signature == "System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator()"), string.Join("\n", members));
    }
}
