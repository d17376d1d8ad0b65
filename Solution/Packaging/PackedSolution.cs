using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>An environment variable definition as shipped in a solution zip.</summary>
/// <param name="SchemaName">e.g. lqx_LeadQualificationPolicy.</param>
/// <param name="Type">100000000 String … 100000003 JSON.</param>
/// <param name="DefaultValue">The definition's default value, or null.</param>
/// <param name="DisplayName">The default display name.</param>
public sealed record EnvironmentVariableDefinition(string SchemaName, int Type, string? DefaultValue, string? DisplayName);

/// <summary>A plug-in step as shipped in a solution zip (customizations.xml).</summary>
/// <param name="Id">SdkMessageProcessingStepId.</param>
/// <param name="Name">e.g. "Type: QualifyLead of lead".</param>
/// <param name="MessageId">SdkMessageId: the only way a solution names the step's message.</param>
/// <param name="PrimaryEntity">The table, or empty for any.</param>
/// <param name="Stage">10, 20 or 40.</param>
/// <param name="Mode">0 synchronous, 1 asynchronous.</param>
public sealed record PackedStep(Guid Id, string Name, Guid MessageId, string PrimaryEntity, int Stage, int Mode);

/// <summary>Reads what code importing a solution zip needs (e.g. the emulator): parts and environment variables.</summary>
public sealed class PackedSolution
{
    private PackedSolution(IReadOnlyDictionary<string, byte[]> parts) => Parts = parts;

    /// <summary>Every entry, by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Parts { get; }

    /// <summary>customizations.xml.</summary>
    public XElement Customizations => Xml("customizations.xml");

    /// <summary>solution.xml.</summary>
    public XElement Manifest => Xml("solution.xml");

    /// <summary>The environment variable definitions under environmentvariabledefinitions/.</summary>
    public IReadOnlyList<EnvironmentVariableDefinition> EnvironmentVariables =>
        Parts.Keys
            .Where(p => p.StartsWith(SolutionPacker.EnvironmentVariablesFolder + "/", StringComparison.Ordinal)
                && p.EndsWith("/" + SolutionPacker.EnvironmentVariableDefinitionFile, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => Xml(p))
            .Select(d => new EnvironmentVariableDefinition(
                (string?)d.Attribute("schemaname") ?? string.Empty,
                (int?)d.Element("type") ?? 0,
                (string?)d.Element("defaultvalue"),
                (string?)d.Element("displayname")?.Attribute("default")))
            .ToList();

    /// <summary>solution.xml's MissingDependencies: what the solution needs from other solutions.</summary>
    public IReadOnlyList<MissingDependency> MissingDependencies =>
        MissingDependency.Read(Manifest.Element("SolutionManifest")?.Element("MissingDependencies"));

    /// <summary>The SdkMessageProcessingSteps in customizations.xml, in file order.</summary>
    public IReadOnlyList<PackedStep> Steps =>
        Customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep")
            .Select(s => new PackedStep(
                Guid.TryParse((string?)s.Attribute("SdkMessageProcessingStepId"), out var id) ? id : Guid.Empty,
                (string?)s.Attribute("Name") ?? string.Empty,
                Guid.TryParse((string?)s.Element("SdkMessageId"), out var message) ? message : Guid.Empty,
                (string?)s.Element("PrimaryEntity") ?? string.Empty,
                (int?)s.Element("Stage") ?? 0,
                (int?)s.Element("Mode") ?? 0))
            .ToList() ?? [];

    /// <summary>The bytes of the zip file at <paramref name="path"/>; InvalidDataException above <see cref="SafeZip.MaxZipBytes"/>.</summary>
    public static byte[] ReadZipFile(string path) => SafeZip.ReadFile(path);

    /// <summary>Reads a solution zip within <see cref="SafeZip"/>'s bounds (InvalidDataException beyond them).</summary>
    public static PackedSolution Read(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var part in SafeZip.Read(zip).Where(p => !p.IsFolder))
        {
            parts[part.FullName] = part.Bytes;
        }

        return new PackedSolution(parts);
    }

    private XElement Xml(string part)
    {
        if (!Parts.TryGetValue(part, out var bytes))
        {
            throw new PackagingException($"The solution zip has no '{part}'.");
        }

        return SafeXml.Load(bytes).Root!;
    }
}
