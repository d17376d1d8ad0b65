using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>A built assembly to ship: its bytes and what its metadata declares.</summary>
public sealed record AssemblyInput(AssemblyInfo Info, byte[] Bytes);

/// <summary>
/// What to pack: the source folder (SolutionPackager layout), the built assemblies, the message ids, and the mapping file
/// that finds the built web resources (default: mapping.xml beside the source folder, when there is one).
/// </summary>
public sealed record PackRequest(
    string SourceFolder,
    IReadOnlyList<AssemblyInput> Assemblies,
    MessageTable Messages,
    DependencyTable? Dependencies = null,
    MappingFile? Mapping = null);

/// <summary>The two zips and what went into them.</summary>
public sealed record PackResult(
    string UniqueName,
    string Version,
    byte[] Unmanaged,
    byte[] Managed,
    IReadOnlyList<StepRegistration> Steps,
    IReadOnlyDictionary<string, byte[]> GeneratedSourceFiles)
{
    /// <summary>&lt;UniqueName&gt;_a_b_c_d.zip.</summary>
    public string UnmanagedFileName => BaseName + ".zip";

    /// <summary>&lt;UniqueName&gt;_a_b_c_d_managed.zip.</summary>
    public string ManagedFileName => BaseName + "_managed.zip";

    private string BaseName => $"{UniqueName}_{Version.Replace('.', '_')}";

    /// <summary>
    /// Writes both zips into <paramref name="folder"/> and returns their paths. Only these two names are replaced:
    /// anything else in the folder (older versions, a user's own zips) is not ours to delete.
    /// </summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var unmanaged = Path.Combine(folder, UnmanagedFileName);
        var managed = Path.Combine(folder, ManagedFileName);
        Replace(unmanaged, Unmanaged);
        Replace(managed, Managed);
        return [unmanaged, managed];
    }

    // Written beside the target and moved over it, so a failed write never leaves half a zip under the real name.
    private static void Replace(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>
/// Packs the solution: the source folder's manifest, placeholders and environment variables, plus the plug-in
/// assembly, plug-in type, step and image components generated from the built assemblies' attributes.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Folder of the generated assembly files inside the source folder.</summary>
    public const string PluginAssembliesFolder = "PluginAssemblies";

    /// <summary>Folder of the generated step files inside the source folder.</summary>
    public const string StepsFolder = "SdkMessageProcessingSteps";

    /// <summary>Folder of the environment variable definitions inside the source folder and the zip.</summary>
    public const string EnvironmentVariablesFolder = "environmentvariabledefinitions";

    /// <summary>File name of one definition, in its own folder under <see cref="EnvironmentVariablesFolder"/>.</summary>
    public const string EnvironmentVariableDefinitionFile = "environmentvariabledefinition.xml";

    /// <summary>
    /// Other/Solution.xml of the source folder with its unique name and version: the one place the version lives
    /// (the build reads the same element for the assembly version before any code runs).
    /// </summary>
    internal static (XDocument Document, string UniqueName, string Version) ReadManifest(string sourceFolder)
    {
        var manifest = SafeXml.LoadFile(Path.Combine(sourceFolder, "Other", "Solution.xml"));
        var solutionManifest = manifest.Root!.Element("SolutionManifest")
            ?? throw new PackagingException("Other/Solution.xml has no <SolutionManifest>.");
        var uniqueName = (string?)solutionManifest.Element("UniqueName") ?? throw new PackagingException("Other/Solution.xml has no <UniqueName>.");
        var version = (string?)solutionManifest.Element("Version") ?? throw new PackagingException("Other/Solution.xml has no <Version>.");
        return (manifest, uniqueName, version);
    }

    /// <summary>
    /// Packs both zips with every declared step. A step whose message id is not in the committed table stops the pack:
    /// a package that silently lacks steps would import "successfully" and never run them.
    /// </summary>
    public static PackResult Pack(PackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (manifest, uniqueName, version) = ReadManifest(request.SourceFolder);

        var steps = ShippedRegistrations(request.Assemblies, request.Messages);
        var generated = GenerateSourceFiles(request.Assemblies, steps, version);
        var content = new SolutionContent(
            request.Assemblies,
            steps,
            EnvironmentVariableFiles(request.SourceFolder),
            SolutionWebResources.Read(request.SourceFolder, request.Mapping ?? MappingFile.Beside(request.SourceFolder)),
            SolutionWebResources.ReadEntities(request.SourceFolder));
        var customizations = Customizations(request.SourceFolder, content, version);
        var dependencies = MissingDependencies(request.Dependencies, steps);
        var unmanaged = Zip(manifest, 0, customizations, content, dependencies);
        var managed = Zip(manifest, 1, customizations, content, dependencies);
        return new PackResult(uniqueName, version, unmanaged, managed, steps, generated);
    }

    /// <summary>What solution.xml declares as missing dependencies for <paramref name="steps"/> (none without a table).</summary>
    public static IReadOnlyList<MissingDependency> MissingDependencies(DependencyTable? dependencies, IEnumerable<StepRegistration> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return dependencies?.For(steps.Select(s => new DependentStep(s.StepId, s.Name, s.Declaration.Message, s.Declaration.PrimaryEntity)).ToList()) ?? [];
    }

    /// <summary>Every declared step with its message id; throws naming the first step whose message id the table lacks.</summary>
    public static IReadOnlyList<StepRegistration> ShippedRegistrations(IEnumerable<AssemblyInput> assemblies, MessageTable messages)
    {
        var steps = Registrations(assemblies, messages);
        if (steps.FirstOrDefault(s => s.MessageId is null) is { } unknown)
        {
            throw new PackagingException(
                $"Step '{unknown.Name}': the id of message '{unknown.Declaration.Message}' is not in Solution/sdkmessages.json. Add its published id there with its provenance; ids are never guessed.");
        }

        return steps;
    }

    /// <summary>Every step declared in the assemblies, with its deterministic id and the table's message id (or null).</summary>
    public static IReadOnlyList<StepRegistration> Registrations(IEnumerable<AssemblyInput> assemblies, MessageTable messages)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<StepRegistration>();
        var ids = new HashSet<Guid>();
        foreach (var assembly in assemblies.Select(a => a.Info))
        {
            foreach (var type in assembly.Types)
            {
                foreach (var declaration in type.Steps)
                {
                    var id = ComponentIds.Step(
                        type.FullName, declaration.Message, declaration.PrimaryEntity, declaration.Stage, declaration.Mode, declaration.Rank);
                    var step = new StepRegistration(assembly, type, declaration, id, messages.Find(declaration.Message));
                    if (!ids.Add(id))
                    {
                        throw new PackagingException(
                            $"{type.FullName} declares '{step.Name}' twice with the same stage, mode and rank; give each PluginStep a different rank.");
                    }

                    result.Add(step);
                }
            }
        }

        return result.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.StepId).ToList();
    }

    /// <summary>The generated component files of the source folder, by relative path with forward slashes.</summary>
    public static IReadOnlyDictionary<string, byte[]> GenerateSourceFiles(
        IEnumerable<AssemblyInput> assemblies, IEnumerable<StepRegistration> steps, string version)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        ArgumentNullException.ThrowIfNull(steps);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Select(a => a.Info))
        {
            var element = CustomizationsXml.PluginAssembly(assembly, version);
            element.Add(new XAttribute(XNamespace.Xmlns + "xsi", CustomizationsXml.Xsi));
            files[CustomizationsXml.AssemblyPath(assembly) + ".data.xml"] = XmlText.Unpacked(element);
        }

        foreach (var step in steps)
        {
            var element = CustomizationsXml.Step(step, version);
            element.Add(new XAttribute(XNamespace.Xmlns + "xsi", CustomizationsXml.Xsi));
            files[$"{StepsFolder}/{CustomizationsXml.Braced(step.StepId)}.xml"] = XmlText.Unpacked(element);
        }

        return files;
    }

    /// <summary>Writes the generated component files into the source folder, deleting stale ones.</summary>
    public static void WriteSourceFiles(string sourceFolder, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var stale in ExistingGeneratedFiles(sourceFolder).Where(f => !files.ContainsKey(f)))
        {
            File.Delete(Path.Combine(sourceFolder, stale));
        }

        foreach (var folder in GeneratedFolders(sourceFolder))
        {
            foreach (var empty in Directory.GetDirectories(folder).Where(d => Directory.GetFileSystemEntries(d).Length == 0))
            {
                Directory.Delete(empty);
            }
        }

        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(sourceFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>The generated component files present in the source folder, relative, with forward slashes.</summary>
    public static IReadOnlyList<string> ExistingGeneratedFiles(string sourceFolder) =>
        GeneratedFolders(sourceFolder)
            .SelectMany(f => Directory.GetFiles(f, "*.xml", SearchOption.AllDirectories))
            .Select(f => RelativePath(sourceFolder, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> GeneratedFolders(string sourceFolder) =>
        new[] { PluginAssembliesFolder, StepsFolder }.Select(f => Path.Combine(sourceFolder, f)).Where(Directory.Exists);

    private static string RelativePath(string sourceFolder, string file) =>
        Path.GetRelativePath(sourceFolder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static byte[] Customizations(string sourceFolder, SolutionContent content, string version)
    {
        var root = SafeXml.LoadFile(Path.Combine(sourceFolder, "Other", "Customizations.xml")).Root!;
        Fill(root, "Entities", content.Entities.Select(e => e.Element));
        Fill(root, "WebResources", content.WebResources.Select(w => w.Element));
        Fill(root, "SolutionPluginAssemblies", content.Assemblies.Select(a => CustomizationsXml.PluginAssembly(a.Info, version)));
        Fill(root, "SdkMessageProcessingSteps", content.Steps.Select(s => CustomizationsXml.Step(s, version)));
        return XmlText.ServerExport(root);
    }

    private static void Fill(XElement root, string placeholder, IEnumerable<XElement> children)
    {
        var element = root.Element(placeholder)
            ?? throw new PackagingException($"Other/Customizations.xml has no <{placeholder} /> placeholder.");
        if (element.HasElements)
        {
            throw new PackagingException(
                $"Other/Customizations.xml: <{placeholder}> must stay an empty placeholder; its content is generated from the assemblies.");
        }

        element.Add(children);
    }

    private static List<(string Path, byte[] Bytes)> EnvironmentVariableFiles(string sourceFolder)
    {
        var folder = Path.Combine(sourceFolder, EnvironmentVariablesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (RelativePath(sourceFolder, f), File.ReadAllBytes(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private static byte[] Zip(
        XDocument manifest,
        int managed,
        byte[] customizations,
        SolutionContent content,
        IReadOnlyList<MissingDependency> dependencies)
    {
        var (assemblies, steps, environmentVariables) = (content.Assemblies, content.Steps, content.EnvironmentVariables);
        var solution = new XElement(manifest.Root!);
        var solutionManifest = solution.Element("SolutionManifest")!;
        solutionManifest.Element("Managed")!.Value = managed.ToString(CultureInfo.InvariantCulture);
        var rootComponents = solutionManifest.Element("RootComponents")
            ?? throw new PackagingException("Other/Solution.xml has no <RootComponents /> placeholder.");
        rootComponents.RemoveNodes();

        // Shells: the solution carries the table's ribbon diff, not the table (Dynamics 365 Sales owns the lead).
        foreach (var entity in content.Entities)
        {
            rootComponents.Add(RootComponent(RootComponentTypes.Entity, null, entity.LogicalName, behavior: 2));
        }

        foreach (var webResource in content.WebResources)
        {
            rootComponents.Add(RootComponent(RootComponentTypes.WebResource, null, webResource.Name));
        }

        foreach (var assembly in assemblies.Select(a => a.Info))
        {
            rootComponents.Add(RootComponent(RootComponentTypes.PluginAssembly, CustomizationsXml.Braced(ComponentIds.Assembly(assembly.SimpleName)), assembly.FullName));
        }

        foreach (var step in steps)
        {
            rootComponents.Add(RootComponent(RootComponentTypes.Step, CustomizationsXml.Braced(step.StepId), null));
        }

        foreach (var definition in environmentVariables.Where(f => f.Path.EndsWith("/" + EnvironmentVariableDefinitionFile, StringComparison.Ordinal)))
        {
            var schemaName = (string?)SafeXml.Load(definition.Bytes).Root!.Attribute("schemaname")
                ?? throw new PackagingException($"{definition.Path} has no schemaname attribute.");
            rootComponents.Add(RootComponent(RootComponentTypes.EnvironmentVariableDefinition, null, schemaName));
        }

        var missingDependencies = solutionManifest.Element("MissingDependencies")
            ?? throw new PackagingException("Other/Solution.xml has no <MissingDependencies /> placeholder.");
        if (missingDependencies.HasElements)
        {
            throw new PackagingException(
                "Other/Solution.xml: <MissingDependencies> must stay an empty placeholder; its content is generated from Solution/dependencies.json.");
        }

        missingDependencies.Add(dependencies.Select(d => d.ToXml()));
        var entries = new List<(string Path, byte[] Bytes)>
        {
            ("customizations.xml", customizations),
            ("solution.xml", XmlText.ServerExport(solution)),
        };
        entries.AddRange(assemblies.Select(a => (CustomizationsXml.AssemblyPath(a.Info), a.Bytes)));
        entries.AddRange(environmentVariables);
        entries.AddRange(content.WebResources.Select(w => (w.ZipPath, w.Bytes)));
        return DeterministicZip.Create(entries);
    }

    private static XElement RootComponent(int type, string? id, string? schemaName, int behavior = 0) =>
        new(
            "RootComponent",
            new XAttribute("type", type.ToString(CultureInfo.InvariantCulture)),
            id is null ? null : new XAttribute("id", id),
            schemaName is null ? null : new XAttribute("schemaName", schemaName),
            new XAttribute("behavior", behavior.ToString(CultureInfo.InvariantCulture)));

    private sealed record SolutionContent(
        IReadOnlyList<AssemblyInput> Assemblies,
        IReadOnlyList<StepRegistration> Steps,
        IReadOnlyList<(string Path, byte[] Bytes)> EnvironmentVariables,
        IReadOnlyList<WebResourceFile> WebResources,
        IReadOnlyList<EntityCustomization> Entities);
}
