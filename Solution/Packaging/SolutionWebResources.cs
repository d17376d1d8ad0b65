using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>A web resource to ship: its &lt;WebResource&gt; element (FileName already pointing into the zip) and bytes.</summary>
public sealed record WebResourceFile(string Name, Guid Id, int Type, XElement Element, string ZipPath, byte[] Bytes);

/// <summary>A table whose customizations the solution ships (today: the lead's ribbon), as its &lt;Entity&gt; element.</summary>
public sealed record EntityCustomization(string LogicalName, XElement Element);

/// <summary>
/// The web resources and entity customizations of the source folder (SolutionPackager layout):
/// WebResources/&lt;name&gt;.data.xml with the content beside it or found through mapping.xml (the built scripts), and
/// Entities/&lt;Entity&gt;/Entity.xml with its RibbonDiff.xml.
/// </summary>
public static partial class SolutionWebResources
{
    /// <summary>Folder of the web resources in the source folder and the zip.</summary>
    public const string Folder = "WebResources";

    /// <summary>Folder of the entity customizations in the source folder.</summary>
    public const string EntitiesFolder = "Entities";

    /// <summary>Web resource types by the extension of the name (webresource.webresourcetype).</summary>
    public static readonly IReadOnlyDictionary<string, int> TypesByExtension = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = 1,
        [".htm"] = 1,
        [".css"] = 2,
        [".js"] = 3,
        [".xml"] = 4,
        [".png"] = 5,
        [".jpg"] = 6,
        [".gif"] = 7,
        [".xsl"] = 9,
        [".ico"] = 10,
        [".svg"] = 11,
        [".resx"] = 12,
    };

    /// <summary>
    /// The zip path of a web resource: its name with everything but letters, digits and "_" removed, then its id in upper
    /// case (exports name web resources so, without an extension: solution-format.md 1.4).
    /// </summary>
    public static string ZipPath(string name, Guid id) =>
        $"{Folder}/{NotFileNameCharacters().Replace(name, string.Empty)}{id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant()}";

    /// <summary>Reads every web resource of the source folder; content beside the .data.xml or through the mapping file.</summary>
    public static IReadOnlyList<WebResourceFile> Read(string sourceFolder, MappingFile? mapping)
    {
        var folder = Path.Combine(sourceFolder, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var result = new List<WebResourceFile>();
        foreach (var dataFile in Directory.GetFiles(folder, "*.data.xml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var element = SafeXml.LoadFile(dataFile).Root!;
            var name = (string?)element.Element("Name") ?? throw new PackagingException($"{Folder}/{Path.GetFileName(dataFile)} has no <Name>.");
            var where = $"{Folder}/{Path.GetFileName(dataFile)}";
            if (!string.Equals(Path.GetFileName(dataFile), name + ".data.xml", StringComparison.Ordinal))
            {
                throw new PackagingException($"{where}: the file must be named after the web resource, {name}.data.xml.");
            }

            var id = Guid.TryParse((string?)element.Element("WebResourceId"), out var given) ? given : Guid.Empty;
            if (id != ComponentIds.WebResource(name))
            {
                throw new PackagingException($"{where}: <WebResourceId> must be {{{ComponentIds.WebResource(name)}}}, the id the name gives (ids are never chosen by hand).");
            }

            var type = int.TryParse((string?)element.Element("WebResourceType"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
            if (!TypesByExtension.TryGetValue(Path.GetExtension(name), out var expected) || type != expected)
            {
                throw new PackagingException($"{where}: <WebResourceType> {type} does not fit the name {name} (.html 1, .css 2, .js 3, …).");
            }

            var beside = Path.Combine(folder, name);
            var content = File.Exists(beside)
                ? beside
                : mapping?.Resolve(sourceFolder, name) ?? throw new PackagingException($"{where}: no file {name} beside it and no mapping file.");
            var zipPath = ZipPath(name, id);
            var shipped = Shippable(element);
            shipped.Element("FileName")?.Remove();
            shipped.Add(new XElement("FileName", "/" + zipPath));
            result.Add(new WebResourceFile(name, id, type, shipped, zipPath, File.ReadAllBytes(content)));
        }

        return result;
    }

    /// <summary>Reads every Entities/&lt;Entity&gt;/Entity.xml with its RibbonDiff.xml put into &lt;RibbonDiffXml&gt;.</summary>
    public static IReadOnlyList<EntityCustomization> ReadEntities(string sourceFolder)
    {
        var folder = Path.Combine(sourceFolder, EntitiesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var result = new List<EntityCustomization>();
        foreach (var entityFolder in Directory.GetDirectories(folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            var entity = Shippable(SafeXml.LoadFile(Path.Combine(entityFolder, "Entity.xml")).Root!);
            var name = ((string?)entity.Element("Name") ?? throw new PackagingException($"{EntitiesFolder}/{Path.GetFileName(entityFolder)}/Entity.xml has no <Name>.")).Trim();
            var ribbonFile = Path.Combine(entityFolder, "RibbonDiff.xml");
            if (File.Exists(ribbonFile))
            {
                var ribbon = Shippable(SafeXml.LoadFile(ribbonFile).Root!);
                var placeholder = entity.Element("RibbonDiffXml")
                    ?? throw new PackagingException($"{EntitiesFolder}/{name}/Entity.xml has no <RibbonDiffXml /> placeholder for RibbonDiff.xml.");
                placeholder.ReplaceWith(ribbon);
            }

#pragma warning disable CA1308 // Logical names are lower case; this is no comparison.
            result.Add(new EntityCustomization(name.ToLowerInvariant(), entity));
#pragma warning restore CA1308
        }

        return result;
    }

    /// <summary>The JavaScript libraries a ribbon diff calls: (web resource name, function name) of every rule and action.</summary>
    public static IEnumerable<(string Library, string Function)> RibbonFunctions(XElement ribbon)
    {
        ArgumentNullException.ThrowIfNull(ribbon);
        return ribbon.Descendants()
            .Where(e => e.Name.LocalName is "CustomRule" or "JavaScriptFunction")
            .Select(e => ((string?)e.Attribute("Library") ?? string.Empty, (string?)e.Attribute("FunctionName") ?? string.Empty));
    }

    // A source file's element as customizations.xml holds it: no namespace declarations (the root has them), no
    // comments, no layout whitespace.
    private static XElement Shippable(XElement element)
    {
        var copy = new XElement(element);
        copy.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        copy.DescendantNodes().OfType<XComment>().Remove();
        copy.DescendantNodes().OfType<XText>().Where(t => t is not XCData && string.IsNullOrWhiteSpace(t.Value) && t.Parent!.HasElements).Remove();
        return copy;
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotFileNameCharacters();
}
