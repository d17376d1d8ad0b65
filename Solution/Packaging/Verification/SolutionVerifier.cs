using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace LeadQualifyExtensions.Packaging.Verification;

/// <summary>What verify checks a zip against.</summary>
/// <param name="SchemaPath">CustomizationsSolution.xsd (its includes beside it); null skips schema validation.</param>
/// <param name="ReferencePaths">DLLs MetadataLoadContext resolves the packed assemblies' dependencies from.</param>
/// <param name="Messages">The committed message table.</param>
/// <param name="Baseline">The previous build's ids (see <see cref="Baseline"/>); null skips the id check.</param>
/// <param name="Dependencies">The committed dependency table; null skips the MissingDependencies check.</param>
public sealed record VerifyOptions(
    string? SchemaPath,
    IReadOnlyList<string> ReferencePaths,
    MessageTable Messages,
    Baseline? Baseline = null,
    DependencyTable? Dependencies = null);

/// <summary>Checks a solution zip against the format rules, the platform's registration rules and its own assemblies.</summary>
public static class SolutionVerifier
{
    private const long MaxAssemblySize = 16L * 1024 * 1024;
    private const string Net462 = ".NETFramework,Version=v4.6.2";
    private static readonly string[] RootEntries = ["solution.xml", "customizations.xml", DeterministicZip.ContentTypesName];

    /// <summary>Verifies the zip at <paramref name="zipPath"/>.</summary>
    public static VerifyReport Verify(string zipPath, VerifyOptions options)
    {
        byte[] zip;
        try
        {
            zip = SafeZip.ReadFile(zipPath);
        }
        catch (InvalidDataException exception)
        {
            return new VerifyReport(Path.GetFileName(zipPath), [new VerifyFinding(VerifyRules.ZipLayout, exception.Message)]);
        }

        return Verify(Path.GetFileName(zipPath), zip, options);
    }

    /// <summary>Verifies zip bytes; <paramref name="zipName"/> only labels the report.</summary>
    public static VerifyReport Verify(string zipName, byte[] zip, VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<VerifyFinding>();
        void Add(string rule, string message) => findings.Add(new VerifyFinding(rule, message));

        Dictionary<string, byte[]> parts;
        try
        {
            parts = ReadZip(zip, Add);
        }
        catch (InvalidDataException exception)
        {
            Add(VerifyRules.ZipLayout, $"Not a readable zip: {exception.Message}");
            return new VerifyReport(zipName, findings);
        }

        foreach (var root in RootEntries.Where(r => !parts.ContainsKey(r)))
        {
            Add(VerifyRules.ZipLayout, $"The zip has no '{root}' at its root; the import requires solution.xml, customizations.xml and [Content_Types].xml there.");
        }

        CheckContentTypes(parts, Add);
        if (!parts.TryGetValue("customizations.xml", out var customizationsBytes) || !parts.TryGetValue("solution.xml", out var solutionBytes))
        {
            return new VerifyReport(zipName, findings);
        }

        XElement customizations;
        XElement solution;
        try
        {
            customizations = Parse(customizationsBytes);
            solution = Parse(solutionBytes);
        }
        catch (XmlException exception)
        {
            Add(VerifyRules.Schema, $"customizations.xml or solution.xml is not well-formed XML: {exception.Message}");
            return new VerifyReport(zipName, findings);
        }

        if (options.SchemaPath is not null)
        {
            CheckSchema(customizations, options.SchemaPath, Add);
        }

        var assemblies = CheckAssemblies(customizations, parts, options, Add);
        var steps = customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").ToList() ?? [];
        foreach (var step in steps)
        {
            CheckStep(step, assemblies, options.Messages, Add);
        }

        CheckDeclarations(steps, assemblies, options.Messages, Add);
        CheckManifest(solution, customizations, parts, Add);
        var scripts = CheckWebResources(solution, customizations, parts, Add);
        CheckRibbons(customizations, scripts, Add);
        if (options.Baseline is not null)
        {
            CheckIds(customizations, options.Baseline, Add);
        }

        if (options.Dependencies is not null)
        {
            CheckDependencies(solution, steps, options, Add);
        }

        return new VerifyReport(zipName, findings);
    }

