using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// SolutionPackager's mapping file (/map, pac --map): where files that are not committed in the source folder are
/// found. Only &lt;FileToFile&gt; is honoured; it is all this solution uses (the two DLLs and the built web resources).
/// </summary>
public sealed class MappingFile
{
    private readonly List<(string Map, string To)> _files;

    private MappingFile(List<(string Map, string To)> files) => _files = files;

    /// <summary>The file names the mapping provides (e.g. LeadQualifyExtensionsPlugins.dll).</summary>
    public IEnumerable<string> MappedFileNames => _files.Select(f => f.Map);

    /// <summary>Reads a mapping file.</summary>
    public static MappingFile Load(string path)
    {
        var document = SafeXml.LoadFile(path);
        var files = document.Root!.Elements("FileToFile")
            .Select(e => ((string?)e.Attribute("map") ?? string.Empty, (string?)e.Attribute("to") ?? string.Empty))
            .Where(f => f.Item1.Length > 0 && f.Item2.Length > 0)
            .ToList();
        return new MappingFile(files);
    }

    /// <summary>The mapping.xml in the folder above <paramref name="sourceFolder"/> (Solution/mapping.xml), or null.</summary>
    public static MappingFile? Beside(string sourceFolder)
    {
        var path = Path.Combine(sourceFolder, "..", "mapping.xml");
        return File.Exists(path) ? Load(path) : null;
    }

    /// <summary>
    /// Finds the file mapped for <paramref name="fileName"/>; paths are relative to the source folder as in
    /// SolutionPackager. A "**" matches any sub-folder; among several matches the newest build wins.
    /// </summary>
    public string Resolve(string sourceFolder, string fileName)
    {
        var entry = _files.FirstOrDefault(f => string.Equals(f.Map, fileName, StringComparison.OrdinalIgnoreCase));
        if (entry.To is null)
        {
            throw new PackagingException($"The mapping file has no <FileToFile map=\"{fileName}\">.");
        }

        var to = Environment.ExpandEnvironmentVariables(entry.To).Replace('\\', Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(sourceFolder, to.Replace("**", "__any__", StringComparison.Ordinal)));
        string[] candidates;
        var wildcard = full.IndexOf("__any__", StringComparison.Ordinal);
        if (wildcard < 0)
        {
            candidates = File.Exists(full) ? [full] : [];
        }
        else
        {
            var root = full[..wildcard].TrimEnd(Path.DirectorySeparatorChar);
            var name = Path.GetFileName(full);
            candidates = Directory.Exists(root) ? Directory.GetFiles(root, name, SearchOption.AllDirectories) : [];
        }

        return candidates.OrderByDescending(File.GetLastWriteTimeUtc).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new PackagingException($"{fileName} is mapped to '{entry.To}' but no such file exists: build the solution first (dotnet build LeadQualifyExtensions.sln).");
    }
}
