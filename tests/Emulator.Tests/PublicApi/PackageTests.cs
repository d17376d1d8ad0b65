using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Emulator.Tests.PublicApi;

/// <summary>
/// The package as a user consumes it (issue #19 items 1 and 5): `dotnet pack` of the built emulator into a folder feed,
/// then a test project outside the repository made only of Emulator/README.md's "Use it in your own test project"
/// files (nuget.config, csproj, first test) plus the root README's snippet, restored from that feed and run.
/// </summary>
[TestClass]
public sealed partial class PackageTests
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Pack_ReadmeTestProjectOutsideTheRepository_RestoresFromTheFolderFeedAndPasses()
    {
        var root = Directory.CreateTempSubdirectory("lqx-package-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var package = Pack(Path.Combine(root, "pack1"));
            var again = Pack(Path.Combine(root, "pack2"));
            var packed = clock.Elapsed;
            CollectionAssert.AreEqual(SHA256.HashData(File.ReadAllBytes(package)), SHA256.HashData(File.ReadAllBytes(again)), "pack is not deterministic");
            AssertMetadata(package);

            var guide = File.ReadAllText(Path.Combine(RepoRoot(), "Emulator", "README.md"));
            var consumer = Consumer(Path.Combine(root, "MyPlugins.Tests"), guide, package, "net10.0");
            var consumer8 = Consumer(Path.Combine(root, "MyPlugins.Tests.Net8"), guide, package, "net8.0");
            IsolateFromTheMachine(root);

            // net8.0 is built (this machine has no .NET 8 runtime to run it); net10.0 is built and run.
            Run(consumer8, "build", "-warnaserror");
            var output = Run(consumer, "test", "-warnaserror");

            TestContext.WriteLine(output);
            Assert.MatchesRegex(@"Failed:\s+0, Passed:\s+2,", output);
            TestContext.WriteLine($"pack twice: {packed.TotalSeconds:F1} s; whole test: {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The guide's test project for <paramref name="framework"/> with the package in its folder feed.</summary>
    private static string Consumer(string folder, string guide, string package, string framework)
    {
        Directory.CreateDirectory(Path.Combine(folder, "feed"));
        foreach (var (name, text) in ReadmeFiles(guide))
        {
            File.WriteAllText(Path.Combine(folder, name), text.Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(folder, "RootReadmeSnippet.cs"), RootReadmeSnippet());
        File.Copy(package, Path.Combine(folder, "feed", Path.GetFileName(package)));
        using var zip = ZipFile.OpenRead(package);
        var version = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
            .Root!.Element(Nuspec + "metadata")!.Element(Nuspec + "version")!.Value;
        Assert.Contains($"Include=\"LeadQualifyExtensions.Emulator\" Version=\"{version}\"", File.ReadAllText(Path.Combine(folder, "MyPlugins.Tests.csproj")));
        return folder;
    }

    /// <summary>The files the guide names with a "&lt;!-- file: NAME --&gt;" line right before their code block.</summary>
    internal static IEnumerable<(string Name, string Text)> ReadmeFiles(string markdown)
    {
        var files = FileBlock().Matches(markdown).Select(m => (m.Groups["name"].Value, m.Groups["text"].Value)).ToList();
        CollectionAssert.AreEquivalent(new[] { "nuget.config", "MyPlugins.Tests.csproj", "FirstPluginTest.cs" }, files.Select(f => f.Item1).ToList());
        return files;
    }

    /// <summary>The root README's plug-in test snippet inside a method (compiled, not run: it imports the built zip).</summary>
    internal static string RootReadmeSnippet()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Writing a plug-in test against the emulator", StringComparison.Ordinal)..];
        var code = CodeBlock().Match(section).Groups["text"].Value.Split('\n');
        var usings = code.Where(line => line.StartsWith("using ", StringComparison.Ordinal));
        var body = code.Where(line => !line.StartsWith("using ", StringComparison.Ordinal));
        return string.Join("\n", usings) + "\n\nnamespace MyPlugins.Tests;\n\ninternal static class RootReadmeSnippet\n{\n    public static void Run()\n    {\n"
            + string.Join("\n", body) + "\n    }\n}\n";
    }

    private static void AssertMetadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var metadata = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!.Element(Nuspec + "metadata")!;
        Assert.AreEqual("LeadQualifyExtensions.Emulator", metadata.Element(Nuspec + "id")!.Value);
        Assert.AreEqual("MIT", metadata.Element(Nuspec + "license")!.Value);
        Assert.AreEqual("README.md", metadata.Element(Nuspec + "readme")!.Value);
        Assert.IsGreaterThan(100, metadata.Element(Nuspec + "description")!.Value.Length);
        var dependencies = metadata.Descendants(Nuspec + "dependency").Select(d => d.Attribute("id")!.Value).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "System.ServiceModel.Primitives" }, dependencies);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            foreach (var assembly in new[] { "LeadQualifyExtensions.Emulator", "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "System.Activities" })
            {
                CollectionAssert.Contains(entries, $"lib/{framework}/{assembly}.dll");
            }

            CollectionAssert.Contains(entries, $"lib/{framework}/LeadQualifyExtensions.Emulator.xml");
        }

        CollectionAssert.Contains(entries, "README.md");
    }

    // The built emulator (both target frameworks, this configuration) packed without building again.
    private static string Pack(string output)
    {
        Run(RepoRoot(), "pack", Path.Combine("Emulator", "LeadQualifyExtensions.Emulator.csproj"), "-c", Configuration(), "--no-build", "-o", output);
        return Directory.GetFiles(output, "*.nupkg").Single();
    }

    // The user's global packages folder serves the test framework read-only; the package under test goes to a folder of
    // this run (a cached copy of the same version would hide a changed package).
    private static void IsolateFromTheMachine(string root)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{cache}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
            </Project>
            """);
    }

    private static string Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"dotnet {string.Join(' ', arguments)} in {folder} failed:\n{output}\n{error.Result}");
        return output;
    }

    private static string Configuration() =>
        typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string RepoRoot() =>
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LqxRepoRoot").Value!;

    [GeneratedRegex(@"<!-- file: (?<name>[^ ]+) -->\s*```\w*\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"```csharp\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
