using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.WebApi.Tests;

/// <summary>
/// What the configuration page needs from lqx serve: the solution's web resources under /WebResources, the
/// ClientGlobalContext.js.aspx stand-in, a browser session (cookie), lead metadata with display names, and the policy's
/// environment variable value written through the Web API.
/// </summary>
[TestClass]
public sealed class BrowserSupportTests
{
    [TestMethod]
    public async Task WebResource_ImportedPage_ServedAsHtmlWithoutAToken()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var client = Anonymous(served);

        using var page = await client.GetAsync("/WebResources/lqx_PolicyConfiguration.html");
        using var script = await client.GetAsync("/WebResources/lqx_PolicyConfiguration.js");
        using var missing = await client.GetAsync("/WebResources/lqx_NoSuchPage.html");

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.AreEqual("text/html", page.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "<script src=\"lqx_PolicyConfiguration.js\"></script>", StringComparison.Ordinal);
        Assert.AreEqual("text/javascript", script.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(await script.Content.ReadAsStringAsync(), "ConfigurationPage.start = start", StringComparison.Ordinal);
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [TestMethod]
    public async Task SignIn_WithAToken_SetsACookieTheWebApiAccepts()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var client = Anonymous(served);

        using var before = await client.GetAsync("/api/data/v9.2/WhoAmI");
        using var signIn = await client.GetAsync($"/WebResources/lqx_PolicyConfiguration.html?lqxtoken={ServedOrganization.Token}");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/data/v9.2/WhoAmI");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var after = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Unauthorized, before.StatusCode);
        StringAssert.Contains(cookie, "lqx_token=" + ServedOrganization.Token, StringComparison.Ordinal);
        StringAssert.Contains(cookie, "httponly", StringComparison.Ordinal);
        StringAssert.Contains(cookie, "samesite=strict", StringComparison.Ordinal);
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.AreEqual(served.Emulator.AdministratorId, (await ServedOrganization.BodyAsync(after)).GetProperty("UserId").GetGuid());
    }

    [TestMethod]
    public async Task SignIn_WithAnUnknownToken_401AndNoCookie()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var client = Anonymous(served);

