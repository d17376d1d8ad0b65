using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LeadQualifyExtensions.Testing;

/// <summary>
/// The ../shared folder beside the repository (research data: api.txt, schemas), as the build recorded it in every
/// test assembly (Directory.Build.props). Compiled into each test project as a linked file.
/// </summary>
internal static class SharedRoot
{
    /// <summary>The folder, ending with a separator.</summary>
    public static string Folder { get; } =
        typeof(SharedRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SharedRoot").Value
        ?? throw new InvalidOperationException("The test assembly does not record SharedRoot.");

    /// <summary>A file under the shared folder; a clear failure when ../shared is not beside the repository.</summary>
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: ../shared must sit beside the repository.");
    }
}
