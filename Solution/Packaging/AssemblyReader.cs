using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// Reads registrations from a built assembly's metadata with MetadataLoadContext: nothing of the assembly runs,
/// so a net462 plug-in can be inspected from .NET 10 exactly as it will ship.
/// </summary>
public sealed class AssemblyReader
{
    /// <summary>Full name of the step attribute in the plug-in assembly.</summary>
    public const string PluginStepAttributeName = "LeadQualifyExtensions.Plugins.Registration.PluginStepAttribute";

    /// <summary>Full name of the activity attribute in the workflow assembly.</summary>
    public const string WorkflowActivityAttributeName = "LeadQualifyExtensions.Workflows.Registration.WorkflowActivityAttribute";

    private const string PluginInterfaceName = "Microsoft.Xrm.Sdk.IPlugin";
    private const string CodeActivityName = "System.Activities.CodeActivity";
    private const string TargetFrameworkAttributeName = "System.Runtime.Versioning.TargetFrameworkAttribute";

    private readonly IReadOnlyList<string> _referencePaths;

    /// <summary>Creates a reader that resolves dependencies from <paramref name="referencePaths"/> (DLL files).</summary>
    public AssemblyReader(IEnumerable<string> referencePaths)
    {
        ArgumentNullException.ThrowIfNull(referencePaths);
        _referencePaths = referencePaths.ToList();
    }

    /// <summary>
    /// Reads the assembly at <paramref name="path"/>; the files beside it also resolve dependencies, except where a
    /// reference path names the same file (a test's output folder holds .NET 10 builds of names such as System.Activities).
    /// </summary>
    public AssemblyInfo Read(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Read(File.ReadAllBytes(path), Directory.GetFiles(folder, "*.dll"));
    }

    /// <summary>Reads an assembly from its bytes.</summary>
    public AssemblyInfo Read(byte[] bytes, IEnumerable<string>? extraReferencePaths = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var simpleName = AssemblyNameOf(bytes);
        var paths = _referencePaths.Concat(extraReferencePaths ?? [])
            .Where(p => !string.Equals(Path.GetFileNameWithoutExtension(p), simpleName, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .ToList();

        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
        var assembly = context.LoadFromByteArray(bytes);
        var name = assembly.GetName();
        var targetFramework = assembly.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType.FullName == TargetFrameworkAttributeName)?
            .ConstructorArguments[0].Value as string;

        var types = new List<PluginTypeInfo>();
        foreach (var type in LoadTypes(assembly))
        {
            var info = Describe(type);
            if (info is not null)
            {
                types.Add(info);
            }
        }

        types.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return new AssemblyInfo(
            name.Name ?? simpleName,
            assembly.FullName ?? simpleName,
            name.Version ?? new Version(0, 0, 0, 0),
            Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []),
            targetFramework,
            types);
    }

    /// <summary>Reads only the assembly's simple name (no dependencies needed).</summary>
    public static string AssemblyNameOf(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.GetString(metadata.GetAssemblyDefinition().Name);
    }

    private static Type[] LoadTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            var missing = exception.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct(StringComparer.Ordinal);
            throw new PackagingException(
                $"Cannot read the types of {assembly.GetName().Name}: {string.Join("; ", missing)}. Pass the folders of its dependencies (sdk builds, net462 reference assemblies).",
                exception);
        }
    }

    private static PluginTypeInfo? Describe(Type type)
    {
        if (!type.IsClass || type.IsAbstract || !type.IsPublic)
        {
            return null;
        }

        try
        {
            if (type.GetInterfaces().Any(i => i.FullName == PluginInterfaceName))
            {
                var steps = type.GetCustomAttributesData()
                    .Where(a => a.AttributeType.FullName == PluginStepAttributeName)
                    .Select(ReadStep)
                    .ToList();
                return new PluginTypeInfo(type.FullName!, PluginTypeKind.Plugin, null, null, null, steps);
            }

            if (DerivesFromCodeActivity(type))
            {
                var attribute = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == WorkflowActivityAttributeName);
                var activityName = attribute?.ConstructorArguments[0].Value as string ?? type.Name;
                var group = Named<string>(attribute, "Group") ?? "Lead Qualification";
                var description = Named<string>(attribute, "Description");
                return new PluginTypeInfo(type.FullName!, PluginTypeKind.WorkflowActivity, activityName, group, description, []);
            }
        }
        catch (FileNotFoundException exception)
        {
            throw new PackagingException(
                $"Cannot inspect {type.FullName}: a dependency is missing ({exception.Message}). Pass the folders of its dependencies (sdk builds, net462 reference assemblies).",
                exception);
        }

        return null;
    }

    private static bool DerivesFromCodeActivity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var name = current.IsGenericType ? current.GetGenericTypeDefinition().FullName : current.FullName;
            if (name is CodeActivityName or CodeActivityName + "`1")
            {
                return true;
            }
        }

        return false;
    }

    private static StepDeclaration ReadStep(CustomAttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        return new StepDeclaration(
            Message: (string)arguments[0].Value!,
            PrimaryEntity: (string)arguments[1].Value!,
            Stage: Convert.ToInt32(arguments[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            Mode: Convert.ToInt32(Named<object>(attribute, "Mode") ?? 0, System.Globalization.CultureInfo.InvariantCulture),
            Rank: Convert.ToInt32(Named<object>(attribute, "Rank") ?? 1, System.Globalization.CultureInfo.InvariantCulture),
            FilteringAttributes: NamedArray(attribute, "FilteringAttributes"),
            PreImage: Named<string>(attribute, "PreImage"),
            PreImageAttributes: NamedArray(attribute, "PreImageAttributes"),
            PostImage: Named<string>(attribute, "PostImage"),
            PostImageAttributes: NamedArray(attribute, "PostImageAttributes"),
            Configuration: Named<string>(attribute, "Configuration"),
            Description: Named<string>(attribute, "Description"));
    }

    private static T? Named<T>(CustomAttributeData? attribute, string name)
        where T : class
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.MemberName == name)
            {
                return argument.TypedValue.Value as T;
            }
        }

        return null;
    }

    private static string[] NamedArray(CustomAttributeData attribute, string name) =>
        Named<ReadOnlyCollection<CustomAttributeTypedArgument>>(attribute, name)?
            .Select(v => (string)v.Value!)
            .ToArray() ?? [];
}
