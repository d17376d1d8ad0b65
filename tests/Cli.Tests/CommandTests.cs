using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Packaging;
using Spectre.Console;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed class CommandTests
{
    [TestMethod]
    public void Help_Root_ListsEveryCommandAndExitsZero()
    {
        var (code, output) = Lqx("--help");

        Assert.AreEqual(0, code, output);
        foreach (var command in new[] { "run", "demo", "pack", "verify", "bench", "serve", "deploy", "status" })
        {
            Assert.Contains(command, output);
        }
    }

    [TestMethod]
    [DataRow("run")]
    [DataRow("demo")]
    [DataRow("pack")]
    [DataRow("verify")]
    [DataRow("bench")]
    [DataRow("serve")]
    [DataRow("deploy")]
    [DataRow("status")]
    public void Help_Command_ExitsZero(string command)
    {
        var (code, output) = Lqx(command, "--help");

        Assert.AreEqual(0, code, output);
        Assert.Contains("--verbose", output);
    }

    [TestMethod]
    public void UnknownCommand_ExitsTwoWithUsageLine()
    {
        var (code, output) = Lqx("nonsense");

        Assert.AreEqual(LqxApp.ExitUsage, code, output);
        Assert.Contains("usage: lqx", output);
    }

    [TestMethod]
    [DataRow("verify", "--shcema", "x", "some.zip")]
    [DataRow("run", "--solutoin", "a.zip", "scenarios")]
    [DataRow("pack", "--outptu", "folder")]
    [DataRow("demo", "--verbos")]
    [DataRow("bench", "--iterations-typo", "3")]
    [DataRow("serve", "--prot", "5555")]
    public void UnknownOption_ExitsTwoWithTheOptionAndUsageLine(string command, string option, params string[] rest)
    {
        var (code, output) = Lqx([command, option, .. rest]);

        Assert.AreEqual(LqxApp.ExitUsage, code, output);
        Assert.Contains(option.TrimStart('-'), output);
        Assert.Contains($"usage: lqx {command}", output);
    }

    [TestMethod]
    public void UnexpectedArgument_DemoTakesNone_ExitsTwo()
    {
        var (code, output) = Lqx("demo", "extra");

        Assert.AreEqual(LqxApp.ExitUsage, code, output);
        Assert.Contains("usage: lqx demo", output);
    }

    [TestMethod]
    public void Demo_EveryChapterAsTold_ExitZero()
    {
        var (code, output) = Lqx("demo");

        Assert.AreEqual(0, code, output);
        Assert.Contains("Story outcome", output);
        Assert.DoesNotContain("NOT as told", output);
        Assert.Contains("Füllen Sie diese Felder aus", output);
    }

    [TestMethod]
    public void Run_ScenariosFolder_ExitZeroWithClosingLine()
    {
        var (code, output) = Lqx("run", TestPaths.ScenariosFolder);

        Assert.AreEqual(0, code, output);
        Assert.MatchesRegex(@"^\d+ passed, 0 failed$", output.Trim());
    }

    [TestMethod]
    public void Run_InvalidFile_ExitTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lqx-invalid-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "name": "x", "steps": [ { "qualify": { "lead": "ghost" } } ] }""");

        var (code, output) = Lqx("run", file);
        File.Delete(file);

        Assert.AreEqual(2, code, output);
        Assert.Contains("$.steps[0].qualify.lead", output);
    }

    [TestMethod]
    public void PackThenVerify_Default_CompleteZipsListingEveryStepIncludingQualifyLead()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lqx-pack-{Guid.NewGuid():N}");

        var (packCode, packOutput) = Lqx("pack", "--out", folder, "--repo", TestPaths.RepoRoot);
        var zips = Directory.GetFiles(folder, "*.zip");
        var (verifyCode, verifyOutput) = Lqx(["verify", "--repo", TestPaths.RepoRoot, .. zips]);
        Directory.Delete(folder, recursive: true);

        Assert.AreEqual(0, packCode, packOutput);
        Assert.HasCount(2, zips);
        Assert.IsTrue(Array.TrueForAll(zips, z => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(z), @"^LeadQualifyExtensions_\d+_\d+_\d+_\d+(_managed)?\.zip$")), string.Join(", ", zips));
        Assert.AreEqual(0, verifyCode, verifyOutput);
        Assert.Contains("QualificationPolicyEnforcer", verifyOutput);
        Assert.Contains("QualifyLead", verifyOutput);
        Assert.DoesNotContain("incomplete", verifyOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MISSING", verifyOutput);
        Assert.Contains("needs 3 component(s) from other solutions", verifyOutput);
        Assert.Contains("msdynce_LeadManagement (9.0.4.0066)", verifyOutput);
        Assert.Contains("Lead to Opportunity Sales Process", verifyOutput);
    }

    [TestMethod]
    public void Verify_PackageWithoutAQualifyLeadStep_ExitOneNamingTheStep()
    {
        var packed = new Workspace(TestPaths.RepoRoot).Pack();
        var zip = ZipWithoutFirstStepOf(packed.Unmanaged, "QualifyLead");
        var file = Path.Combine(Path.GetTempPath(), $"lqx-{Guid.NewGuid():N}{packed.UnmanagedFileName}");
        File.WriteAllBytes(file, zip);

        var (code, output) = Lqx("verify", "--repo", TestPaths.RepoRoot, file);
        File.Delete(file);

        Assert.AreEqual(1, code, output);
        Assert.Contains("STEP-MISSING", output);
    }

    [TestMethod]
    public void Verify_NotAZip_ExitOneWithFinding()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lqx-bad-{Guid.NewGuid():N}.zip");
        File.WriteAllText(file, "not a zip");

        var (code, output) = Lqx("verify", "--repo", TestPaths.RepoRoot, file);
        File.Delete(file);

        Assert.AreEqual(1, code, output);
        Assert.Contains("ZIP", output.ToUpperInvariant());
    }

    [TestMethod]
    public void Verify_MissingFile_MessageWithoutStackTrace()
    {
        var (code, output) = Lqx("verify", "--repo", TestPaths.RepoRoot, "/nonexistent/lqx.zip");

        Assert.AreEqual(1, code, output);
        Assert.Contains("error:", output);
        Assert.DoesNotContain("   at ", output);
    }

    [TestMethod]
    public void Bench_TinySizes_PrintsTableAndExitsZero()
    {
        var (code, output) = Lqx("bench", "--sizes", "0,2", "--rounds", "1", "--batch", "2", "--leads", "20");

        Assert.AreEqual(0, code, output);
        Assert.Contains("QualifyLead with our plug-ins", output);
        Assert.Contains("Overhead", output);
        Assert.Contains("Scan (like)", output);
    }

    [TestMethod]
    public void BenchJson_TinySizes_WritesExactlyTheIssueKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), "lqx-bench-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (code, output) = Lqx("bench", "--sizes", "0,3", "--rounds", "1", "--batch", "1", "--leads", "20", "--json", path);

            Assert.AreEqual(0, code, output);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            CollectionAssert.AreEqual(
                new[]
                {
                    "qualifyBarePerSecond", "qualifyWithPluginsPerSecond", "pluginOverheadRatio", "serviceCallsPerQualifyBare",
                    "serviceCallsPerQualifyWithPlugins", "qualifyCostRatio50kTo1k", "qualifyBareCostRatio50kTo1k",
                    "equalityQueryCostRatio50kTo1kWithWrites", "bytesPerLeadWithProcess", "createsPerSecond", "emulatorCreateMilliseconds",
                },
                json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            // The 50k/1k ratios need both sizes; a run without them says so with null rather than a made-up number.
            var ratios = new[] { "qualifyCostRatio50kTo1k", "qualifyBareCostRatio50kTo1k", "equalityQueryCostRatio50kTo1kWithWrites" };
            Assert.IsTrue(json.RootElement.EnumerateObject().All(p => p.Value.ValueKind == (ratios.Contains(p.Name) ? System.Text.Json.JsonValueKind.Null : System.Text.Json.JsonValueKind.Number)), output);
            Assert.IsGreaterThan(json.RootElement.GetProperty("serviceCallsPerQualifyBare").GetInt32(), json.RootElement.GetProperty("serviceCallsPerQualifyWithPlugins").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Bench_SizesNotNumbers_ExitsOneWithTheRule()
    {
        var (code, output) = Lqx("bench", "--sizes", "1k");

        Assert.AreEqual(LqxApp.ExitError, code, output);
        Assert.Contains("--sizes", output);
    }

    private static (int Code, string Output) Lqx(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var code = LqxApp.Run(args, console);
        return (code, writer.ToString());
    }

    private static byte[] ZipWithoutFirstStepOf(byte[] zip, string message)
    {
        using var buffer = new MemoryStream();
        buffer.Write(zip);
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry("customizations.xml")!;
            System.Xml.Linq.XDocument document;
            using (var stream = entry.Open())
            {
                document = System.Xml.Linq.XDocument.Load(stream);
            }

            document.Descendants("SdkMessageProcessingStep")
                .First(s => ((string)s.Attribute("Name")!).Contains($": {message} of ", StringComparison.Ordinal))
                .Remove();
            entry.Delete();
            using var rewritten = archive.CreateEntry("customizations.xml").Open();
            document.Save(rewritten);
        }

        return buffer.ToArray();
    }
}
