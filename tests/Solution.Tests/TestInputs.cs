using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>The real built assemblies and the repository's packing inputs, read once per test run.</summary>
internal static class TestInputs
{
    private static readonly Lazy<IReadOnlyList<AssemblyInput>> LazyAssemblies = new(
        () => Workspace!.ReadAssemblies(ReferencePaths!, Metadata("LqxAssemblies").Split(';', StringSplitOptions.RemoveEmptyEntries)));

    private static readonly Lazy<PackResult> LazyPacked = new(Pack);

    public static Workspace Workspace { get; } = new(Metadata("LqxRepoRoot"));

    public static IReadOnlyList<string> ReferencePaths { get; } =
        LeadQualifyExtensions.Packaging.ReferencePaths.Expand(Metadata("LqxReferences").Split(';', StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<AssemblyInput> Assemblies => LazyAssemblies.Value;

    public static MessageTable Messages => Workspace.LoadMessages();

    /// <summary>Both zips as the build packs them.</summary>
    public static PackResult Packed => LazyPacked.Value;

    public static string SchemaPath =>
        Workspace.SchemaPath ?? throw new InvalidOperationException("../shared/schemas/CustomizationsSolution.xsd is missing beside the repository.");

    public static DependencyTable Dependencies => Workspace.LoadDependencies();

    public static VerifyOptions VerifyOptions(Baseline? baseline = null) => new(SchemaPath, ReferencePaths, Messages, baseline, Dependencies);

    public static PackResult Pack() => SolutionPacker.Pack(new PackRequest(Workspace.SourceFolder, Assemblies, Messages, Dependencies));

    private static string Metadata(string key) =>
        typeof(TestInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");

}
