using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// The solution an administrator imports, packed in-process for tests from the DLLs their build produced, so they
/// never depend on a zip a separate build step may or may not have written. The packer is deterministic: the bytes
/// equal artifacts/solution/&lt;Name&gt;_&lt;version&gt;.zip of the same build. The repository root and the DLLs to
/// ship come from the test assembly's metadata (<see cref="RepoRootKey"/>, <see cref="ShippedAssembliesKey"/>).
/// </summary>
public static class BuiltSolution
{
    /// <summary>AssemblyMetadata key holding the repository root.</summary>
    public const string RepoRootKey = "LqxRepoRoot";

    /// <summary>AssemblyMetadata key holding the ';'-separated paths of the built Plugins and Workflows DLLs.</summary>
    public const string ShippedAssembliesKey = "LqxShippedAssemblies";

    /// <summary>The repository root recorded in <paramref name="testAssembly"/>.</summary>
    public static string RepoRoot(Assembly testAssembly) => Metadata(testAssembly, RepoRootKey);

    /// <summary>The DLLs to ship recorded in <paramref name="testAssembly"/> (the ones that build produced).</summary>
    public static IReadOnlyList<string> ShippedAssemblyPaths(Assembly testAssembly) =>
        Metadata(testAssembly, ShippedAssembliesKey).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Packs both zips from the DLLs recorded in <paramref name="testAssembly"/>, exactly as the build does.</summary>
    public static PackResult Pack(Assembly testAssembly) =>
        new Workspace(RepoRoot(testAssembly)).Pack(ShippedAssemblyPaths(testAssembly));

    private static string Metadata(Assembly testAssembly, string key)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException(
                $"Assembly metadata {key} is missing from {testAssembly.GetName().Name}; the test project must record it at build time (see tests/Plugins.Tests/Plugins.Tests.csproj).");
    }
}
