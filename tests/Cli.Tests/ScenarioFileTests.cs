using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Cli.Scenarios;

namespace LeadQualifyExtensions.Cli.Tests;

/// <summary>Every file in scenarios/ must pass: one test per file.</summary>
[TestClass]
public sealed class ScenarioFileTests
{
    public static IEnumerable<object[]> Files =>
        Directory.GetFiles(TestPaths.ScenariosFolder, "*.json").Order(System.StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void ScenarioFile_Run_AllStepsPass(string fileName)
    {
        var runner = new ScenarioRunner(TestPaths.Solution);

        var result = runner.RunFile(Path.Combine(TestPaths.ScenariosFolder, fileName));

        Assert.IsNull(result.InvalidFile, result.InvalidFile?.Message);
        Assert.AreEqual(0, result.Failures.Count, string.Join("\n", result.Failures));
    }

    [TestMethod]
    public void ScenariosFolder_Count_AtLeastFifteen()
    {
        var count = Directory.GetFiles(TestPaths.ScenariosFolder, "*.json").Length;

        Assert.IsGreaterThanOrEqualTo(15, count);
    }
}
