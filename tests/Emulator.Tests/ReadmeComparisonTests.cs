using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>
/// Emulator/README.md compares the emulator with FakeXrmEasy, XrmMockup and XrmUnitTest; every "yes" of ours names the
/// tests that back it (issue 12 item 6). This keeps those names true: each named test class and method exists in tests/.
/// </summary>
[TestClass]
public sealed partial class ReadmeComparisonTests
{
    [TestMethod]
    public void ComparisonTable_EveryTestOurCellsName_Exists()
    {
        var root = RepoRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var named = NamedTests(File.ReadAllText(Path.Combine(root, "Emulator", "README.md")));

        var missing = named.Where(n => !sources.Any(s => Declares(s, n.Class, n.Method))).Select(n => $"{n.Class}.{n.Method}").ToList();

        Assert.IsGreaterThan(20, named.Count, "the comparison table names its tests");
        Assert.IsEmpty(missing, "README names tests that do not exist: " + string.Join(", ", missing));
    }

    /// <summary>(class, method) for each backticked test name in our column; a bare method belongs to the class named before it, "..._x" is a method ending in "_x", a bare class stands for itself.</summary>
    private static List<(string Class, string? Method)> NamedTests(string readme)
    {
        var table = readme[readme.IndexOf("## Compared with other harnesses", StringComparison.Ordinal)..];
        var result = new List<(string, string?)>();
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var ours = line.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).LastOrDefault() ?? "";
            string? current = null;
            foreach (Match token in Backticked().Matches(ours))
            {
                var text = token.Groups[1].Value;
                if (ClassAndMethod().Match(text) is { Success: true } pair)
                {
                    current = pair.Groups[1].Value;
                    result.Add((current, pair.Groups[2].Value));
                }
                else if (ClassOnly().IsMatch(text))
                {
                    current = text;
                    result.Add((current, null));
                }
                else if (current is not null && MethodOnly().IsMatch(text))
                {
                    result.Add((current, text));
                }
            }
        }

        return result;
    }

    private static bool Declares(string source, string type, string? method)
    {
        if (!source.Contains($"class {type}", StringComparison.Ordinal))
        {
            return false;
        }

        if (method is null)
        {
            return true;
        }

        return method.StartsWith("...", StringComparison.Ordinal)
            ? Regex.IsMatch(source, @"void \w*" + Regex.Escape(method[3..]) + @"\(")
            : source.Contains($"void {method}(", StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadQualifyExtensions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^([A-Z]\w*Tests)\.(\w+)$")]
    private static partial Regex ClassAndMethod();

    [GeneratedRegex(@"^[A-Z]\w*Tests$")]
    private static partial Regex ClassOnly();

    [GeneratedRegex(@"^(\.\.\.)?\w*_\w+$")]
    private static partial Regex MethodOnly();
}
