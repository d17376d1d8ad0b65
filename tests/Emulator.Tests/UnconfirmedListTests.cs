using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>
/// Issue 20 item 6: what still has no public evidence is marked <c>UNCONFIRMED (Un)</c> in the emulator's code, and
/// Emulator/Sales/README.md lists exactly those items.
/// </summary>
[TestClass]
public sealed partial class UnconfirmedListTests
{
    [TestMethod]
    public void SalesReadmeList_EqualsTheMarksInTheEmulator()
    {
        var emulator = Path.Combine(RepoRoot(), "Emulator");
        var readme = File.ReadAllText(Path.Combine(emulator, "Sales", "README.md"));
        var listed = ListItem().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet();
        var files = Directory.EnumerateFiles(emulator, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var marked = files.SelectMany(f => Mark().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        var untagged = files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => l.Contains("UNCONFIRMED", StringComparison.Ordinal) && !Mark().IsMatch(l)).Select(l => f + ": " + l.Trim()))
            .ToList();

        Assert.IsNotEmpty(listed);
        CollectionAssert.AreEquivalent(listed.Order().ToList(), marked.Order().ToList());
        Assert.IsEmpty(untagged, string.Join(Environment.NewLine, untagged));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadQualifyExtensions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadQualifyExtensions.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?m)^- \*\*(U\d+)\*\*")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"UNCONFIRMED \((U\d+)\)")]
    private static partial Regex Mark();
}
