using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Finds the assemblies MetadataLoadContext needs to read our net462 assemblies.</summary>
public static class ReferencePaths
{
    private const string Net462Package = "microsoft.netframework.referenceassemblies.net462";

    /// <summary>The NuGet packages root: NUGET_PACKAGES when set, else ~/.nuget/packages.</summary>
    public static string NuGetPackagesRoot()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>The .NET Framework 4.6.2 reference assemblies folder, or null when the package is not restored.</summary>
    public static string? FindNet462ReferenceAssemblies(string? packagesRoot = null)
    {
        var packageFolder = Path.Combine(packagesRoot ?? NuGetPackagesRoot(), Net462Package);
        if (!Directory.Exists(packageFolder))
        {
            return null;
        }

        return Directory.GetDirectories(packageFolder)
            .OrderByDescending(v => v, StringComparer.Ordinal)
            .Select(v => Path.Combine(v, "build", ".NETFramework", "v4.6.2"))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>The newest build of each clean-room SDK assembly under the repository's sdk/ folder.</summary>
    public static IReadOnlyList<string> FindSdkAssemblies(string repoRoot)
    {
        var sdk = Path.Combine(repoRoot, "sdk");
        if (!Directory.Exists(sdk))
        {
            return [];
        }

        return Directory.GetDirectories(sdk)
            .Select(project => Path.Combine(project, "bin"))
            .Where(Directory.Exists)
            .SelectMany(bin => Directory.GetFiles(bin, "*.dll", SearchOption.AllDirectories))
            .Where(file => file.Contains($"{Path.DirectorySeparatorChar}netstandard2.0{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.OrderByDescending(File.GetLastWriteTimeUtc).First())
            .Where(file => !Path.GetFileName(file).Equals("System.Activities.dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Every DLL in the given folders (and their Facades sub-folders) plus the given files.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> foldersOrFiles)
    {
        var result = new List<string>();
        foreach (var entry in foldersOrFiles)
        {
            if (File.Exists(entry))
            {
                result.Add(Path.GetFullPath(entry));
            }
            else if (Directory.Exists(entry))
            {
                result.AddRange(Directory.GetFiles(entry, "*.dll"));
                var facades = Path.Combine(entry, "Facades");
                if (Directory.Exists(facades))
                {
                    result.AddRange(Directory.GetFiles(facades, "*.dll"));
                }
            }
        }

        return result;
    }
}
