using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

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
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lqx.dll"), "serve", "--port", "0", "--solution", zip])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
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

            var (deployCode, deployOutput) = await RunToEndAsync(Lqx(["deploy", "--environment", environment, "--solution", zip, "--policy", policy]));
            var (statusCode, statusOutput) = await RunToEndAsync(Lqx(["status", "--environment", environment, "--solution", zip]));

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

    // lqx in its own process, signing in with the served emulator's default token through LQX_DATAVERSE_TOKEN.
    private static Process Lqx(string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lqx.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.Environment["LQX_DATAVERSE_TOKEN"] = "lqx-local-token";
        return Process.Start(start)!;
    }

    private static async Task<(int Code, string Output)> RunToEndAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    private static async Task<string> ServiceRootAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        Assert.Fail("lqx serve ended without serving: " + await process.StandardError.ReadToEndAsync());
        return string.Empty;
    }

    [GeneratedRegex(@"at (http://\S+/api/data/v9\.2/)")]
    private static partial Regex ServingLine();
}
