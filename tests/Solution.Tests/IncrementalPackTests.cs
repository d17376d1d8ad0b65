using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>
/// The build's pack-and-verify step (Solution/Solution.targets) runs only when something it is made of changed: the
/// inner loop of a developer who rebuilds without touching the plug-ins must not pay for packing twice.
/// </summary>
[TestClass]
public sealed class IncrementalPackTests
{
    private const string SkipLine = "Skipping target \"LqxPackSolution\" because all output files are up-to-date";

    [TestMethod]
    public void PackTarget_SecondRunWithSameInputs_IsSkippedAndKeepsTheZips()
    {
        var output = Path.Combine(Path.GetTempPath(), "lqx-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = RunPackTarget(output);
            var zips = Directory.GetFiles(output, "*.zip");
            var written = Array.ConvertAll(zips, File.GetLastWriteTimeUtc);
            var second = RunPackTarget(output);

            StringAssert.Contains(first, "Packed ", StringComparison.Ordinal);
            Assert.DoesNotContain(SkipLine, first);
            StringAssert.Contains(second, SkipLine, StringComparison.Ordinal);
            Assert.HasCount(2, zips, "the unmanaged and the managed zip");
            CollectionAssert.AreEqual(written, Array.ConvertAll(zips, File.GetLastWriteTimeUtc), "the skipped run left the zips as they were");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Runs only the pack target (its inputs resolved, nothing rebuilt) into <paramref name="output"/>.</summary>
    private static string RunPackTarget(string output)
    {
        var configuration = typeof(IncrementalPackTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = TestInputs.Workspace.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "msbuild", "Solution/Packaging/LeadQualifyExtensions.Packaging.csproj", "-t:LqxPackSolution", "-v:n", "-nodeReuse:false",
            "-p:Configuration=" + configuration, "-p:LqxSolutionOutput=" + output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"msbuild: {text.Result}{error.Result}");
        return text.Result;
    }
}
