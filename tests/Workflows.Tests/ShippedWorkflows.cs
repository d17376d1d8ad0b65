using System;
using System.Activities;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Emulator.Workflows;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Testing;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>
/// The shipped net462 assemblies as the solution zip carries them: the zip is packed once per test run in-process by
/// the real packer from the DLLs this build produced (<see cref="ShippedSolution"/>), and the Workflows and Plugins assemblies are the ones the
/// emulator's importer loads from it (cached per content, so every test and every import shares one instance).
/// Types and message texts of the net462 DLLs are read through reflection; they cannot be compiled against.
/// </summary>
internal static class ShippedWorkflows
{
    public const string AdvanceProcessStage = "LeadQualifyExtensions.Workflows.Activities.AdvanceProcessStage";
    public const string QualifyLeadWithPolicy = "LeadQualifyExtensions.Workflows.Activities.QualifyLeadWithPolicy";
    public const string CompleteLeadProcess = "LeadQualifyExtensions.Workflows.Activities.CompleteLeadProcess";

    public const string WorkflowsAssemblyName = "LeadQualifyExtensions.Workflows";
    public const string PluginsAssemblyName = "LeadQualifyExtensions.Plugins";

    private const string MessagesType = "LeadQualifyExtensions.Workflows.ActivityTexts";

    // One import into a throwaway organization yields the loaded assemblies; later imports get the same cached ones.
    private static readonly Lazy<SolutionImportResult> Loaded = new(() =>
    {
        ShippedSolution.Organization(null, out var imported);
        return imported;
    });

    /// <summary>The complete unmanaged solution zip.</summary>
    public static byte[] Zip => ShippedSolution.Zip;

    /// <summary>The Workflows assembly loaded from the zip.</summary>
    public static Assembly Assembly => LoadedAssembly(WorkflowsAssemblyName);

    /// <summary>The Plugins assembly loaded from the zip.</summary>
    public static Assembly PluginsAssembly => LoadedAssembly(PluginsAssemblyName);

    /// <summary>The path of the DLL named <paramref name="assemblyName"/> that this build produced (and packed).</summary>
    public static string BuiltPath(string assemblyName) => BuiltSolution.ShippedAssemblyPaths(typeof(ShippedWorkflows).Assembly)
        .Single(p => string.Equals(Path.GetFileNameWithoutExtension(p), assemblyName, StringComparison.OrdinalIgnoreCase));

    /// <summary>customizations.xml of the zip.</summary>
    public static XDocument Customizations()
    {
        using var archive = new ZipArchive(new MemoryStream(Zip, writable: false), ZipArchiveMode.Read);
        using var stream = archive.GetEntry("customizations.xml")!.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The bytes of the zip entry <paramref name="path"/> (a PluginAssembly FileName, leading '/' allowed).</summary>
    public static byte[] Entry(string path)
    {
        var normalized = path.Replace('\\', '/').TrimStart('/');
        using var archive = new ZipArchive(new MemoryStream(Zip, writable: false), ZipArchiveMode.Read);
        var entry = archive.Entries.Single(e => string.Equals(e.FullName.Replace('\\', '/'), normalized, StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static Activity Create(string typeName) => WorkflowHost.CreateActivity(Assembly, typeName);

    /// <summary>A message constant of ActivityTexts.English / .German, formatted as the activity formats it.</summary>
    public static string Message(int language, string name, params object[] args) =>
        Format(Assembly, MessagesType, language, name, args);

    /// <summary>A message constant of the Plugins assembly's <paramref name="messagesType"/>.English / .German, formatted as a refusal renders it.</summary>
    public static string PluginMessage(string messagesType, int language, string name, params object[] args) =>
        Format(PluginsAssembly, messagesType, language, name, args);

    /// <summary>The display name of a lead column in <paramref name="language"/>, as the Plugins assembly's LeadColumns names it.</summary>
    public static string LeadColumnDisplayName(string logicalName, int language)
    {
        var columns = PluginsAssembly.GetType("LeadQualifyExtensions.Plugins.Policy.LeadColumns", throwOnError: true)!;
        var column = columns.GetMethod("Find", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [logicalName])!;
        var displayName = column.GetType().GetProperty("DisplayName")!.GetValue(column)!;
        return (string)displayName.GetType().GetProperty(language == TestSupport.German ? "German" : "English")!.GetValue(displayName)!;
    }

    private static string Format(Assembly assembly, string messagesType, int language, string name, object[] args)
    {
        var nested = language == TestSupport.German ? "German" : "English";
        var type = assembly.GetType(messagesType + "+" + nested, throwOnError: true)!;
        var format = (string)type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return string.Format(CultureInfo.GetCultureInfo(language), format, args);
    }

    private static Assembly LoadedAssembly(string name) =>
        Loaded.Value.Assemblies.Single(a => string.Equals(a.GetName().Name, name, StringComparison.Ordinal));
}