    // The zip must declare exactly what the committed table gives for its steps: a missing entry lets an organization
    // without Sales start the import, an extra one refuses organizations that could take it.
    private static void CheckDependencies(XElement solution, List<XElement> steps, VerifyOptions options, Action<string, string> add)
    {
        var declared = MissingDependency.Read(solution.Element("SolutionManifest")?.Element("MissingDependencies"));
        var dependents = steps.Select(s => new DependentStep(
                Guid.TryParse((string?)s.Attribute("SdkMessageProcessingStepId"), out var id) ? id : Guid.Empty,
                (string?)s.Attribute("Name") ?? string.Empty,
                Guid.TryParse((string?)s.Element("SdkMessageId"), out var message) ? options.Messages.NameOf(message) ?? string.Empty : string.Empty,
                (string?)s.Element("PrimaryEntity") ?? string.Empty))
            .ToList();
        IReadOnlyList<MissingDependency> expected;
        try
        {
            expected = options.Dependencies!.For(dependents);
        }
        catch (PackagingException exception)
        {
            add(VerifyRules.Dependencies, exception.Message);
            return;
        }

        foreach (var missing in expected.Except(declared))
        {
            add(VerifyRules.Dependencies,
                $"solution.xml does not declare that {Describe(missing.Dependent)} needs {Describe(missing.Required)} from {missing.Required.Solution}; an organization without it would start the import and fail late.");
        }

        foreach (var extra in declared.Except(expected))
        {
            add(VerifyRules.Dependencies,
                $"solution.xml declares that {Describe(extra.Dependent)} needs {Describe(extra.Required)}, which Solution/dependencies.json does not list.");
        }
    }

    private static string Describe(DependencyComponent component) =>
        MissingDependency.Describe(component.Type, component.SchemaName, component.Id, component.DisplayName);

