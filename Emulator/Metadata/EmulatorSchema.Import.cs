using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator.Metadata.Import;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>Your own schema from the files Dataverse gives you: an exported solution, or an environment's $metadata.</summary>
public sealed partial class EmulatorSchema
{
    /// <summary>
    /// Adds the tables, columns, option sets and relationships of an exported solution: a solution zip (its
    /// customizations.xml), a customizations.xml file, or a folder the SolutionPackager unpacked a solution into
    /// (Entities/*/Entity.xml, Other/Relationships/*.xml, OptionSets/*.xml). Standard tables the solution extends get
    /// its columns; nothing else of the solution is registered (<c>emulator.ImportSolution</c> also registers its steps).
    /// </summary>
    /// <returns>The logical names of the tables the solution describes.</returns>
    public string[] ImportSolution(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var root = Directory.Exists(path) ? Unpacked(path)
            : path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? CustomizationsInZip(path)
            : Load(path);
        var imported = SolutionSchemaReader.Read(root, this);
        imported.ApplyTo(this);
        return imported.Tables.Select(t => t.LogicalName).ToArray();
    }

    /// <summary>
    /// Adds the entity types of an environment's Web API CSDL document (<c>GET /api/data/v9.2/$metadata</c> saved to a
    /// file): tables with their keys and entity sets, typed columns, lookups from navigation properties. $metadata has
    /// no labels, lengths, option sets or cascade rules; what stands in is listed in the CSDL reader's remarks (Metadata/Import/CsdlSchemaReader.cs).
    /// </summary>
    /// <returns>The logical names of the entity types read.</returns>
    public string[] ImportCsdl(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var imported = CsdlSchemaReader.Read(Load(path), this);
        imported.ApplyTo(this);
        return imported.Tables.Select(t => t.LogicalName).ToArray();
    }

    // The SolutionPackager keeps each entity, relationship file and global choice in its own file; put them back into
    // the sections customizations.xml has, so one reader serves both.
    private static XElement Unpacked(string folder)
    {
        static XElement[] Roots(string directory, string pattern, SearchOption option) =>
            Directory.Exists(directory)
                ? Directory.GetFiles(directory, pattern, option).Order(StringComparer.Ordinal).Select(Load).ToArray()
                : [];

        var relationships = Roots(Path.Combine(folder, "Other", "Relationships"), "*.xml", SearchOption.TopDirectoryOnly)
            .SelectMany(file => file.Elements("EntityRelationship"));
        return new XElement(
            "ImportExportXml",
            new XElement("Entities", Roots(Path.Combine(folder, "Entities"), "Entity.xml", SearchOption.AllDirectories)),
            new XElement("EntityRelationships", relationships),
            new XElement("optionsets", Roots(Path.Combine(folder, "OptionSets"), "*.xml", SearchOption.TopDirectoryOnly)));
    }

    private static XElement CustomizationsInZip(string path)
    {
        var part = SafeZip.Read(SafeZip.ReadFile(path)).FirstOrDefault(p => string.Equals(p.FullName.Replace('\\', '/').TrimStart('/'), "customizations.xml", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException("The solution zip has no customizations.xml at its root.");
        try
        {
            return SafeXml.Load(part.Bytes).Root ?? throw new InvalidDataException("customizations.xml is empty.");
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"customizations.xml is not well-formed XML (a DTD is not allowed): {exception.Message}", exception);
        }
    }

    private static XElement Load(string path)
    {
        try
        {
            return SafeXml.LoadFile(path).Root ?? throw new InvalidDataException($"{InputQuote.Prefix(path)} is empty.");
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{InputQuote.Prefix(path)} is not well-formed XML (a DTD is not allowed): {exception.Message}", exception);
        }
    }
}
