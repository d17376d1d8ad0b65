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
    /// Adds the tables, columns, option sets and one-to-many relationships of an exported solution: a solution zip
    /// (its customizations.xml) or a customizations.xml file. Standard tables the solution extends get its columns;
    /// nothing else of the solution is registered (<c>emulator.ImportSolution</c> also registers its steps).
    /// </summary>
    /// <returns>The logical names of the tables the solution describes.</returns>
    public string[] ImportSolution(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var root = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? CustomizationsInZip(path) : Load(path);
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
