using System;
using System.IO;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>The packer's own command line is strict: a typo is an error with exit 2 and the usage line, never ignored.</summary>
[TestClass]
public sealed class PackagerCommandLineTests
{
    [TestMethod]
    [DataRow("verify", "--shcema", "x.xsd", "some.zip")]
    [DataRow("pack", "--ouptut", "folder")]
    [DataRow("generate", "--assmbly", "a.dll")]
    [DataRow("pack", "--schema", "x.xsd")]
    public async Task Packer_UnknownOption_ExitsTwoNamingItWithUsageLine(string command, string option, string value, params string[] rest)
    {
        var (code, error) = await Packer([command, option, value, .. rest]);

        Assert.AreEqual(PackagingCommand.ExitUsage, code, error);
        Assert.Contains($"unknown option '{option}'", error);
        Assert.Contains("Usage: dotnet run --project Solution/Packaging", error);
    }

    [TestMethod]
    public async Task Packer_ArgumentToPack_ExitsTwo()
    {
        var (code, error) = await Packer(["pack", "stray"]);

        Assert.AreEqual(PackagingCommand.ExitUsage, code, error);
        Assert.Contains("unexpected argument 'stray'", error);
    }

    [TestMethod]
    public async Task Packer_OptionWithoutValue_ExitsTwo()
    {
        var (code, error) = await Packer(["pack", "--output"]);

        Assert.AreEqual(PackagingCommand.ExitUsage, code, error);
        Assert.Contains("option '--output' needs a value", error);
    }

    [TestMethod]
    public async Task Packer_UnknownCommand_ExitsTwo()
    {
        var (code, error) = await Packer(["pak"]);

        Assert.AreEqual(PackagingCommand.ExitUsage, code, error);
        Assert.Contains("unknown command 'pak'", error);
    }

    [TestMethod]
    public async Task Packer_VerifyWithKnownOptions_RunsTheCommand()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lqx-packer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var zip = TestInputs.Packed.WriteTo(folder)[0];

            var (code, error) = await Packer(["verify", "--repo", TestInputs.Workspace.RepoRoot, "--schema", TestInputs.SchemaPath, zip]);

            Assert.AreEqual(0, code, error);
            Assert.AreEqual(string.Empty, error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Error)> Packer(string[] args)
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            var code = await PackagingCommand.RunAsync(args);
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
