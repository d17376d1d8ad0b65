using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>The repository lqx works in: found upwards from the current folder or the program, or given with --repo.</summary>
internal static class RepoContext
{
    public static Workspace Find(string? repo)
    {
        var root = repo ?? Scenarios.SolutionSource.FindRepoRoot()
            ?? throw new PackagingException("Cannot find LeadQualifyExtensions.sln above this folder; pass --repo <folder>.");
        return new Workspace(root);
    }

    public static VerifyOptions VerifyOptions(Workspace workspace) =>
        new(workspace.SchemaPath, workspace.ReferencePaths(), workspace.LoadMessages(), Baseline.FromSourceFolder(workspace.SourceFolder), workspace.LoadDependencies());
}
