using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>The repository's packing inputs at their conventional places (Solution/src, mapping.xml, sdkmessages.json).</summary>
public sealed class Workspace
{
    /// <summary>Creates the workspace of the repository at <paramref name="repoRoot"/>.</summary>
    public Workspace(string repoRoot)
    {
        RepoRoot = Path.GetFullPath(repoRoot);
    }

    /// <summary>The repository root (the folder holding LeadQualifyExtensions.sln).</summary>
    public string RepoRoot { get; }

    /// <summary>Solution/src: the SolutionPackager source folder.</summary>
    public string SourceFolder => Path.Combine(RepoRoot, "Solution", "src");

    /// <summary>Solution/mapping.xml: where the built DLLs and scripts are.</summary>
    public string MappingPath => Path.Combine(RepoRoot, "Solution", "mapping.xml");

    /// <summary>Solution/sdkmessages.json: the committed message ids.</summary>
    public string MessagesPath => Path.Combine(RepoRoot, "Solution", "sdkmessages.json");

    /// <summary>Solution/dependencies.json: what the solution needs from Dynamics 365 Sales.</summary>
    public string DependenciesPath => Path.Combine(RepoRoot, "Solution", "dependencies.json");

    /// <summary>artifacts/solution: where the build writes the zips.</summary>
    public string OutputFolder => Path.Combine(RepoRoot, "artifacts", "solution");

    /// <summary>../shared/schemas/CustomizationsSolution.xsd beside the repository, or null when absent.</summary>
    public string? SchemaPath
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "schemas", "CustomizationsSolution.xsd"));
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Finds the repository root from <paramref name="start"/> upwards, or null.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LeadQualifyExtensions.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The committed message table.</summary>
    public MessageTable LoadMessages() => MessageTable.Load(MessagesPath);

    /// <summary>The committed dependency table.</summary>
    public DependencyTable LoadDependencies() => DependencyTable.Load(DependenciesPath);

    /// <summary>The built DLLs named by the mapping file, in mapping order.</summary>
    public IReadOnlyList<string> MappedAssemblyPaths()
    {
        var mapping = MappingFile.Load(MappingPath);
        return mapping.MappedFileNames
            .Where(name => name.EndsWith(".dll", System.StringComparison.OrdinalIgnoreCase))
            .Select(name => mapping.Resolve(SourceFolder, name))
            .ToList();
    }

    /// <summary>Reference DLLs: the given folders/files, else the sdk builds and the net462 reference assemblies.</summary>
    public IReadOnlyList<string> ReferencePaths(IReadOnlyList<string>? given = null)
    {
        if (given is { Count: > 0 })
        {
            return ReferencePathsFrom(given);
        }

        var net462 = Packaging.ReferencePaths.FindNet462ReferenceAssemblies()
            ?? throw new PackagingException(
                "The .NET Framework 4.6.2 reference assemblies are not restored (NuGet package microsoft.netframework.referenceassemblies.net462); run dotnet restore, or set NUGET_PACKAGES.");
        return ReferencePathsFrom([.. Packaging.ReferencePaths.FindSdkAssemblies(RepoRoot), net462]);
    }

    /// <summary>Reads the assemblies at <paramref name="paths"/> (default: the mapped ones).</summary>
    public IReadOnlyList<AssemblyInput> ReadAssemblies(IReadOnlyList<string> referencePaths, IReadOnlyList<string>? paths = null)
    {
        var reader = new AssemblyReader(referencePaths);
        return (paths is { Count: > 0 } ? paths : MappedAssemblyPaths())
            .Select(p => new AssemblyInput(reader.Read(p), File.ReadAllBytes(p)))
            .ToList();
    }

    /// <summary>Packs the complete solution from the built assemblies (default: those the mapping file finds).</summary>
    public PackResult Pack(IReadOnlyList<string>? assemblyPaths = null, IReadOnlyList<string>? referencePaths = null)
    {
        var references = ReferencePaths(referencePaths);
        return SolutionPacker.Pack(new PackRequest(
            SourceFolder, ReadAssemblies(references, assemblyPaths), LoadMessages(), LoadDependencies(), MappingFile.Load(MappingPath)));
    }

    private static IReadOnlyList<string> ReferencePathsFrom(IEnumerable<string> foldersOrFiles) =>
        Packaging.ReferencePaths.Expand(foldersOrFiles);
}