    private static Dictionary<string, byte[]> ReadZip(byte[] zip, Action<string, string> add)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in SafeZip.Read(zip))
        {
            var name = InputQuote.Prefix(entry.FullName);
            if (entry.FullName.Contains('\\', StringComparison.Ordinal))
            {
                add(VerifyRules.ZipLayout, $"Entry '{name}' uses backslashes; zip paths use forward slashes.");
            }

            var path = entry.FullName.Replace('\\', '/');
            if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':'))
            {
                // An extracting tool would write it outside its target folder.
                add(VerifyRules.ZipLayout, $"Entry '{name}' has an absolute path; zip paths are relative to the zip's root.");
            }

            if (path.Split('/').Contains(".."))
            {
                add(VerifyRules.ZipLayout, $"Entry '{name}' climbs out of the zip's root with '..'; an extracting tool would write outside its target folder.");
            }

            if (entry.IsFolder)
            {
                add(VerifyRules.ZipLayout, $"Entry '{name}' is a folder entry; server exports have none.");
                continue;
            }

            parts[path] = entry.Bytes;
        }

        return parts;
    }

    private static void CheckContentTypes(Dictionary<string, byte[]> parts, Action<string, string> add)
    {
        if (!parts.TryGetValue(DeterministicZip.ContentTypesName, out var bytes))
        {
            return;
        }

        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        XElement types;
        try
        {
            types = Parse(bytes);
        }
        catch (XmlException exception)
        {
            add(VerifyRules.ContentType, $"{DeterministicZip.ContentTypesName} is not well-formed XML: {exception.Message}");
            return;
        }

        var defaults = types.Elements(ns + "Default").Select(d => (string?)d.Attribute("Extension") ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var overrides = types.Elements(ns + "Override").Select(o => (string?)o.Attribute("PartName") ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Keys.Where(p => p != DeterministicZip.ContentTypesName))
        {
            var name = part[(part.LastIndexOf('/') + 1)..];
            var dot = name.LastIndexOf('.');
            var covered = (dot >= 0 && defaults.Contains(name[(dot + 1)..])) || overrides.Contains("/" + part);
            if (!covered)
            {
                add(VerifyRules.ContentType, $"Part '{part}' has no content type in [Content_Types].xml; an OPC reader would not see it.");
            }
        }
    }

    private static void CheckSchema(XElement customizations, string schemaPath, Action<string, string> add)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.GetFullPath(schemaPath));
        schemas.Compile();

        // Server exports write SdkMessageId first; the published 2090 schema expects it after Rank
        // (solution-format.md 9). Validate a copy in the schema's order; the zip keeps the export order.
        var copy = new XElement(customizations);
        foreach (var step in copy.Descendants("SdkMessageProcessingStep"))
        {
            var messageId = step.Element("SdkMessageId");
            var anchor = step.Element("Rank") ?? step.Element("Mode") ?? step.Element("InvocationSource");
            if (messageId is not null && anchor is not null)
            {
                messageId.Remove();
                anchor.AddAfterSelf(messageId);
            }
        }

        new XDocument(copy).Validate(schemas, (sender, e) =>
        {
            var where = sender is XElement element ? $" at <{element.Name.LocalName}>" : string.Empty;
            add(VerifyRules.Schema, $"customizations.xml{where}: {e.Message}");
        });
    }

    private static Dictionary<string, AssemblyInfo> CheckAssemblies(
        XElement customizations, Dictionary<string, byte[]> parts, VerifyOptions options, Action<string, string> add)
    {
        var result = new Dictionary<string, AssemblyInfo>(StringComparer.Ordinal);
        var reader = new AssemblyReader(options.ReferencePaths);
        foreach (var element in customizations.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly") ?? [])
        {
            var fullName = (string?)element.Attribute("FullName") ?? string.Empty;
            var fileName = ((string?)element.Element("FileName") ?? string.Empty).TrimStart('/');
            if (!parts.TryGetValue(fileName, out var bytes))
            {
                add(VerifyRules.Assembly, $"Assembly '{fullName}': its <FileName> '/{fileName}' is not in the zip.");
                continue;
            }

            if (bytes.LongLength >= MaxAssemblySize)
            {
                add(VerifyRules.Assembly, $"Assembly '{fullName}' is {bytes.LongLength} bytes; Dataverse accepts at most 16 MB.");
            }

            AssemblyInfo info;
            try
            {
                info = reader.Read(bytes);
            }
            catch (Exception exception) when (exception is PackagingException or BadImageFormatException or FileNotFoundException)
            {
                add(VerifyRules.Assembly, $"Assembly '{fileName}' cannot be read: {exception.Message}");
                continue;
            }

            if (!string.Equals(info.FullName, fullName, StringComparison.Ordinal))
            {
                add(VerifyRules.PluginType, $"<PluginAssembly FullName=\"{fullName}\"> but the packed DLL is '{info.FullName}'.");
            }

            if (!info.IsStrongNamed)
            {
                add(VerifyRules.Assembly, $"Assembly '{info.SimpleName}' is not strong-named; Dataverse requires a signed assembly.");
            }

            if (!string.Equals(info.TargetFramework, Net462, StringComparison.Ordinal))
            {
                add(VerifyRules.Assembly, $"Assembly '{info.SimpleName}' targets '{info.TargetFramework ?? "(no TargetFrameworkAttribute)"}'; Dataverse runs {Net462}.");
            }

            foreach (var type in element.Element("PluginTypes")?.Elements("PluginType") ?? [])
            {
                var typeName = TypeNameOf((string?)type.Attribute("AssemblyQualifiedName"));
                if (!info.Types.Any(t => t.FullName == typeName.Type) || !string.Equals(typeName.Assembly, info.FullName, StringComparison.Ordinal))
                {
                    add(VerifyRules.PluginType, $"Plug-in type '{typeName.Type}' is not a plug-in or activity class of '{info.FullName}' (listed as '{typeName.Assembly}').");
                }
            }

            result[info.FullName] = info;
        }

        return result;
    }

    private static void CheckStep(XElement step, Dictionary<string, AssemblyInfo> assemblies, MessageTable messages, Action<string, string> add)
    {
        var name = (string?)step.Attribute("Name") ?? "(unnamed step)";
        var message = MessageOf(name);
        var stage = Int(step, "Stage");
        var mode = Int(step, "Mode");
        var typeName = TypeNameOf((string?)step.Element("PluginTypeName"));
        if (!assemblies.TryGetValue(typeName.Assembly, out var assembly) || !assembly.Types.Any(t => t.FullName == typeName.Type))
        {
            add(VerifyRules.PluginType, $"Step '{name}': plug-in type '{typeName.Type}' of '{typeName.Assembly}' is not in the packed assemblies (same full name and public key token required).");
        }

        if (Guid.TryParse((string?)step.Element("SdkMessageId"), out var messageId) && messages.NameOf(messageId) is { } tableName
            && !string.Equals(tableName, message, StringComparison.Ordinal))
        {
            add(VerifyRules.MessageId, $"Step '{name}': SdkMessageId {messageId} is the id of '{tableName}', not '{message}'.");
        }

        if (!string.IsNullOrEmpty((string?)step.Element("FilteringAttributes")) && !Messages.SupportsFilteringAttributes(message))
        {
            add(VerifyRules.FilteringAttributes, $"Step '{name}': filtering attributes are supported only on Update, not on {message}.");
        }

        if (mode == 1 && stage != 40)
        {
            add(VerifyRules.Async, $"Step '{name}': asynchronous steps are allowed only in stage 40 (post-operation), not in stage {stage}.");
        }

        foreach (var image in step.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? [])
        {
            var alias = (string?)image.Attribute("Name");
            var imageType = Int(image, "ImageType");
            if (!Messages.SupportsImages(message))
            {
                add(VerifyRules.Image, $"Step '{name}': image '{alias}' on {message}, which does not support entity images.");
            }

            if (imageType is 1 or 2 && stage != 40)
            {
                add(VerifyRules.Image, $"Step '{name}': post-image '{alias}' in stage {stage}; post-images exist only in stage 40.");
            }

            if (imageType is 0 or 2 && message == "Create")
            {
                add(VerifyRules.Image, $"Step '{name}': pre-image '{alias}' on Create; there is no record before Create.");
            }

            if (imageType is 1 or 2 && message == "Delete")
            {
                add(VerifyRules.Image, $"Step '{name}': post-image '{alias}' on Delete; there is no record after Delete.");
            }
        }
    }

    private static void CheckDeclarations(
        List<XElement> steps, Dictionary<string, AssemblyInfo> assemblies, MessageTable messages, Action<string, string> add)
    {
        var byId = steps.GroupBy(s => Guid.TryParse((string?)s.Attribute("SdkMessageProcessingStepId"), out var id) ? id : Guid.Empty).ToList();
        foreach (var twins in byId.Where(group => group.Count() > 1))
        {
            // The platform matches steps by id: two with one id would overwrite each other on import.
            add(VerifyRules.Declaration, $"{twins.Count()} steps share the id {twins.Key}; every step needs its own id.");
        }

        var packed = byId.ToDictionary(group => group.Key, group => group.First());
        var declared = SolutionPacker.Registrations(assemblies.Values.Select(a => new AssemblyInput(a, [])), messages);
        foreach (var step in declared)
        {
            if (!packed.TryGetValue(step.StepId, out var element))
            {
                add(
                    VerifyRules.MissingStep,
                    $"Step '{step.Name}' (stage {step.Declaration.Stage}) is declared in the packed assembly but missing from this package; the import would register the plug-in without it. Repack from the built assemblies.");
                continue;
            }

            var expected = CustomizationsXml.Step(
                step with { MessageId = Guid.Parse((string)element.Element("SdkMessageId")!, CultureInfo.InvariantCulture) },
                (string?)element.Element("IntroducedVersion") ?? string.Empty);
            if (!XNode.DeepEquals(expected, element))
            {
                add(VerifyRules.Declaration, $"Step '{step.Name}' differs from the PluginStep attribute in the packed assembly; repack from the built assemblies.");
            }
        }

        foreach (var extra in packed.Where(p => !declared.Any(d => d.StepId == p.Key)))
        {
            add(VerifyRules.Declaration, $"Step '{(string?)extra.Value.Attribute("Name")}' ({extra.Key}) is not declared by any PluginStep attribute in the packed assemblies.");
        }
    }

    private static void CheckManifest(XElement solution, XElement customizations, Dictionary<string, byte[]> parts, Action<string, string> add)
    {
        var manifest = solution.Element("SolutionManifest");
        var managed = (string?)manifest?.Element("Managed");
        if (managed is not ("0" or "1"))
        {
            add(VerifyRules.Manifest, $"solution.xml <Managed> is '{managed}'; a zip must say 0 (unmanaged) or 1 (managed).");
        }

        var roots = manifest?.Element("RootComponents")?.Elements("RootComponent").ToList() ?? [];
        var assemblyIds = customizations.Descendants("PluginAssembly").Select(a => Normalize((string?)a.Attribute("PluginAssemblyId"))).ToHashSet();
        var stepIds = customizations.Descendants("SdkMessageProcessingStep").Select(s => Normalize((string?)s.Attribute("SdkMessageProcessingStepId"))).ToHashSet();
        var listedStepIds = roots.Where(r => ComponentType((string?)r.Attribute("type")) == RootComponentTypes.Step)
            .Select(r => Normalize((string?)r.Attribute("id")))
            .ToHashSet();
        foreach (var root in roots)
        {
            var type = (string?)root.Attribute("type");
            var id = Normalize((string?)root.Attribute("id"));
            var schemaName = (string?)root.Attribute("schemaName");
            var exists = ComponentType(type) switch
            {
                RootComponentTypes.PluginAssembly => assemblyIds.Contains(id),
                RootComponentTypes.Step => stepIds.Contains(id),
                RootComponentTypes.EnvironmentVariableDefinition => parts.ContainsKey(
                    $"{SolutionPacker.EnvironmentVariablesFolder}/{schemaName}/{SolutionPacker.EnvironmentVariableDefinitionFile}"),
                RootComponentTypes.WebResource => customizations.Element("WebResources")?.Elements("WebResource").Any(w => (string?)w.Element("Name") == schemaName) == true,
                RootComponentTypes.Entity => customizations.Element("Entities")?.Elements("Entity")
                    .Any(e => string.Equals(((string?)e.Element("Name"))?.Trim(), schemaName, StringComparison.OrdinalIgnoreCase)) == true,
                _ => true,
            };
            if (!exists)
            {
                add(VerifyRules.Manifest, $"Root component type {type} '{id}{schemaName}' is not in the package.");
            }
        }

        foreach (var missing in stepIds.Where(s => !listedStepIds.Contains(s)))
        {
            add(VerifyRules.Manifest, $"Step {missing} is not listed as a root component (type {RootComponentTypes.Step}) in solution.xml.");
        }
    }

    /// <summary>
    /// Each web resource: its file is in the zip (UTF-8 text for scripts and pages), its id is the one its name gives, its
    /// type fits its name, it is a root component, and a page's scripts are packed web resources. Returns the scripts by
    /// name, for the ribbon check.
    /// </summary>
    private static Dictionary<string, string> CheckWebResources(XElement solution, XElement customizations, Dictionary<string, byte[]> parts, Action<string, string> add)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        var resources = customizations.Element("WebResources")?.Elements("WebResource").ToList() ?? [];
        var names = resources.Select(r => (string?)r.Element("Name") ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var listed = solution.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent")
            .Where(r => ComponentType((string?)r.Attribute("type")) == RootComponentTypes.WebResource)
            .Select(r => (string?)r.Attribute("schemaName") ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal) ?? [];
        var pages = new List<(string Name, string Text)>();
        foreach (var resource in resources)
        {
            var name = (string?)resource.Element("Name") ?? string.Empty;
            var fileName = ((string?)resource.Element("FileName") ?? string.Empty).TrimStart('/');
            if (!Guid.TryParse((string?)resource.Element("WebResourceId"), out var id) || id != ComponentIds.WebResource(name))
            {
                add(VerifyRules.WebResource, $"Web resource {name}: its id is not {{{ComponentIds.WebResource(name)}}}, the one its name gives.");
            }

            var type = (string?)resource.Element("WebResourceType");
            if (!SolutionWebResources.TypesByExtension.TryGetValue(Path.GetExtension(name), out var expected)
                || type != expected.ToString(CultureInfo.InvariantCulture))
            {
                add(VerifyRules.WebResource, $"Web resource {name}: type {type} does not fit its name (.html 1, .css 2, .js 3, …).");
            }

            if (!listed.Contains(name))
            {
                add(VerifyRules.WebResource, $"Web resource {name} is not listed as a root component (type {RootComponentTypes.WebResource}) in solution.xml.");
            }

            if (!parts.TryGetValue(fileName, out var bytes))
            {
                add(VerifyRules.WebResource, $"Web resource {name}: its file '{fileName}' is not in the zip.");
                continue;
            }

            if (type is "1" or "2" or "3")
            {
                string text;
                try
                {
                    text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    add(VerifyRules.WebResource, $"Web resource {name} is not UTF-8 text.");
                    continue;
                }

                if (type == "3")
                {
                    scripts[name] = text;
                }
                else if (type == "1")
                {
                    pages.Add((name, text));
                }
            }
        }

        // A page's own scripts sit beside it (names without slashes); ClientGlobalContext.js.aspx is the platform's.
        foreach (var (page, text) in pages)
        {
            foreach (var source in Regex.Matches(text, "<script[^>]*\\ssrc=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            {
                if (source != "ClientGlobalContext.js.aspx" && !source.Contains("//", StringComparison.Ordinal) && !names.Contains(source))
                {
                    add(VerifyRules.WebResource, $"Web resource {page} loads '{source}', which is not a web resource in the package.");
                }
            }
        }

        return scripts;
    }

    /// <summary>Every ribbon rule and action names a packed script ($webresource:name) that defines the function it calls.</summary>
    private static void CheckRibbons(XElement customizations, Dictionary<string, string> scripts, Action<string, string> add)
    {
        const string Prefix = "$webresource:";
        var ribbons = customizations.Element("Entities")?.Elements("Entity").Select(e => e.Element("RibbonDiffXml"))
            .Append(customizations.Element("RibbonDiffXml")).OfType<XElement>() ?? [];
        foreach (var (library, function) in ribbons.SelectMany(SolutionWebResources.RibbonFunctions))
        {
            if (!library.StartsWith(Prefix, StringComparison.Ordinal) || !scripts.TryGetValue(library[Prefix.Length..], out var script))
            {
                add(VerifyRules.Ribbon, $"The ribbon calls {function} from '{library}', which is not a script web resource in the package.");
                continue;
            }

            // A namespaced function is exported as "Namespace.name = …"; a global one is declared "function name(".
            var segments = function.Split('.');
            var defined = segments.Length > 1
                ? Regex.IsMatch(script, $"\\b{Regex.Escape(segments[^2] + "." + segments[^1])}\\s*=")
                : Regex.IsMatch(script, $"function\\s+{Regex.Escape(function)}\\s*\\(");
            if (!defined)
            {
                add(VerifyRules.Ribbon, $"The ribbon calls {function} from {library[Prefix.Length..]}, which does not define it.");
            }
        }
    }

    private static void CheckIds(XElement customizations, Baseline baseline, Action<string, string> add)
    {
        foreach (var (key, id) in Baseline.IdsOf(customizations))
        {
            if (baseline.Ids.TryGetValue(key, out var previous) && previous != id)
            {
                add(VerifyRules.IdChanged, $"The id of {key} changed from {previous} to {id}; a re-import would duplicate the component instead of upgrading it.");
            }
        }
    }

    private static XElement Parse(byte[] bytes) => SafeXml.Load(bytes).Root!;

    private static (string Type, string Assembly) TypeNameOf(string? assemblyQualifiedName)
    {
        var text = assemblyQualifiedName ?? string.Empty;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (text, string.Empty) : (text[..comma].Trim(), text[(comma + 1)..].Trim());
    }

    /// <summary>The message of a step named "&lt;type&gt;: &lt;Message&gt; of &lt;entity&gt;".</summary>
    private static string MessageOf(string stepName)
    {
        var colon = stepName.IndexOf(": ", StringComparison.Ordinal);
        var rest = colon < 0 ? stepName : stepName[(colon + 2)..];
        var of = rest.IndexOf(" of ", StringComparison.Ordinal);
        return of < 0 ? rest : rest[..of];
    }

    private static int Int(XElement element, string child) =>
        int.TryParse((string?)element.Element(child), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;

    // Only the exact text is a type: " 92" or "092" is not what the packer writes, so it stays unknown.
    private static int? ComponentType(string? type) =>
        type is not null && int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && string.Equals(value.ToString(CultureInfo.InvariantCulture), type, StringComparison.Ordinal)
            ? value
            : null;

    private static Guid Normalize(string? id) => Guid.TryParse(id, out var guid) ? guid : Guid.Empty;
}
