using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>The real built assemblies and the repository's packing inputs, read once per test run.</summary>
internal static class TestInputs
{
    /// <summary>The id the fake environment gives QualifyLead (any GUID: the point is that it comes from the environment).</summary>
    public static readonly Guid EnvironmentQualifyLeadId = new("5d5e1c6f-35a4-4b7e-9a0c-0c1de1a0c001");

    private static readonly Lazy<IReadOnlyList<AssemblyInput>> LazyAssemblies = new(
        () => Workspace!.ReadAssemblies(ReferencePaths!, Metadata("LqxAssemblies").Split(';', StringSplitOptions.RemoveEmptyEntries)));

    private static readonly Lazy<PackResult> LazyIncomplete = new(() => PackAsync(null).GetAwaiter().GetResult());

    private static readonly Lazy<PackResult> LazyComplete = new(() => PackAsync(new FakeResolver()).GetAwaiter().GetResult());

    public static Workspace Workspace { get; } = new(Metadata("LqxRepoRoot"));

    public static IReadOnlyList<string> ReferencePaths { get; } =
        LeadQualifyExtensions.Packaging.ReferencePaths.Expand(Metadata("LqxReferences").Split(';', StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<AssemblyInput> Assemblies => LazyAssemblies.Value;

    public static MessageTable Messages => Workspace.LoadMessages();

    /// <summary>Packed without a resolver: steps on messages missing from the table are left out.</summary>
    public static PackResult Incomplete => LazyIncomplete.Value;

    /// <summary>Packed with a fake environment that knows every message.</summary>
    public static PackResult Complete => LazyComplete.Value;

    public static string SchemaPath =>
        Workspace.SchemaPath ?? throw new InvalidOperationException("../shared/schemas/CustomizationsSolution.xsd is missing beside the repository.");

    public static VerifyOptions VerifyOptions(Baseline? baseline = null) => new(SchemaPath, ReferencePaths, Messages, baseline);

    public static Task<PackResult> PackAsync(ISdkMessageResolver? resolver) =>
        SolutionPacker.PackAsync(new PackRequest(Workspace.SourceFolder, Assemblies, Messages, resolver));

    private static string Metadata(string key) =>
        typeof(TestInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");

    /// <summary>An environment whose sdkmessage table has QualifyLead (and nothing the committed table lacks besides).</summary>
    public sealed class FakeResolver : ISdkMessageResolver
    {
        public Task<Guid?> ResolveAsync(string messageName, CancellationToken cancellationToken = default) =>
            Task.FromResult<Guid?>(messageName == "QualifyLead" ? EnvironmentQualifyLeadId : null);
    }
}
