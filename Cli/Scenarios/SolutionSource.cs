using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>
/// Where the solution that scenarios and the demo import comes from: a zip given on the command line, or the
/// repository's built assemblies packed in-process exactly as the build packs the zip an administrator imports.
/// </summary>
public sealed class SolutionSource
{
    private static readonly ConcurrentDictionary<string, byte[]> Packed = new(StringComparer.Ordinal);

    private readonly string? _zipPath;
    private readonly string? _repoRoot;

    private SolutionSource(string? zipPath, string? repoRoot)
    {
        _zipPath = zipPath;
        _repoRoot = repoRoot;
    }

    /// <summary>No solution: a bare emulator (for runner tests that need no plug-ins).</summary>
    internal static SolutionSource None { get; } = new(null, null);

    /// <summary>What the source is, for messages.</summary>
    public string Description => _zipPath ?? $"packed from the built assemblies in {_repoRoot}";

    /// <summary>Imports the zip at <paramref name="zipPath"/>.</summary>
    public static SolutionSource FromZip(string zipPath) => new(Path.GetFullPath(zipPath), null);

    /// <summary>Packs the repository at <paramref name="repoRoot"/> (its Plugins and Workflows must be built).</summary>
    public static SolutionSource FromRepository(string repoRoot) => new(null, Path.GetFullPath(repoRoot));

    /// <summary>The repository found upwards from the current folder or this program, or an error saying what to pass.</summary>
    public static SolutionSource Default()
    {
        var root = FindRepoRoot()
            ?? throw new PackagingException("Cannot find LeadQualifyExtensions.sln above this folder: pass --solution <zip>.");
        return FromRepository(root);
    }

    /// <summary>The repository root above the current folder, else above this program; null when neither has one.</summary>
    internal static string? FindRepoRoot() =>
        Workspace.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Workspace.FindRepoRoot(AppContext.BaseDirectory);

    /// <summary>The unmanaged solution zip (packed once per process and repository); empty for <see cref="None"/>.</summary>
    public byte[] Zip()
    {
        if (_zipPath is null && _repoRoot is null)
        {
            return [];
        }

        if (_zipPath is not null)
        {
            return File.Exists(_zipPath) ? PackedSolution.ReadZipFile(_zipPath) : throw new PackagingException($"The solution zip '{_zipPath}' does not exist.");
        }

        return Packed.GetOrAdd(_repoRoot!, static root => new Workspace(root).Pack().Unmanaged);
    }

    /// <summary>Imports the solution into <paramref name="emulator"/>; returns its plug-in and activity assemblies.</summary>
    public IReadOnlyList<Assembly> ImportInto(XrmEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var zip = Zip();
        if (zip.Length == 0)
        {
            return [];
        }

        using var stream = new MemoryStream(zip, writable: false);
        return emulator.ImportSolution(stream).Assemblies;
    }
}
