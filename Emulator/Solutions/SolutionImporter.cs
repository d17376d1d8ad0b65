using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator.Metadata.Import;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Solutions;

/// <summary>What an import registered.</summary>
/// <param name="Assemblies">Plug-in assemblies loaded from the zip.</param>
/// <param name="Steps">Steps registered (existing steps with the same id were replaced).</param>
/// <param name="EnvironmentVariables">Schema names of the environment variable definitions created or updated.</param>
public sealed record SolutionImportResult(
    IReadOnlyList<Assembly> Assemblies, IReadOnlyList<RegisteredStep> Steps, IReadOnlyList<string> EnvironmentVariables)
{
    /// <summary>Logical names of the tables the solution's Entities section describes (new ones and extended standard ones).</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];
}

/// <summary>
/// Imports the parts of a solution zip the emulator runs: plug-in assemblies (from the zip path in FileName), their
/// SdkMessageProcessingSteps with images (message resolved by id through the sdkmessage table), environment
/// variable definitions (environmentvariabledefinitions/&lt;schema&gt;/environmentvariabledefinition.xml) and web
/// resources (webresource rows with their content).
/// </summary>
internal static class SolutionImporter
{
    /// <summary>Imports the zip at <paramref name="zipPath"/>.</summary>
    public static SolutionImportResult Import(XrmEmulator emulator, string zipPath)
    {
        using var stream = new MemoryStream(SafeZip.ReadFile(zipPath), writable: false);
        return Import(emulator, stream);
    }

    /// <summary>
    /// Imports a solution zip from a stream. The zip is read within <see cref="SafeZip"/>'s bounds and its XML without
    /// DTDs; a zip or file that breaks them throws <see cref="InvalidDataException"/> and registers nothing.
    /// </summary>
    public static SolutionImportResult Import(XrmEmulator emulator, Stream zip)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(zip);
        var parts = SafeZip.Read(zip).Where(p => !p.IsFolder).ToList();
        var customizations = Entry(parts, "customizations.xml")
            ?? throw new InvalidDataException("The solution zip has no customizations.xml at its root.");
        var root = Xml(customizations).Root ?? throw new InvalidDataException("customizations.xml is empty.");
        var manifest = Manifest(parts);
        CheckDependencies(emulator, manifest);
        var (assemblies, types) = LoadAssemblies(parts, root);
        // Every step and definition is read before any is registered, so a zip the emulator cannot take leaves nothing behind.
        var elements = Sections(root, "SdkMessageProcessingSteps", "SdkMessageProcessingStep").ToList();
        var read = elements.Select(element => ReadStep(emulator, element, types)).ToList();
        var messageIds = read.Zip(elements, (step, element) => (step.Id, MessageId: Guid.Parse(Required(element, "SdkMessageId")))).ToDictionary(p => p.Id, p => p.MessageId);
        var definitions = ReadEnvironmentVariables(parts);
        var webResources = ReadWebResources(parts, root);
        var schema = SolutionSchemaReader.Read(root, emulator.Schema);
        // Tables first: the steps and environment variables may name them.
        schema.ApplyTo(emulator.Schema);
        var steps = new List<RegisteredStep>();
        foreach (var step in read)
        {
            emulator.Plugins.UnregisterStep(step.Id);
            steps.Add(emulator.Plugins.RegisterStep(step));
            RecordStep(emulator, step, messageIds[step.Id]);
        }

        foreach (var definition in definitions)
        {
            Upsert(emulator, definition);
        }

        foreach (var webResource in webResources)
        {
            UpsertById(emulator, webResource);
        }

