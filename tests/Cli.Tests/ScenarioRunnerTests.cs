using System;
using System.IO;
using LeadQualifyExtensions.Cli.Scenarios;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed class ScenarioRunnerTests
{
    private const string Minimal = """
        {
          "name": "minimal",
          "records": [ { "alias": "a", "table": "account", "values": { "name": "Contoso" } } ],
          "steps": [ { "count": { "table": "account", "where": { "name": "Contoso" }, "equals": 1 } } ]
        }
        """;

    private string? _folder;

    [TestCleanup]
    public void DeleteFiles()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestMethod]
    public void Run_AllStepsPass_ExitZeroAndClosingLine()
    {
        var file = Write("pass.json", Minimal);

        var (code, output) = Run(file);

        Assert.AreEqual(0, code, output);
        Assert.AreEqual("1 passed, 0 failed", output.Trim());
    }

    [TestMethod]
    public void Run_ExpectationFails_ExitOneWithOneLinePerFailingStep()
    {
        var file = Write("fail.json", Minimal.Replace("\"equals\": 1", "\"equals\": 2", StringComparison.Ordinal));

        var (code, output) = Run(file);

        var lines = output.Trim().Split('\n');
        Assert.AreEqual(1, code, output);
        Assert.HasCount(2, lines);
        Assert.Contains("step 1 (count, $.steps[0])", lines[0]);
        Assert.Contains("1 account row(s) match, expected 2", lines[0]);
        Assert.AreEqual("0 passed, 1 failed", lines[1].Trim());
    }

    [TestMethod]
    public void Run_ExpectedErrorDoesNotHappen_ExitOne()
    {
        var file = Write("noerror.json", """
            { "name": "x", "steps": [ { "create": { "table": "account", "values": { "name": "A" } }, "expect": { "ok": false } } ] }
            """);

        var (code, output) = Run(file);

        Assert.AreEqual(1, code, output);
        Assert.Contains("expected the step to fail", output);
    }

    [TestMethod]
    public void Run_ExpectedPlatformError_PassesAndNothingRemainsWritten()
    {
        var file = Write("error.json", """
            {
              "name": "x",
              "records": [ { "alias": "a", "table": "account", "values": { "name": "A" } } ],
              "steps": [
                { "delete": { "ref": "a" } },
                { "update": { "ref": "a", "values": { "name": "B" } }, "expect": { "error": { "contains": "does not exist", "code": "0x80040217" } } },
                { "count": { "table": "account", "equals": 0 } }
              ]
            }
            """);

        var (code, output) = Run(file);

        Assert.AreEqual(0, code, output);
    }

    [TestMethod]
    [DataRow("""{ "steps": [] }""", "$.name")]
    [DataRow("""{ "name": "x" }""", "$.steps")]
    [DataRow("""{ "name": "x", "steps": [ { "qualify": { "lead": "nobody" } } ] }""", "$.steps[0].qualify.lead")]
    [DataRow("""{ "name": "x", "steps": [ { "create": { "table": "lead", "values": { "budget": 1 } } } ] }""", "$.steps[0].create.values.budget")]
    [DataRow("""{ "name": "x", "steps": [ { "create": { "table": "nosuchtable" } } ] }""", "$.steps[0].create.table")]
    [DataRow("""{ "name": "x", "steps": [ { "count": { "table": "lead", "equals": 0 }, "check": { "ref": "a" } } ] }""", "$.steps[0]")]
    [DataRow("""{ "name": "x", "records": [ { "alias": "a", "table": "lead", "values": { "budgetamount": { "cash": 1 } } } ], "steps": [] }""", "$.records[0].values.budgetamount.cash")]
    [DataRow("""{ "name": "x", "steps": [ { "advanceClock": { "days": 1 }, "expect": { "error": { "code": "oops" } } } ] }""", "$.steps[0].expect.error.code")]
    [DataRow("""{ "name": "x", "steps": [ { "as": "ghost", "advanceClock": { "days": 1 } } ] }""", "$.steps[0].as")]
    [DataRow("""{ "name": "x", "steps": [ { "process": { "ref": "a", "stage": "Qualify" } } ] }""", "$.steps[0].process.ref")]
    [DataRow("""{ "name": "x", "unknown": 1, "steps": [] }""", "$.unknown")]
    [DataRow("""{ "name": "x", "records": [ { "alias": "a", "table": "account" } ], "steps": [ { "delete": { "ref": { "ref": "a", "table": "account" } } } ] }""", "$.steps[0].delete.ref.table")]
    [DataRow("""{ "name": "x", "steps": [ { "batch": { "mode": "sometimes", "requests": [] } } ] }""", "$.steps[0].batch.mode")]
    [DataRow("""{ "name": "x", "steps": [ { "batch": { "mode": "multiple", "requests": [ { "count": {} } ] } } ] }""", "$.steps[0].batch.requests[0].count")]
    [DataRow("""{ "name": "x", "steps": [ { "count": { "table": "lead", "equals": 0 }, "expect": { "results": { "failed": 1 } } } ] }""", "$.steps[0].expect.results")]
    [DataRow("""{ "name": "x", "steps": [ """, "$")]
    public void Run_InvalidFile_ExitTwoWithJsonPath(string json, string path)
    {
        var file = Write("invalid.json", json);

        var (code, output) = Run(file);

        Assert.AreEqual(2, code, output);
        Assert.Contains($"invalid file at {path}:", output);
        Assert.EndsWith("0 passed, 1 failed", output.Trim());
    }

    [TestMethod]
    public void Run_InvalidAndPassingFiles_ExitTwoAndBothCounted()
    {
        var good = Write("good.json", Minimal);
        var bad = Write("bad.json", "[]");

        var runner = new ScenarioRunner(SolutionSource.None);
        using var writer = new StringWriter();
        var code = runner.Run([good, bad], writer);

        Assert.AreEqual(2, code);
        Assert.EndsWith("1 passed, 1 failed", writer.ToString().Trim());
    }

    private string Write(string name, string json)
    {
        _folder ??= Path.Combine(Path.GetTempPath(), "lqx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Output) Run(string file)
    {
        var runner = new ScenarioRunner(SolutionSource.None);
        using var writer = new StringWriter();
        var code = runner.Run([file], writer);
        return (code, writer.ToString().Replace("\r", string.Empty, StringComparison.Ordinal));
    }
}
