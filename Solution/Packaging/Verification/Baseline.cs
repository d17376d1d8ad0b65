using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging.Verification;

/// <summary>The component ids of a previous build, by stable key (assembly name, type name, step name and stage).</summary>
public sealed class Baseline
{
    private Baseline(IReadOnlyDictionary<string, Guid> ids) => Ids = ids;

    /// <summary>Ids by key.</summary>
    public IReadOnlyDictionary<string, Guid> Ids { get; }

    /// <summary>The ids in the committed generated files of a source folder (Solution/src).</summary>
    public static Baseline FromSourceFolder(string sourceFolder)
    {
        var root = new XElement("ImportExportXml");
        foreach (var file in SolutionPacker.ExistingGeneratedFiles(sourceFolder))
        {
            root.Add(SafeXml.LoadFile(Path.Combine(sourceFolder, file)).Root);
        }

        return new Baseline(IdsOf(root));
    }

    /// <summary>The ids in a previous zip.</summary>
    public static Baseline FromZip(byte[] zip)
    {
        var entry = SafeZip.Read(zip).FirstOrDefault(p => p.FullName == "customizations.xml")
            ?? throw new PackagingException("The baseline zip has no customizations.xml.");
        return new Baseline(IdsOf(SafeXml.Load(entry.Bytes).Root!));
    }

    /// <summary>The ids of the assemblies, plug-in types, steps and images under <paramref name="root"/>.</summary>
    public static IReadOnlyDictionary<string, Guid> IdsOf(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var assembly in root.Descendants("PluginAssembly"))
        {
            var name = ((string?)assembly.Attribute("FullName") ?? string.Empty).Split(',')[0];
            Put(ids, $"assembly '{name}'", (string?)assembly.Attribute("PluginAssemblyId"));
            foreach (var type in assembly.Descendants("PluginType"))
            {
                var typeName = ((string?)type.Attribute("AssemblyQualifiedName") ?? string.Empty).Split(',')[0];
                Put(ids, $"plug-in type '{typeName}'", (string?)type.Attribute("PluginTypeId"));
            }
        }

        foreach (var step in root.Descendants("SdkMessageProcessingStep"))
        {
            var key = $"step '{(string?)step.Attribute("Name")}' stage {(string?)step.Element("Stage")} mode {(string?)step.Element("Mode")} rank {(string?)step.Element("Rank")}";
            Put(ids, key, (string?)step.Attribute("SdkMessageProcessingStepId"));
            foreach (var image in step.Descendants("SdkMessageProcessingStepImage"))
            {
                Put(ids, $"image '{(string?)image.Attribute("Name")}' of {key}", (string?)image.Element("SdkMessageProcessingStepImageId"));
            }
        }

        return ids;
    }

    private static void Put(Dictionary<string, Guid> ids, string key, string? id)
    {
        if (Guid.TryParse(id, out var guid))
        {
            ids[key] = guid;
        }
    }
}