        RecordInstalled(emulator, manifest);
        return new SolutionImportResult(assemblies, steps, definitions.Select(d => d.GetAttributeValue<string>("schemaname")).ToList())
        {
            Tables = schema.Tables.Select(t => t.LogicalName).ToList(),
        };
    }

    private static XElement? Manifest(List<ZipPart> parts) =>
        Entry(parts, "solution.xml") is { } entry ? Xml(entry).Root?.Element("SolutionManifest") : null;

    // As the platform does before it writes anything: every component the solution declares it needs from another
    // solution (<Required> of each MissingDependency) must be there, else the import stops naming each one, e.g. in an
    // organization without Dynamics 365 Sales. Read here as the platform reads it, independently of the packer.
    private static void CheckDependencies(XrmEmulator emulator, XElement? manifest)
    {
        var missing = new List<string>();
        var requirements = manifest?.Element("MissingDependencies")?.Elements("MissingDependency").Elements("Required") ?? [];
        foreach (var required in requirements)
        {
            var type = required.Attribute("type")?.Value;
            var schemaName = required.Attribute("schemaName")?.Value;
            var id = Guid.TryParse(required.Attribute("id")?.Value, out var parsed) ? parsed : (Guid?)null;
            var solution = required.Attribute("solution")?.Value;
            var uniqueName = solution?.Split(' ')[0];
            var present = (uniqueName is null || InstalledSolutions.Find(emulator, uniqueName) is not null)
                && type switch
                {
                    "1" => emulator.Schema.Find(schemaName) is not null,
                    "29" => id is { } processId && emulator.Get("workflow", processId) is not null,
                    _ => true,
                };
            var name = required.Attribute("displayName")?.Value ?? schemaName ?? id?.ToString();
            var text = $"{(type == "1" ? "table" : type == "29" ? "process" : "component")} '{name}' from {solution}";
            if (!present && !missing.Contains(text))
            {
                missing.Add(text);
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"This organization lacks what the solution needs: {string.Join("; ", missing)}. Install those solutions (Dynamics 365 Sales) first; nothing was imported.");
        }
    }

    // The step as a row, so tools read what is registered (and whether it is enabled) as they do on the platform.
    private static void RecordStep(XrmEmulator emulator, PluginStep step, Guid messageId)
    {
        lock (emulator.Gate)
        {
            emulator.Store.Remove("sdkmessageprocessingstep", step.Id);
        }

        var row = new Entity("sdkmessageprocessingstep", step.Id)
        {
            ["name"] = step.Name ?? step.Message,
            ["sdkmessageid"] = new EntityReference("sdkmessage", messageId),
            ["stage"] = new OptionSetValue((int)step.Stage),
            ["mode"] = new OptionSetValue((int)step.Mode),
            ["rank"] = step.Rank,
            ["filteringattributes"] = string.Join(",", step.FilteringAttributes),
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (step.PrimaryEntity is { } table)
        {
            row["primaryentity"] = table;
        }

        emulator.Seed(row);
    }

    // The solution table then answers "which version is installed", as it does for deploy tools on the platform.
    private static void RecordInstalled(XrmEmulator emulator, XElement? manifest)
    {
        if (manifest?.Element("UniqueName")?.Value is not { Length: > 0 } uniqueName)
        {
            return;
        }

        var row = new Entity("solution")
        {
            ["uniquename"] = uniqueName,
            ["friendlyname"] = manifest.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description")?.Value ?? uniqueName,
            ["version"] = manifest.Element("Version")?.Value ?? string.Empty,
            ["ismanaged"] = manifest.Element("Managed")?.Value == "1",
            ["installedon"] = emulator.Clock.UtcNow,
        };
        if (InstalledSolutions.Find(emulator, uniqueName) is { } existing)
        {
            row.Id = existing.Id;
            emulator.GetOrganizationService().Update(row);
        }
        else
        {
            emulator.Seed(row);
        }
    }

    private static ZipPart? Entry(List<ZipPart> parts, string path)
    {
        var normalized = path.Replace('\\', '/').TrimStart('/');
        return parts.FirstOrDefault(e => string.Equals(e.FullName.Replace('\\', '/'), normalized, StringComparison.OrdinalIgnoreCase));
    }

    private static XDocument Xml(ZipPart part)
    {
        try
        {
            return SafeXml.Load(part.Bytes);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{InputQuote.Prefix(part.FullName)} is not well-formed XML (a DTD is not allowed): {exception.Message}", exception);
        }
    }

    private static IEnumerable<XElement> Sections(XElement root, string container, string item) =>
        root.Elements(container).Elements(item);

    // Types are resolved only when a step uses them: workflow activity types in the same list need System.Activities,
    // which a plug-in-only test host does not have to provide.
    private static (List<Assembly> Assemblies, Dictionary<string, (Assembly Assembly, string TypeName)> Types) LoadAssemblies(List<ZipPart> parts, XElement root)
    {
        var assemblies = new List<Assembly>();
        var types = new Dictionary<string, (Assembly, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in Sections(root, "SolutionPluginAssemblies", "PluginAssembly"))
        {
            var fileName = element.Element("FileName")?.Value
                ?? throw new InvalidDataException($"PluginAssembly {element.Attribute("FullName")?.Value} has no FileName.");
            var entry = Entry(parts, fileName) ?? throw new InvalidDataException($"The zip has no file '{InputQuote.Prefix(fileName)}'.");
            var assembly = PluginAssemblyLoader.Load(entry.Bytes);
            assemblies.Add(assembly);
            foreach (var typeElement in element.Elements("PluginTypes").Elements("PluginType"))
            {
                var qualified = typeElement.Attribute("AssemblyQualifiedName")?.Value;
                var name = TypeNameOf(qualified) ?? typeElement.Attribute("Name")?.Value;
                if (name is null)
                {
                    continue;
                }

                if (typeElement.Attribute("PluginTypeId")?.Value is { } id)
                {
                    types[NormalizeId(id)] = (assembly, name);
                }

                if (qualified is not null)
                {
                    types[qualified] = (assembly, name);
                }
            }
        }

        return (assemblies, types);
    }

    private static Type ResolveType(string stepName, (Assembly Assembly, string TypeName) reference)
    {
        Type? type;
        try
        {
            type = reference.Assembly.GetType(reference.TypeName, throwOnError: false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            throw new InvalidDataException($"Step '{stepName}': plug-in type '{reference.TypeName}' cannot be loaded: {exception.Message}", exception);
        }

        return type ?? throw new InvalidDataException($"Step '{stepName}': plug-in type '{reference.TypeName}' is not in assembly {reference.Assembly.FullName}.");
    }

    private static PluginStep ReadStep(XrmEmulator emulator, XElement element, Dictionary<string, (Assembly Assembly, string TypeName)> types)
    {
        var messageId = Guid.Parse(Required(element, "SdkMessageId"));
        var message = emulator.Get("sdkmessage", messageId)?.GetAttributeValue<string>("name")
            ?? throw new InvalidDataException(
                $"SdkMessageId {messageId} is not in this organization's sdkmessage table: the solution names a message the organization does not have (or has under another id), so nothing was imported.");
        var stepName = element.Attribute("Name")?.Value ?? "(unnamed)";
        var typeKeyById = element.Element("PluginTypeId")?.Value is { } typeId ? NormalizeId(typeId) : null;
        var typeName = element.Element("PluginTypeName")?.Value;
        (Assembly Assembly, string TypeName) reference = default;
        var found = (typeKeyById is not null && types.TryGetValue(typeKeyById, out reference))
            || (typeName is not null && types.TryGetValue(typeName, out reference));
        if (!found)
        {
            throw new InvalidDataException($"Step '{stepName}' references plug-in type '{typeName ?? typeKeyById}', which no PluginAssembly provides.");
        }

        var type = ResolveType(stepName, reference);

        var entity = element.Element("PrimaryEntity")?.Value;
        return new PluginStep
        {
            Id = element.Attribute("SdkMessageProcessingStepId")?.Value is { } stepId ? Guid.Parse(stepId) : Guid.NewGuid(),
            Name = element.Attribute("Name")?.Value,
            Message = message,
            PrimaryEntity = string.IsNullOrWhiteSpace(entity) ? null : entity,
            Stage = (PipelineStage)Int(element, "Stage", 40),
            Mode = (StepMode)Int(element, "Mode", 0),
            Rank = Int(element, "Rank", 1),
            FilteringAttributes = XrmEmulatorPipelineExtensions.SplitColumns(element.Element("FilteringAttributes")?.Value),
            UnsecureConfiguration = element.Element("Configuration")?.Value,
            PluginType = type,
            PluginTypeName = type.FullName,
            Images = element.Elements("SdkMessageProcessingStepImages").Elements("SdkMessageProcessingStepImage").Select(ReadImage).ToArray(),
        };
    }

    private static StepImage ReadImage(XElement element)
    {
        var alias = element.Element("EntityAlias")?.Value ?? element.Attribute("Name")?.Value
            ?? throw new InvalidDataException("An SdkMessageProcessingStepImage has neither EntityAlias nor Name.");
        var attributes = XrmEmulatorPipelineExtensions.SplitColumns(element.Element("Attributes")?.Value);
        return new StepImage(alias, (StepImageType)Int(element, "ImageType", 0), attributes)
        {
            Name = element.Attribute("Name")?.Value ?? alias,
            MessagePropertyName = element.Element("MessagePropertyName")?.Value,
        };
    }

    private static List<Entity> ReadEnvironmentVariables(List<ZipPart> zipParts)
    {
        var definitions = new List<Entity>();
        foreach (var entry in zipParts)
        {
            var parts = entry.FullName.Replace('\\', '/').Split('/');
            if (parts.Length != 3
                || !string.Equals(parts[0], "environmentvariabledefinitions", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(parts[2], "environmentvariabledefinition.xml", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var definition = Xml(entry).Root ?? throw new InvalidDataException($"{InputQuote.Prefix(entry.FullName)} is empty.");

            var schemaName = definition.Attribute("schemaname")?.Value ?? parts[1];
            var row = new Entity("environmentvariabledefinition")
            {
                ["schemaname"] = schemaName,
                ["displayname"] = definition.Element("displayname")?.Attribute("default")?.Value ?? schemaName,
            };
            if (definition.Element("description")?.Attribute("default")?.Value is { } description)
            {
                row["description"] = description;
            }

            if (definition.Element("defaultvalue")?.Value is { } defaultValue)
            {
                row["defaultvalue"] = defaultValue;
            }

            if (definition.Element("type")?.Value is { } type)
            {
                row["type"] = new OptionSetValue(int.Parse(type, CultureInfo.InvariantCulture));
            }

            definitions.Add(row);
        }

        return definitions;
    }

    // WebResources/WebResource: the row with its content (base64, as the webresource table holds it) from the zip path in FileName.
    private static List<Entity> ReadWebResources(List<ZipPart> parts, XElement root)
    {
        var rows = new List<Entity>();
        foreach (var element in Sections(root, "WebResources", "WebResource"))
        {
            var name = element.Element("Name")?.Value ?? throw new InvalidDataException("A web resource has no Name.");
            var fileName = (element.Element("FileName")?.Value ?? string.Empty).TrimStart('/');
            var part = Entry(parts, fileName) ?? throw new InvalidDataException($"Web resource {name}: its file '{fileName}' is not in the zip.");
            rows.Add(new Entity("webresource", Guid.Parse(element.Element("WebResourceId")?.Value ?? throw new InvalidDataException($"Web resource {name} has no WebResourceId.")))
            {
                ["name"] = name,
                ["displayname"] = element.Element("DisplayName")?.Value ?? name,
                ["description"] = element.Element("Description")?.Value ?? string.Empty,
                ["webresourcetype"] = new OptionSetValue(Int(element, "WebResourceType", 1)),
                ["content"] = Convert.ToBase64String(part.Bytes),
            });
        }

        return rows;
    }

    // Re-importing a web resource replaces it (same id).
    private static void UpsertById(XrmEmulator emulator, Entity row)
    {
        if (emulator.All(row.LogicalName).Any(e => e.Id == row.Id))
        {
            emulator.GetOrganizationService().Update(row);
            return;
        }

        emulator.Seed(row);
    }

    // Re-importing upgrades in place: the definition is matched by schema name.
    private static void Upsert(XrmEmulator emulator, Entity row)
    {
        var schemaName = row.GetAttributeValue<string>("schemaname");
        var existing = emulator.All("environmentvariabledefinition")
            .FirstOrDefault(e => string.Equals(e.GetAttributeValue<string>("schemaname"), schemaName, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            emulator.Seed(row);
            return;
        }

        row.Id = existing.Id;
        emulator.GetOrganizationService().Update(row);
    }

    private static string Required(XElement element, string name) =>
        element.Element(name)?.Value ?? throw new InvalidDataException($"Step '{element.Attribute("Name")?.Value}' has no {name}.");

    private static int Int(XElement element, string name, int fallback) =>
        element.Element(name)?.Value is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string NormalizeId(string id) => Guid.Parse(id).ToString("D");

    private static string? TypeNameOf(string? assemblyQualifiedName) =>
        assemblyQualifiedName?.Split(',')[0].Trim();
}
