using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// Packs the solution in-process for tests that import it into an emulator, so such tests never depend on a zip a
/// separate build step may or may not have written. The repository root and the DLLs to ship come from the test
/// assembly's metadata (<see cref="RepoRootKey"/>, <see cref="ShippedAssembliesKey"/>, baked in by the test project at
/// build time); message ids come from the emulator's organization service, so the package is complete for it.
/// </summary>
public static class PackedForEmulator
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

    /// <summary>
    /// Packs the solution from the DLLs recorded in <paramref name="testAssembly"/>, resolving message ids through
    /// <paramref name="emulatorService"/>. Throws when a step could not be resolved (an incomplete zip would hide steps).
    /// </summary>
    public static PackResult Pack(Assembly testAssembly, IOrganizationService emulatorService)
    {
        ArgumentNullException.ThrowIfNull(emulatorService);
        var resolver = new OrganizationServiceMessageResolver(emulatorService);
        var result = new Workspace(RepoRoot(testAssembly)).PackAsync(resolver, ShippedAssemblyPaths(testAssembly)).GetAwaiter().GetResult();
        if (!result.IsComplete)
        {
            throw new InvalidOperationException("The packer left steps out: " + string.Join(", ", result.UnresolvedSteps.Select(s => s.Name)));
        }

        return result;
    }

    private static string Metadata(Assembly testAssembly, string key)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException(
                $"Assembly metadata {key} is missing from {testAssembly.GetName().Name}; the test project must record it at build time (see tests/Plugins.Tests/Plugins.Tests.csproj).");
    }
}
