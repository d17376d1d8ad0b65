using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Testing;
using static Microsoft.Playwright.Assertions;

namespace LeadQualifyExtensions.Browser.Tests;

/// <summary>
/// The README's walk-through as a newcomer does it: lqx serve in its own process, the configuration page it prints
/// opened in Chromium, the policy changed and saved there, then lqx run --environment against that serve.
/// </summary>
[TestClass]
public sealed class NewcomerWalkthroughTests
{
    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task ServeSavePolicyInTheBrowserThenRun_ScenariosFollowTheSavedPolicy()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lqx-walk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "lqx.zip");
        await File.WriteAllBytesAsync(zip, ShippedSolution.Zip);
        // A shipped scenario written for the default policy (budget, timeframe and purchase process required) ...
        var defaultRule = Path.Combine(BuiltSolution.RepoRoot(typeof(NewcomerWalkthroughTests).Assembly), "scenarios", "required-fields-missing-english.json");
        // ... and one the newcomer writes for the new rule: only the company name is required.
        var newRule = Path.Combine(folder, "company-name-required.json");
        await File.WriteAllTextAsync(newRule, """
            { "name": "Qualify needs the company name, nothing else",
              "records": [ { "alias": "lead1", "table": "lead", "values": { "lastname": "Berg" } } ],
              "steps": [
                { "qualify": { "lead": "lead1", "createAccount": true, "createContact": true, "createOpportunity": true, "status": -1 },
                  "expect": { "error": { "contains": "Fill in these fields before you qualify the lead: Company Name." } } },
                { "update": { "ref": "lead1", "values": { "companyname": "Contoso" } } },
                { "qualify": { "lead": "lead1", "createAccount": true, "createContact": true, "createOpportunity": true, "status": -1 },
                  "expect": { "created": { "opportunity": 1 } } } ] }
            """);
        using var serve = LqxProcess.Start(["serve", "--port", "0", "--solution", zip]);
        try
        {
            var pageAddress = await PrintedAsync(serve, "Policy configuration page: ");
            var environment = pageAddress[..pageAddress.IndexOf("/WebResources/", StringComparison.Ordinal)];
            var (beforeCode, before) = await LqxProcess.RunToEndAsync(LqxProcess.Start(["run", "--environment", environment, "--solution", zip, defaultRule, newRule]));

            await using (var browser = await ServedBrowser.NewContextAsync())
            {
                var page = await browser.NewPageAsync();
                page.SetDefaultTimeout(15_000);
                await page.GotoAsync(pageAddress);
                await Expect(page.Locator("#account")).ToHaveValueAsync("asRequested");
                foreach (var column in new[] { "budgetamount", "purchasetimeframe", "purchaseprocess" })
                {
                    await page.Locator($"#required-fields button[data-column='{column}']").ClickAsync();
                }

                await page.Locator("#add-column").SelectOptionAsync("companyname");
                await page.Locator("#add").ClickAsync();
                await page.Locator("#save").ClickAsync();
                await Expect(page.Locator("#status")).ToHaveTextAsync("Saved. Qualifying and disqualifying leads now follow this policy.");
            }

            var (afterCode, after) = await LqxProcess.RunToEndAsync(LqxProcess.Start(["run", "--environment", environment, "--solution", zip, defaultRule, newRule]));

            Assert.AreEqual(1, beforeCode, before);
            Assert.Contains("company-name-required.json: step 1 (qualify", before);
            Assert.DoesNotContain("required-fields-missing-english.json", before);
            Assert.AreEqual(1, afterCode, after);
            Assert.Contains("current values of lqx_LeadQualificationPolicy apply where a scenario sets none", after);
            Assert.Contains("required-fields-missing-english.json: step 1 (qualify", after);
            Assert.DoesNotContain("company-name-required.json", after);
            Assert.EndsWith("1 passed, 1 failed", after.TrimEnd());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            serve.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    // The rest of the first output line that starts with prefix.
    private static Task<string> PrintedAsync(Process process, string prefix) =>
        LqxProcess.FirstLineAsync(
            process,
            line => line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : null,
            "lqx serve ended without printing its configuration page");
}
