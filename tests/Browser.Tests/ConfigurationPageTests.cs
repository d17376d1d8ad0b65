using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadQualifyExtensions.Browser.Tests;

/// <summary>The solution's configuration page (lqx_PolicyConfiguration.html) in Chromium against lqx serve.</summary>
[TestClass]
public sealed class ConfigurationPageTests
{
    private const string PagePath = "/WebResources/lqx_PolicyConfiguration.html";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Page_NoCurrentValue_ShowsTheShippedDefaultAsAForm()
    {
        await using var served = await ServedBrowser.StartAsync();
        var page = await served.OpenAsync(PagePath);

        await Expect(page.Locator("#status")).ToHaveTextAsync("The environment variable has no current value: the default value applies.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lead qualification policy");
        await Expect(page.Locator("#account")).ToHaveValueAsync("asRequested");
        await Expect(page.Locator("#reuseExisting")).ToBeCheckedAsync();
        await Expect(page.Locator("#finishProcessWithoutOpportunity")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#required-fields li span")).ToHaveTextAsync(["Budget Amount", "Purchase Timeframe", "Purchase Process"]);
        Assert.AreEqual(DefaultValue(served), await page.Locator("#policy-json").InputValueAsync());
        await Expect(page.Locator("#add-column option[value='companyname']")).ToHaveTextAsync("Company Name (companyname)");
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
        TestContext.AddResultFile(await ServedBrowser.ScreenshotAsync(page, "policy-configuration-en"));
    }

    [TestMethod]
    public async Task Page_CurrentValue_IsWhatItShows()
    {
        await using var served = await ServedBrowser.StartAsync("""{"account":"never","requiredFields":["companyname"],"protectClosedLeads":false}""");
        var page = await served.OpenAsync(PagePath);

        await Expect(page.Locator("#status")).ToHaveTextAsync("Showing the environment variable's current value.");
        await Expect(page.Locator("#account")).ToHaveValueAsync("never");
        await Expect(page.Locator("#protectClosedLeads")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#required-fields li span")).ToHaveTextAsync(["Company Name"]);
    }

    [TestMethod]
    public async Task Page_ChangeAndSave_WritesTheCurrentValueAndQualifyFollowsIt()
    {
        await using var served = await ServedBrowser.StartAsync();
        var page = await served.OpenAsync(PagePath);
        await Expect(page.Locator("#account")).ToHaveValueAsync("asRequested");

        foreach (var column in new[] { "budgetamount", "purchasetimeframe", "purchaseprocess" })
        {
            await page.Locator($"#required-fields button[data-column='{column}']").ClickAsync();
        }

        await page.Locator("#add-column").SelectOptionAsync("companyname");
        await page.Locator("#add").ClickAsync();
        await page.Locator("#opportunity").SelectOptionAsync("never");
        await page.Locator("#matchExisting").UncheckAsync();
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Saved. Qualifying and disqualifying leads now follow this policy.");

        var saved = QualificationPolicy.Parse(PolicyReader.ReadJson(served.Emulator.GetOrganizationService())).Policy!;
        CollectionAssert.AreEqual(new[] { "companyname" }, saved.RequiredFields.ToArray());
        Assert.AreEqual(RecordCreationMode.Never, saved.Opportunity);
        Assert.IsFalse(saved.MatchExisting);

        // The plug-ins follow the saved value: a lead without a company name is refused, one with it qualifies without an opportunity.
        var refused = await QualifyAsync(served, """{"lastname":"Berg"}""");
        var qualified = await QualifyAsync(served, """{"lastname":"Berg","companyname":"Contoso"}""");
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.Status);
        StringAssert.Contains(refused.Body, "Fill in these fields before you qualify the lead: Company Name.", StringComparison.Ordinal);
        Assert.AreEqual(HttpStatusCode.OK, qualified.Status, qualified.Body);
        Assert.IsEmpty(served.Emulator.All("opportunity"));

        // Saving again updates the same value row.
        await page.Locator("#protectClosedLeads").UncheckAsync();
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Saved. Qualifying and disqualifying leads now follow this policy.");
        Assert.ContainsSingle(served.Emulator.All("environmentvariablevalue"));
        Assert.IsFalse(QualificationPolicy.Parse(PolicyReader.ReadJson(served.Emulator.GetOrganizationService())).Policy!.ProtectClosedLeads);
    }

    [TestMethod]
    public async Task Page_GermanUserEntersAnInvalidPolicy_SeesTheReasonInGermanAndCannotSave()
    {
        await using var served = await ServedBrowser.StartAsync();
        var german = served.Emulator.CreateUser("Greta", "Lang", uiLanguageId: 1031, roles: ["System Customizer"]);
        var page = await served.OpenAsync(PagePath, german);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Richtlinie zur Lead-Qualifizierung");
        await Expect(page.Locator("#required-fields li span")).ToHaveTextAsync(["Budgetbetrag", "Kaufzeitrahmen", "Kaufprozess"]);
        TestContext.AddResultFile(await ServedBrowser.ScreenshotAsync(page, "policy-configuration-de"));

        await page.Locator("#policy-json").FillAsync("""{"account":"sometimes"}""");

        await Expect(page.Locator("#error")).ToHaveTextAsync(
            "Die Richtlinie ist ungültig: die Einstellung „account“ hat den unbekannten Wert „sometimes“; verwenden Sie „asRequested“, „always“ oder „never“.");
        await Expect(page.Locator("#save")).ToBeDisabledAsync();
        await Expect(page.Locator("#account")).ToBeDisabledAsync();
        await Expect(page.Locator("#required-fields button[data-column='budgetamount']")).ToBeDisabledAsync();
        TestContext.AddResultFile(await ServedBrowser.ScreenshotAsync(page, "policy-configuration-de-invalid"));
        Assert.IsEmpty(served.Emulator.All("environmentvariablevalue"));

        await page.Locator("#policy-json").FillAsync("""{"account":"always"}""");
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
        await Expect(page.Locator("#account")).ToHaveValueAsync("always");
    }

    [TestMethod]
    public async Task Page_ServerRefusesTheSave_ShowsThePlatformsMessage()
    {
        await using var served = await ServedBrowser.StartAsync();
        var page = await served.OpenAsync(PagePath);
        await Expect(page.Locator("#account")).ToHaveValueAsync("asRequested");
        await page.RouteAsync("**/api/data/v9.2/environmentvariablevalues*", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new RouteFulfillOptions { Status = 403, ContentType = "application/json", Body = """{"error":{"code":"0x80040220","message":"Principal user is missing prvCreateEnvironmentVariableValue privilege."}}""" })
            : route.ContinueAsync());

        await page.Locator("#save").ClickAsync();

        await Expect(page.Locator("#error")).ToHaveTextAsync("The policy could not be saved: Principal user is missing prvCreateEnvironmentVariableValue privilege.");
        await Expect(page.Locator("#save")).ToBeEnabledAsync();
    }

    private static string DefaultValue(ServedBrowser served) =>
        served.Emulator.All("environmentvariabledefinition").Single(d => d.GetAttributeValue<string>("schemaname") == ShippedSolution.PolicyVariable)
            .GetAttributeValue<string>("defaultvalue");

    private static async Task<(HttpStatusCode Status, string Body)> QualifyAsync(ServedBrowser served, string lead)
    {
        using var created = await served.Api.PostAsync("leads", ServedBrowser.Json(lead));
        var id = created.Headers.GetValues("OData-EntityId").Single().Split('(', ')')[1];
        using var response = await served.Api.PostAsync($"leads({id})/Microsoft.Dynamics.CRM.QualifyLead", ServedBrowser.Json("""{"CreateAccount":true,"CreateContact":true,"CreateOpportunity":true,"Status":3}"""));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
