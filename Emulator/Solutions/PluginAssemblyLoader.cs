using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Threading;

namespace LeadQualifyExtensions.Emulator.Solutions;

/// <summary>
/// Loads plug-in assemblies from bytes (e.g. a solution zip) into a dedicated AssemblyLoadContext per assembly content.
/// Everything the plug-in references resolves from the default context, so Microsoft.Xrm.Sdk types are the host's.
/// Loaded assemblies are cached process-wide by SHA-256 of their bytes: thousands of tests importing the same solution
/// load each assembly once.
/// </summary>
internal static class PluginAssemblyLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Cache = new(StringComparer.Ordinal);

    /// <summary>Number of distinct assemblies loaded so far (for tests of the cache).</summary>
    public static int LoadedCount => Cache.Count;

    /// <summary>The assembly with these bytes, loaded once per process.</summary>
    public static Assembly Load(byte[] assemblyBytes)
    {
        ArgumentNullException.ThrowIfNull(assemblyBytes);
        var hash = Convert.ToHexString(SHA256.HashData(assemblyBytes));
        var lazy = Cache.GetOrAdd(hash, key => new Lazy<Assembly>(
            () => new PluginLoadContext(key).LoadFromStream(new MemoryStream(assemblyBytes, writable: false)),
            LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    /// <summary>Isolates one plug-in assembly; all its references fall back to the default context.</summary>
    private sealed class PluginLoadContext(string hash) : AssemblyLoadContext("plugin-" + hash, isCollectible: false)
    {
        // Returning null defers to the default context (the host's Microsoft.Xrm.Sdk, System.ServiceModel, ...).
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
