using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LeadQualifyExtensions.Testing;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed partial class ServeCommandTests
{
    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Serve_SeparateProcess_AnswersWhoAmIOnLoopbackWithTheDefaultToken()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"lqx-serve-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, TestPaths.Solution.Zip());
        using var process = Lqx(["serve", "--port", "0", "--solution", zip]);
        try
        {
            var serviceRoot = await ServiceRootAsync(process);
            using var client = new HttpClient { BaseAddress = new Uri(serviceRoot) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lqx-local-token");

            using var whoAmI = await client.GetAsync("WhoAmI");
            using var unauthorized = await new HttpClient().GetAsync(serviceRoot + "WhoAmI");
            var body = JsonDocument.Parse(await whoAmI.Content.ReadAsStringAsync()).RootElement;
            using var configurationPage = await new HttpClient().GetAsync(
                serviceRoot.Replace("/api/data/v9.2/", "/WebResources/lqx_PolicyConfiguration.html?lqxtoken=lqx-local-token", StringComparison.Ordinal));

            StringAssert.StartsWith(serviceRoot, "http://127.0.0.1:", StringComparison.Ordinal);
            Assert.AreEqual(HttpStatusCode.OK, whoAmI.StatusCode);
            Assert.AreEqual(LeadQualifyExtensions.Emulator.XrmEmulator.DefaultAdministratorId, body.GetProperty("UserId").GetGuid());
            Assert.AreEqual(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
            Assert.AreEqual(HttpStatusCode.OK, configurationPage.StatusCode, "the configuration page lqx serve prints opens");
            Assert.Contains("lqx_token=lqx-local-token", string.Join(";", configurationPage.Headers.GetValues("Set-Cookie")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(zip);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task DeployThenStatus_SeparateServeProcess_DeployedAndEverythingInPlace()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lqx-deploy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "LeadQualifyExtensions.zip");
        var policy = Path.Combine(folder, "policy.json");
        await File.WriteAllBytesAsync(zip, TestPaths.Solution.Zip());
        await File.WriteAllTextAsync(policy, """{"requiredFields":["budgetamount"]}""");
        using var serve = Lqx(["serve", "--port", "0", "--no-solution"]);
        try
        {
            var serviceRoot = await ServiceRootAsync(serve);
            var environment = serviceRoot[..serviceRoot.IndexOf("/api/", StringComparison.Ordinal)];

            var (deployCode, deployOutput) = await LqxProcess.RunToEndAsync(Lqx(["deploy", "--environment", environment, "--solution", zip, "--policy", policy]));
            var (statusCode, statusOutput) = await LqxProcess.RunToEndAsync(Lqx(["status", "--environment", environment, "--solution", zip]));

            Assert.AreEqual(0, deployCode, deployOutput);
            Assert.Contains("Importing: 100%", deployOutput);
            Assert.AreEqual(0, statusCode, statusOutput);
            Assert.Contains("(current value): valid", statusOutput);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task RunWithEnvironment_PolicySavedInServe_ScenariosFollowItAndTheirOwnSettingsWin()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lqx-run-env-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "LeadQualifyExtensions.zip");
        await File.WriteAllBytesAsync(zip, TestPaths.Solution.Zip());
        // Relies on the shipped default (budget, timeframe and purchase process required); pins nothing itself.
        var followsDefault = Path.Combine(TestPaths.ScenariosFolder, "required-fields-missing-english.json");
        // Sets its own policy (mode never), which must win over the environment's.
        var pinsItsOwn = Path.Combine(TestPaths.ScenariosFolder, "mode-never.json");
        using var serve = Lqx(["serve", "--port", "0", "--solution", zip]);
        try
        {
            var serviceRoot = await ServiceRootAsync(serve);
            var environment = serviceRoot[..serviceRoot.IndexOf("/api/", StringComparison.Ordinal)];
            var (beforeCode, before) = await LqxProcess.RunToEndAsync(Lqx(["run", "--environment", environment, "--solution", zip, followsDefault, pinsItsOwn]));

            // What the configuration page does on save: the variable's current value through the Web API.
            using (var http = new HttpClient { BaseAddress = new Uri(serviceRoot) })
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lqx-local-token");
                var definitions = JsonDocument.Parse(await http.GetStringAsync("environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter=schemaname eq 'lqx_LeadQualificationPolicy'")).RootElement;
                var definitionId = definitions.GetProperty("value")[0].GetProperty("environmentvariabledefinitionid").GetGuid();
                using var body = new StringContent(
                    JsonSerializer.Serialize(new Dictionary<string, string> { ["schemaname"] = "lqx_LeadQualificationPolicy", ["value"] = """{"requiredFields":[]}""", ["EnvironmentVariableDefinitionId@odata.bind"] = $"/environmentvariabledefinitions({definitionId})" }),
                    System.Text.Encoding.UTF8,
                    "application/json");
                using var saved = await http.PostAsync("environmentvariablevalues", body);
                Assert.IsTrue(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            }

            var (afterCode, after) = await LqxProcess.RunToEndAsync(Lqx(["run", "--environment", environment, "--solution", zip, followsDefault, pinsItsOwn]));
            var (withoutCode, without) = await LqxProcess.RunToEndAsync(Lqx(["run", "--solution", zip, followsDefault, pinsItsOwn]));

            Assert.AreEqual(0, beforeCode, before);
            Assert.Contains("no current values set; the solution's default values apply", before);
            Assert.EndsWith("2 passed, 0 failed", before.TrimEnd());
            Assert.AreEqual(1, afterCode, after);
            Assert.Contains("current values of lqx_LeadQualificationPolicy apply where a scenario sets none", after);
            Assert.Contains("required-fields-missing-english.json: step 1 (qualify", after);
            Assert.DoesNotContain("mode-never.json", after);
            Assert.EndsWith("1 passed, 1 failed", after.TrimEnd());
            Assert.AreEqual(0, withoutCode, "without --environment nothing changes: " + without);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task RunWithEnvironment_NothingListens_Exit10AndNoScenarioRuns()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, output) = await LqxProcess.RunToEndAsync(Lqx(["run", "--environment", $"http://127.0.0.1:{port}", Path.Combine(TestPaths.ScenariosFolder, "mode-never.json")]));

        Assert.AreEqual(10, code, output);
        Assert.Contains($"error: http://127.0.0.1:{port}/ does not answer as a Dataverse environment", output);
        Assert.DoesNotContain("passed", output);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task RunWithEnvironment_NotAnAddress_Exit1WithTheRuleAsDeployDoes()
    {
        var (code, output) = await LqxProcess.RunToEndAsync(Lqx(["run", "--environment", "contoso", Path.Combine(TestPaths.ScenariosFolder, "mode-never.json")]));

        Assert.AreEqual(LqxApp.ExitError, code, output);
        Assert.Contains("--environment <URL> must be an http(s) address", output);
    }

    // lqx as a process, started from the repository (LqxProcess signs it in with the served default token).
    private static Process Lqx(string[] args) => LqxProcess.Start(args, TestPaths.RepoRoot);

    private static Task<string> ServiceRootAsync(Process process) =>
        LqxProcess.FirstLineAsync(process, line => ServingLine().Match(line) is { Success: true } match ? match.Groups[1].Value : null, "lqx serve ended without serving");

    [GeneratedRegex(@"at (http://\S+/api/data/v9\.2/)")]
    private static partial Regex ServingLine();
}
