using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadQualifyExtensions.Browser.Tests;

/// <summary>
/// The lead's Disqualify enable rule (lqx_LeadCommands.js, named by the packed ribbon diff) on a lead form in the test
/// host (Host/lead-form.html), against lqx serve; the server's own refusal is the expected text.
/// </summary>
[TestClass]
public sealed class LeadCommandTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task LeadWithOpportunity_DisqualifyDisabledWithTheServersReason()
    {
        await using var served = await ServedBrowser.StartAsync();
        var leadId = await CreateAsync(served, "leads", """{"lastname":"Berg","companyname":"Contoso","budgetamount":5000,"purchasetimeframe":0,"purchaseprocess":0}""");
        await CreateAsync(served, "opportunities", $$"""{"name":"Contoso expansion","originatingleadid@odata.bind":"/leads({{leadId}})"}""");

        var page = await OpenLeadAsync(served, leadId);

        var server = await DisqualifyAsync(served, leadId);
        Assert.AreEqual(HttpStatusCode.BadRequest, server.Status);
        await Expect(page.Locator("#disqualify")).ToBeDisabledAsync();
        await Expect(page.Locator("#notifications li[data-id='lqx-disqualify']")).ToHaveTextAsync(server.Message);
        await Expect(page.Locator("#disqualify")).ToHaveAttributeAsync("title", server.Message);
        StringAssert.Contains(server.Message, "\"Contoso expansion\"", StringComparison.Ordinal);
        await Expect(page.Locator("#notifications li[data-id='lqx-required-fields']")).ToHaveCountAsync(0);
        TestContext.AddResultFile(await ServedBrowser.ScreenshotAsync(page, "lead-disqualify-blocked"));
    }

    [TestMethod]
    public async Task LeadWithoutOpportunity_DisqualifyEnabledAndTheEmptyRequiredFieldsListed()
    {
        await using var served = await ServedBrowser.StartAsync();
        var leadId = await CreateAsync(served, "leads", """{"lastname":"Berg","budgetamount":5000}""");

        var page = await OpenLeadAsync(served, leadId);

        await Expect(page.Locator("#disqualify")).ToBeEnabledAsync();
        await Expect(page.Locator("#notifications li[data-id='lqx-disqualify']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#notifications li[data-id='lqx-required-fields']"))
            .ToHaveTextAsync("Fill in these fields before you qualify the lead: Purchase Timeframe, Purchase Process.");
        Assert.AreEqual(HttpStatusCode.NoContent, (await DisqualifyAsync(served, leadId)).Status, "the server allows what the rule allows");
    }

    [TestMethod]
    public async Task LeadWithOpportunity_PolicyAllowsDisqualifying_DisqualifyEnabled()
    {
        await using var served = await ServedBrowser.StartAsync("""{"blockDisqualifyWithOpportunity":false}""");
        var leadId = await CreateAsync(served, "leads", """{"lastname":"Berg","budgetamount":5000,"purchasetimeframe":0,"purchaseprocess":0}""");
        await CreateAsync(served, "opportunities", $$"""{"name":"Contoso expansion","originatingleadid@odata.bind":"/leads({{leadId}})"}""");

        var page = await OpenLeadAsync(served, leadId);

        await Expect(page.Locator("#disqualify")).ToBeEnabledAsync();
        await Expect(page.Locator("#notifications li")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task LeadWithOpportunity_GermanUser_ReasonInGermanAsTheServerSaysIt()
    {
        await using var served = await ServedBrowser.StartAsync();
        var german = served.Emulator.CreateUser("Greta", "Lang", uiLanguageId: 1031, roles: ["Salesperson"]);
        var leadId = await CreateAsync(served, "leads", """{"lastname":"Berg","budgetamount":5000,"purchasetimeframe":0,"purchaseprocess":0}""");
        await CreateAsync(served, "opportunities", $$"""{"name":"Contoso expansion","originatingleadid@odata.bind":"/leads({{leadId}})"}""");

        var page = await OpenLeadAsync(served, leadId, german);

        var server = await DisqualifyAsync(served, leadId, german);
        await Expect(page.Locator("#disqualify")).ToBeDisabledAsync();
        await Expect(page.Locator("#notifications li[data-id='lqx-disqualify']")).ToHaveTextAsync(server.Message);
        StringAssert.StartsWith(server.Message, "Dieser Lead kann nicht disqualifiziert werden", StringComparison.Ordinal);
    }

    private static async Task<IPage> OpenLeadAsync(ServedBrowser served, string leadId, Guid? user = null)
    {
        var rule = ServedBrowser.Customizations.Descendants("EnableRule").Single(r => (string?)r.Attribute("Id") == "lqx.lead.DisqualifyAllowed").Element("CustomRule")!;
        var library = ((string)rule.Attribute("Library")!).Replace("$webresource:", string.Empty, StringComparison.Ordinal);
        var page = await served.OpenAsync($"/lqx-test/lead-form.html?id={leadId}&library={library}&rule={(string)rule.Attribute("FunctionName")!}", user);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        return page;
    }

    private static async Task<string> CreateAsync(ServedBrowser served, string set, string json)
    {
        using var response = await served.Api.PostAsync(set, ServedBrowser.Json(json));
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("OData-EntityId").Single().Split('(', ')')[1];
    }

    /// <summary>Disqualifies through the Web API as the Sales Hub does (statecode 2, status Lost): the server's answer.</summary>
    private static async Task<(HttpStatusCode Status, string Message)> DisqualifyAsync(ServedBrowser served, string leadId, Guid? user = null)
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Patch, $"leads({leadId})") { Content = ServedBrowser.Json("""{"statecode":2,"statuscode":4}""") };
        if (user is { } id)
        {
            request.Headers.Add("MSCRMCallerID", id.ToString());
        }

        using var response = await served.Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? string.Empty : JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()!);
    }
}
