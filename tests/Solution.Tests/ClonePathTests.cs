using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>
/// Whether a project is a test project follows the repository's own layout (tests/Directory.Build.props), never the
/// absolute path: a clone under some /tests/ folder must still build the shipped assemblies as libraries.
/// </summary>
[TestClass]
public sealed class ClonePathTests
{
    // What MSBuild reads to evaluate the projects: the root build files, the solution manifest (the version) and the
    // project files themselves. Evaluating is enough to see OutputType; a full build of the clone would cost minutes.
    private static readonly string[] BuildFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
        "Solution/src/Other/Solution.xml", "Solution/Solution.targets", "tests/Directory.Build.props",
        "Plugins/LeadQualifyExtensions.Plugins.csproj", "Workflows/LeadQualifyExtensions.Workflows.csproj",
        "tests/Solution.Tests/Solution.Tests.csproj",
    ];

    [TestMethod]
    public void BuiltAssemblies_ShippedDlls_AreLibrariesWithoutEntryPoint()
    {
        foreach (var assembly in TestInputs.Assemblies)
        {
            using var reader = new PEReader(new MemoryStream(assembly.Bytes));
            var headers = reader.PEHeaders;
            Assert.IsTrue(headers.IsDll, $"{assembly.Info.SimpleName} is not a DLL");
            Assert.AreEqual(0, headers.CorHeader!.EntryPointTokenOrRelativeVirtualAddress, $"{assembly.Info.SimpleName} has an entry point");
        }
    }

    [TestMethod]
    public void Clone_UnderTestsFolder_ShippedProjectsStayLibrariesAndTestsStayTests()
    {
        var root = Path.Combine(Path.GetTempPath(), "lqx-clone-" + Guid.NewGuid().ToString("N"), "tests", "checkout");
        try
        {
            foreach (var file in BuildFiles)
            {
                var target = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(TestInputs.Workspace.RepoRoot, file), target);
            }

            Assert.AreEqual("Library|", Evaluate(root, "Plugins/LeadQualifyExtensions.Plugins.csproj"));
            Assert.AreEqual("Library|", Evaluate(root, "Workflows/LeadQualifyExtensions.Workflows.csproj"));
            Assert.AreEqual("Exe|true", Evaluate(root, "tests/Solution.Tests/Solution.Tests.csproj"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(root))!, recursive: true);
        }
    }

    /// <summary>"OutputType|IsTestProject" of the project as MSBuild evaluates it in the clone.</summary>
    private static string Evaluate(string root, string project)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", project, "-getProperty:OutputType", "-getProperty:IsTestProject", "-p:Configuration=Release" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"msbuild {project}: {output.Result}{error.Result}");
        using var json = System.Text.Json.JsonDocument.Parse(output.Result);
        var properties = json.RootElement.GetProperty("Properties");
        return string.Join('|', new[] { "OutputType", "IsTestProject" }.Select(name => properties.GetProperty(name).GetString()));
    }
}
