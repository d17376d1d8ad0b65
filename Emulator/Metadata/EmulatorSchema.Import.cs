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
        return Import(root);
    }

    /// <summary>Adds the schema in a customizations.xml root element (used by the solution importer, which has the zip open).</summary>
    internal string[] Import(XElement customizations)
    {
        var imported = SolutionSchemaReader.Read(customizations, this);
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
