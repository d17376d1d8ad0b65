using System;
using System.IO;
using System.Linq;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Issue 14 item 7: lqx run refuses what it cannot run (exit 2, the JSON path, no stack trace) and writes nothing.</summary>
[TestClass]
public sealed class CliInputTests
{
    private const int ExitInvalid = 2;

    [TestMethod]
    public void Run_FolderWithoutScenarioFiles_ExitsTwoSayingSo()
    {
        var (code, output, unchanged) = Run(folder => [folder]);

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("no scenario files", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Run_DuplicateKey_ExitsTwoWithTheKeysPath()
    {
        const string scenario = """
            { "name": "twice", "steps": [ { "count": { "table": "lead", "table": "account", "equals": 0 } } ] }
            """;

        var (code, output, unchanged) = RunScenario(scenario);

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("$.steps[0].count.table: the key appears more than once", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Run_DevZero_ExitsTwoRefusedAsTooLarge()
    {
        var (code, output) = TestHost.Lqx("run", "/dev/zero");

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("larger than 4 MB", output);
        AssertNoStackTrace(output);
    }

    [TestMethod]
    public void Run_AdvanceClockBeyondAnyDate_ExitsTwoWithThePath()
    {
        const string scenario = """{ "name": "far", "steps": [ { "advanceClock": { "days": 100000000000000000000 } } ] }""";

        var (code, output, unchanged) = RunScenario(scenario);

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("$.steps[0].advanceClock.days: must be between", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Run_AdvanceClockPastYear9999_ExitsTwoWithThePath()
    {
        const string scenario = """
            { "name": "late", "now": "9999-12-01T00:00:00Z", "steps": [ { "advanceClock": { "days": 60 } } ] }
            """;

        var (code, output, unchanged) = RunScenario(scenario);

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("$.steps[0].advanceClock: moves the clock outside", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Run_WholeNumberBeyondItsColumn_ExitsTwoWithThePath()
    {
        const string scenario = """
            { "name": "big", "records": [ { "alias": "l", "table": "lead", "values": { "lastname": "Berg" } } ],
              "steps": [ { "update": { "ref": "l", "values": { "numberofemployees": 1000000000000 } } } ] }
            """;

        var (code, output, unchanged) = RunScenario(scenario);

        Assert.AreEqual(ExitInvalid, code, output);
        Assert.Contains("$.steps[0].update.values.numberofemployees", output);
        Assert.IsTrue(unchanged);
    }

    private static (int Code, string Output, bool Unchanged) RunScenario(string json) =>
        Run(folder =>
        {
            var path = Path.Combine(folder, "scenario.json");
            File.WriteAllText(path, json);
            return [path];
        });

    private static (int Code, string Output, bool Unchanged) Run(Func<string, string[]> arguments)
    {
        var folder = TestHost.NewFolder();
        try
        {
            var paths = arguments(folder);
            var before = Snapshots.Of(folder);
            var (code, output) = TestHost.Lqx(["run", .. paths]);
            AssertNoStackTrace(output);
            return (code, output, before.SequenceEqual(Snapshots.Of(folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("unexpected", output);
    }
}
