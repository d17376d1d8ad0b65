using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Policy;

namespace LeadQualifyExtensions.Plugins.Tests.Policy;

/// <summary>
/// The policy test vectors (tests/Shared/policy-vectors.json) against the plug-ins' reader. The configuration page's
/// validator runs the same file (Solution.Tests: WebResourceScriptTests), so both sides refuse and accept alike.
/// </summary>
[TestClass]
public sealed class PolicyVectorsTests
{
    private static readonly string RepoRoot = BuiltSolution.RepoRoot(typeof(PolicyVectorsTests).Assembly);

    public static IEnumerable<object[]> Vectors =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "tests", "Shared", "policy-vectors.json")))
            .RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new object[] { v.GetProperty("name").GetString()!, v.GetRawText() });

    [TestMethod]
    public void Vectors_CoverEveryProblemAndBothOutcomes()
    {
        var texts = Vectors.Select(v => JsonDocument.Parse((string)v[1]).RootElement)
            .Where(v => v.TryGetProperty("problem", out _))
            .Select(v => v.GetProperty("problem").GetProperty("en").GetString()!)
            .ToList();

        Assert.IsTrue(Vectors.Count() > texts.Count, "no valid vector");
        foreach (var field in typeof(PolicyTexts.English).GetFields().Where(f => f.Name != nameof(PolicyTexts.English.Invalid)))
        {
            var pattern = "^" + Regex.Escape((string)field.GetValue(null)!).Replace(@"\{0}", ".*", StringComparison.Ordinal).Replace(@"\{1}", ".*", StringComparison.Ordinal) + "$";
            Assert.IsTrue(texts.Any(t => Regex.IsMatch(t, pattern, RegexOptions.Singleline)), $"no vector for {field.Name}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Vector_PluginReader_GivesTheExpectedPolicyOrProblem(string name, string vectorJson)
    {
        var vector = JsonDocument.Parse(vectorJson).RootElement;
        var json = vector.GetProperty("json").ValueKind == JsonValueKind.Null ? null : vector.GetProperty("json").GetString();

        var result = QualificationPolicy.Parse(json);

        if (vector.TryGetProperty("problem", out var problem))
        {
            Assert.IsNull(result.Policy, name);
            var reason = (Refusal)result.Problem!.Args[0];
            Assert.AreEqual(problem.GetProperty("en").GetString(), reason.Render(UserText.EnglishLcid), name);
            Assert.AreEqual(problem.GetProperty("de").GetString(), reason.Render(UserText.GermanLcid), name);
            return;
        }

        Assert.IsNull(result.Problem, name);
        var expected = vector.GetProperty("policy");
        var policy = result.Policy!;
        CollectionAssert.AreEqual(expected.GetProperty("requiredFields").EnumerateArray().Select(c => c.GetString()).ToArray(), policy.RequiredFields.ToArray(), name);
        Assert.AreEqual(expected.GetProperty("account").GetString(), ModeName(policy.Account), name);
        Assert.AreEqual(expected.GetProperty("contact").GetString(), ModeName(policy.Contact), name);
        Assert.AreEqual(expected.GetProperty("opportunity").GetString(), ModeName(policy.Opportunity), name);
        Assert.AreEqual(expected.GetProperty("reuseExisting").GetBoolean(), policy.ReuseExisting, name);
        Assert.AreEqual(expected.GetProperty("matchExisting").GetBoolean(), policy.MatchExisting, name);
        Assert.AreEqual(expected.GetProperty("blockDisqualifyWithOpportunity").GetBoolean(), policy.BlockDisqualifyWithOpportunity, name);
        Assert.AreEqual(expected.GetProperty("finishProcessWithoutOpportunity").GetBoolean(), policy.FinishProcessWithoutOpportunity, name);
        Assert.AreEqual(expected.GetProperty("protectClosedLeads").GetBoolean(), policy.ProtectClosedLeads, name);
    }

    /// <summary>The page's column list (leadColumns.generated.ts) is the plug-ins' list: labels and documented names.</summary>
    [TestMethod]
    public void TypeScriptColumnList_EqualsThePluginsLists()
    {
        var path = Path.Combine(RepoRoot, "Solution", "WebResources", "src", "shared", "leadColumns.generated.ts");
        var text = File.ReadAllText(path);
        var labelled = Regex.Matches(text, "\\{ logicalName: \"([^\"]+)\", english: \"([^\"]+)\", german: \"([^\"]+)\" \\}")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
            .ToList();
        var documentedBlock = text[text.IndexOf("documented", StringComparison.Ordinal)..];
        var documented = Regex.Matches(documentedBlock, "^\\s+\"([a-z0-9_]+)\",$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var names = (string[])typeof(LeadColumns).Assembly.GetType("LeadQualifyExtensions.Plugins.Policy.DocumentedLeadColumns")!
            .GetField("Names", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        CollectionAssert.AreEqual(
            LeadColumns.All.Select(c => (c.LogicalName, c.DisplayName.English, c.DisplayName.German)).ToList(),
            labelled,
            $"{path} differs from LeadColumnLabels.cs; regenerate it (see its first line).");
        CollectionAssert.AreEqual(names, documented, $"{path} differs from DocumentedLeadColumns.cs; regenerate it (see its first line).");
    }

    private static string ModeName(RecordCreationMode mode) => mode switch
    {
        RecordCreationMode.Always => QualificationPolicy.Modes.Always,
        RecordCreationMode.Never => QualificationPolicy.Modes.Never,
        _ => QualificationPolicy.Modes.AsRequested,
    };
}
