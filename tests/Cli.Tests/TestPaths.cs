using System;
using System.IO;
using LeadQualifyExtensions.Cli.Scenarios;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Cli.Tests;

/// <summary>The repository's scenarios folder and solution source, found from the test's output folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Workspace.FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("LeadQualifyExtensions.sln not found above " + AppContext.BaseDirectory);

    public static string ScenariosFolder => Path.Combine(RepoRoot, "scenarios");

    public static SolutionSource Solution { get; } = SolutionSource.FromRepository(RepoRoot);

    public static MessageTable Messages { get; } = new Workspace(RepoRoot).LoadMessages();
}
