using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LeadQualifyExtensions.Plugins.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi.Tests;

[TestClass]
public sealed class RecordTests
{
    [TestMethod]
    public async Task Post_Lead_204WithEntityIdAndTheRowStored()
    {
        await using var served = await ServedOrganization.StartAsync();

        using var response = await served.Client.PostAsync("leads", ServedOrganization.Json("""{"lastname":"Berg","companyname":"Contoso","budgetamount":5000.5}"""));

        var lead = served.Emulator.All("lead").Single();
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual($"http://localhost/api/data/v9.2/leads({lead.Id})", response.Headers.GetValues("OData-EntityId").Single());
        Assert.AreEqual("Contoso", lead.GetAttributeValue<string>("companyname"));
        Assert.AreEqual(5000.5m, lead.GetAttributeValue<Money>("budgetamount").Value);
    }

    [TestMethod]
    public async Task Post_ReturnRepresentation_201WithTheSelectedColumns()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "leads?$select=lastname,statecode,budgetamount")
        {
            Content = ServedOrganization.Json("""{"lastname":"Berg"}"""),
        };
        request.Headers.Add("Prefer", "return=representation");

        using var response = await served.Client.SendAsync(request);
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual("return=representation", response.Headers.GetValues("Preference-Applied").Single());
        Assert.AreEqual("Berg", body.GetProperty("lastname").GetString());
        Assert.AreEqual(0, body.GetProperty("statecode").GetInt32());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("budgetamount").ValueKind);
        Assert.AreEqual(served.Emulator.All("lead").Single().Id, body.GetProperty("leadid").GetGuid());
        Assert.IsFalse(body.TryGetProperty("companyname", out _));
        StringAssert.StartsWith(body.GetProperty("@odata.etag").GetString(), "W/\"", StringComparison.Ordinal);
    }

    [TestMethod]
    public async Task Post_LookupByOdataBind_SetsTheLookupReadBackAsValue()
    {
        await using var served = await ServedOrganization.StartAsync();
        var accountId = served.Emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });

        using var created = await served.Client.PostAsync("leads", ServedOrganization.Json($$"""{"lastname":"Berg","parentaccountid@odata.bind":"/accounts({{accountId}})"}"""));
        using var read = await served.Client.GetAsync($"leads?$select=_parentaccountid_value&$filter=_parentaccountid_value eq {accountId}");
        var rows = (await ServedOrganization.BodyAsync(read)).GetProperty("value");

        Assert.AreEqual(HttpStatusCode.NoContent, created.StatusCode);
        Assert.AreEqual(1, rows.GetArrayLength());
        Assert.AreEqual(accountId, rows[0].GetProperty("_parentaccountid_value").GetGuid());
    }

    [TestMethod]
    public async Task Get_ById_OnlyTheSelectedColumnsAndTheId()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = served.Emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Berg", ["companyname"] = "Contoso" });

        using var response = await served.Client.GetAsync($"leads({id})?$select=lastname");
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("http://localhost/api/data/v9.2/$metadata#leads(lastname)/$entity", body.GetProperty("@odata.context").GetString());
        CollectionAssert.AreEquivalent(new[] { "@odata.context", "@odata.etag", "lastname", "leadid" }, body.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [TestMethod]
    public async Task Get_UnknownId_404WithThePlatformsCodeAndMessage()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = Guid.NewGuid();

        using var response = await served.Client.GetAsync($"leads({id})");
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("0x80040217", error.GetProperty("code").GetString());
        Assert.Contains(id.ToString(), error.GetProperty("message").GetString()!);
    }

    [TestMethod]
    public async Task Get_UnknownEntitySet_404ResourceNotFoundForTheSegment()
    {
        await using var served = await ServedOrganization.StartAsync();

        using var response = await served.Client.GetAsync("leadz");
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("0x80060888", error.GetProperty("code").GetString());
        Assert.AreEqual("Resource not found for the segment 'leadz'.", error.GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task Post_UnknownProperty_400NamingIt()
    {
        await using var served = await ServedOrganization.StartAsync();

        using var response = await served.Client.PostAsync("leads", ServedOrganization.Json("""{"lastname":"Berg","budget":1}"""));
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'budget'", error.GetProperty("message").GetString()!);
        Assert.IsEmpty(served.Emulator.All("lead"));
    }

    [TestMethod]
    public async Task Patch_StateAndStatus_DisqualifiesTheLead()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = served.Emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Berg" });

        using var response = await served.Client.PatchAsync($"leads({id})", ServedOrganization.Json("""{"statecode":2,"statuscode":4}"""));

        var lead = served.Emulator.Get("lead", id)!;
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual(2, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(4, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public async Task Patch_RowThatDoesNotExist_CreatesItWithThatId()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = Guid.NewGuid();

        using var response = await served.Client.PatchAsync($"accounts({id})", ServedOrganization.Json("""{"name":"Contoso"}"""));

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual("Contoso", served.Emulator.Get("account", id)!.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public async Task Patch_IfMatchStarOnAMissingRow_404AndNothingCreated()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"accounts({Guid.NewGuid()})") { Content = ServedOrganization.Json("""{"name":"Contoso"}""") };
        request.Headers.Add("If-Match", "*");

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsEmpty(served.Emulator.All("account"));
    }

    [TestMethod]
    public async Task Delete_OpenLead_204AndGone()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = served.Emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Berg" });

        using var response = await served.Client.DeleteAsync($"leads({id})");

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.IsNull(served.Emulator.Get("lead", id));
    }

    [TestMethod]
    public async Task Delete_DisqualifiedLead_RefusedByOurStepWithItsMessageAndIsvAbortedCode()
    {
        await using var served = await ServedOrganization.StartAsync();
        var id = served.Emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Berg" });
        using var disqualified = await served.Client.PatchAsync($"leads({id})", ServedOrganization.Json("""{"statecode":2,"statuscode":4}"""));

        using var response = await served.Client.DeleteAsync($"leads({id})");
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("0x80040265", error.GetProperty("code").GetString());
        Assert.AreEqual(LifecycleTexts.English.DeleteClosedLead, error.GetProperty("message").GetString());
        Assert.IsNotNull(served.Emulator.Get("lead", id));
    }

    [TestMethod]
    public async Task Metadata_Csdl_NamesTheEntitySetsAndWhoAmI()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);

        var csdl = await served.Client.GetStringAsync("$metadata");

        Assert.Contains("<EntitySet Name=\"leads\" EntityType=\"Microsoft.Dynamics.CRM.lead\"", csdl);
        Assert.Contains("<FunctionImport Name=\"WhoAmI\"", csdl);
    }
}