        using var response = await client.GetAsync("/WebResources/lqx_PolicyConfiguration.html?lqxtoken=guess");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.IsFalse(response.Headers.Contains("Set-Cookie"));
    }

    [TestMethod]
    [DataRow(1033)]
    [DataRow(1031)]
    public async Task ClientGlobalContext_GivesTheSignedInUsersLanguage(int language)
    {
        await using var served = await ServedOrganization.StartAsync();
        var user = served.Emulator.CreateUser("Greta", "Lang", uiLanguageId: language);
        var token = "token-" + language;
        served.Options.Tokens[token] = user;
        using var client = Anonymous(served);

        var script = await client.GetStringAsync($"/WebResources/ClientGlobalContext.js.aspx?lqxtoken={token}");

        StringAssert.Contains(script, $"languageId: {language}", StringComparison.Ordinal);
        StringAssert.Contains(script, user.ToString().ToUpperInvariant(), StringComparison.Ordinal);
        StringAssert.Contains(script, "window.GetGlobalContext = function", StringComparison.Ordinal);
    }

    [TestMethod]
    public async Task EntityDefinitions_LeadAttributes_HaveDisplayNamesInTheCallersLanguage()
    {
        await using var served = await ServedOrganization.StartAsync();
        var german = served.Emulator.CreateUser("Greta", "Lang", uiLanguageId: 1031);

        var english = await AttributesAsync(served, null);
        var inGerman = await AttributesAsync(served, german);
        using var table = await served.Client.GetAsync("EntityDefinitions(LogicalName='lead')");

        var budget = english.Single(a => a.GetProperty("LogicalName").GetString() == "budgetamount");
        Assert.AreEqual("Budget Amount", budget.GetProperty("DisplayName").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString());
        Assert.AreEqual("Money", budget.GetProperty("AttributeType").GetString());
        Assert.IsTrue(budget.GetProperty("IsValidForUpdate").GetBoolean());
        Assert.AreEqual("Budgetbetrag", inGerman.Single(a => a.GetProperty("LogicalName").GetString() == "budgetamount")
            .GetProperty("DisplayName").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString());
        Assert.AreEqual("leads", (await ServedOrganization.BodyAsync(table)).GetProperty("EntitySetName").GetString());
    }

    [TestMethod]
    public async Task EntityDefinitions_UnknownTable_IsAWebApiError()
    {
        await using var served = await ServedOrganization.StartAsync();

        using var response = await served.Client.GetAsync("EntityDefinitions(LogicalName='nosuchtable')/Attributes");

        Assert.IsFalse(response.IsSuccessStatusCode);
        Assert.IsTrue((await ServedOrganization.BodyAsync(response)).TryGetProperty("error", out _));
    }

    [TestMethod]
    public async Task PolicyValue_CreatedThenPatched_IsWhatThePluginsRead()
    {
        await using var served = await ServedOrganization.StartAsync();
        using var definitions = await served.Client.GetAsync("environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter=schemaname eq 'lqx_LeadQualificationPolicy'");
        var definitionId = (await ServedOrganization.BodyAsync(definitions)).GetProperty("value")[0].GetProperty("environmentvariabledefinitionid").GetGuid();

        using var create = new HttpRequestMessage(HttpMethod.Post, "environmentvariablevalues?$select=environmentvariablevalueid")
        {
            Content = ServedOrganization.Json(JsonSerializer.Serialize(new JsonObjectBody("lqx_LeadQualificationPolicy", "{\"requiredFields\":[]}", $"/environmentvariabledefinitions({definitionId})"))),
        };
        create.Headers.Add("Prefer", "return=representation");
        using var created = await served.Client.SendAsync(create);
        var valueId = (await ServedOrganization.BodyAsync(created)).GetProperty("environmentvariablevalueid").GetGuid();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"environmentvariablevalues({valueId})") { Content = ServedOrganization.Json("{\"value\":\"{\\\"account\\\":\\\"never\\\"}\"}") };
        patch.Headers.Add("If-Match", "*");
        using var patched = await served.Client.SendAsync(patch);
        using var read = await served.Client.GetAsync($"environmentvariablevalues?$select=value&$filter=_environmentvariabledefinitionid_value eq {definitionId}");

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, patched.StatusCode, await patched.Content.ReadAsStringAsync());
        var values = (await ServedOrganization.BodyAsync(read)).GetProperty("value");
        Assert.AreEqual(1, values.GetArrayLength());
        Assert.AreEqual("{\"account\":\"never\"}", values[0].GetProperty("value").GetString());
        Assert.AreEqual("{\"account\":\"never\"}", Plugins.Policy.PolicyReader.ReadJson(served.Emulator.GetOrganizationService()));
    }

    [TestMethod]
    public async Task EntitySets_NamedAsDataverseNamesThem()
    {
        await using var served = await ServedOrganization.StartAsync();
        var leadId = served.Emulator.GetOrganizationService().Create(new Microsoft.Xrm.Sdk.Entity("lead") { ["lastname"] = "Berg" });

        using var created = await served.Client.PostAsync("opportunities", ServedOrganization.Json($$"""{"name":"Contoso expansion","originatingleadid@odata.bind":"/leads({{leadId}})"}"""));
        using var table = await served.Client.GetAsync("EntityDefinitions(LogicalName='transactioncurrency')");

        Assert.AreEqual(HttpStatusCode.NoContent, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual("transactioncurrencies", (await ServedOrganization.BodyAsync(table)).GetProperty("EntitySetName").GetString());
    }

    private static async Task<JsonElement[]> AttributesAsync(ServedOrganization served, Guid? caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "EntityDefinitions(LogicalName='lead')/Attributes?$select=LogicalName,DisplayName");
        if (caller is { } id)
        {
            request.Headers.Add("MSCRMCallerID", id.ToString());
        }

        using var response = await served.Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await ServedOrganization.BodyAsync(response)).GetProperty("value").EnumerateArray().ToArray();
    }

    private static HttpClient Anonymous(ServedOrganization served)
    {
        var client = served.Server.CreateClient();
        client.BaseAddress = new Uri("http://localhost/");
        return client;
    }

    private sealed record JsonObjectBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("schemaname")] string SchemaName,
        [property: System.Text.Json.Serialization.JsonPropertyName("value")] string Value,
        [property: System.Text.Json.Serialization.JsonPropertyName("EnvironmentVariableDefinitionId@odata.bind")] string Definition);
}
