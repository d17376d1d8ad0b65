using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class ResolverTests
{
    private static readonly Guid QualifyLeadId = new("11111111-2222-3333-4444-555555555555");

    [TestMethod]
    public async Task OrganizationServiceResolver_EnvironmentHasMessage_ReturnsItsId()
    {
        var service = new SdkMessageService(new Dictionary<string, Guid> { ["QualifyLead"] = QualifyLeadId });
        var resolver = new OrganizationServiceMessageResolver(service);

        var id = await resolver.ResolveAsync("QualifyLead");

        Assert.AreEqual(QualifyLeadId, id);
        Assert.AreEqual("sdkmessage", service.LastQuery!.EntityName);
        Assert.AreEqual("name", service.LastQuery.Attributes.Single());
    }

    [TestMethod]
    public async Task OrganizationServiceResolver_EnvironmentLacksMessage_ReturnsNull()
    {
        var resolver = new OrganizationServiceMessageResolver(new SdkMessageService([]));

        var id = await resolver.ResolveAsync("QualifyLead");

        Assert.IsNull(id);
    }

    [TestMethod]
    public async Task WebApiResolver_OkResponse_SendsBearerFilteredQueryAndReturnsId()
    {
        using var handler = new RecordingHandler(HttpStatusCode.OK, $$"""{"value":[{"sdkmessageid":"{{QualifyLeadId}}"}]}""");
        using var client = new HttpClient(handler);
        var resolver = new WebApiMessageResolver(client, new Uri("https://contoso.crm.dynamics.com/"), _ => Task.FromResult("token-1"));

        var id = await resolver.ResolveAsync("QualifyLead");

        Assert.AreEqual(QualifyLeadId, id);
        Assert.AreEqual("Bearer", handler.Request!.Headers.Authorization!.Scheme);
        Assert.AreEqual("token-1", handler.Request.Headers.Authorization.Parameter);
        var uri = Uri.UnescapeDataString(handler.Request.RequestUri!.AbsoluteUri);
        Assert.AreEqual("https://contoso.crm.dynamics.com/api/data/v9.2/sdkmessages?$select=sdkmessageid&$filter=name eq 'QualifyLead'", uri);
    }

    [TestMethod]
    public async Task WebApiResolver_Unauthorized_ThrowsWithStatus()
    {
        using var handler = new RecordingHandler(HttpStatusCode.Unauthorized, "{}");
        using var client = new HttpClient(handler);
        var resolver = new WebApiMessageResolver(client, new Uri("https://contoso.crm.dynamics.com"), _ => Task.FromResult("expired"));

        var exception = await Assert.ThrowsExactlyAsync<PackagingException>(() => resolver.ResolveAsync("QualifyLead"));

        Assert.Contains("401", exception.Message);
    }

    [TestMethod]
    public async Task WebApiResolver_EmptyValue_ReturnsNull()
    {
        using var handler = new RecordingHandler(HttpStatusCode.OK, """{"value":[]}""");
        using var client = new HttpClient(handler);
        var resolver = new WebApiMessageResolver(client, new Uri("https://contoso.crm.dynamics.com"), _ => Task.FromResult("t"));

        var id = await resolver.ResolveAsync("QualifyLead");

        Assert.IsNull(id);
    }

    /// <summary>An organization service whose only table is sdkmessage.</summary>
    private sealed class SdkMessageService(Dictionary<string, Guid> messages) : IOrganizationService
    {
        public QueryByAttribute? LastQuery { get; private set; }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            LastQuery = (QueryByAttribute)query;
            var name = (string)LastQuery.Values.Single();
            var rows = messages.TryGetValue(name, out var id) ? new List<Entity> { new("sdkmessage", id) } : [];
            return new EntityCollection(rows);
        }

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
