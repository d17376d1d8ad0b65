using System;
using System.IO;
using System.Threading.Tasks;
using LeadQualifyExtensions.Cli;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Testing;
using Spectre.Console;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>The repository's packed solution and the two command lines, run in-process.</summary>
internal static class TestHost
{
    public static string RepoRoot => BuiltSolution.RepoRoot(typeof(TestHost).Assembly);

    /// <summary>The unmanaged zip as the build packs it.</summary>
    public static byte[] SolutionZip => ShippedSolution.Zip;

    public static PackResult Packed => ShippedSolution.Result;

    /// <summary>Runs lqx; returns its exit code and everything it wrote.</summary>
    public static (int Code, string Output) Lqx(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var code = LqxApp.Run(args, console);
        return (code, writer.ToString());
    }

    /// <summary>Runs the packer's command line (the one the build runs); returns its exit code and standard error.</summary>
    public static async Task<(int Code, string Error)> Packer(params string[] args)
    {
        var original = Console.Error;
        var originalOut = Console.Out;
        using var error = new StringWriter();
        using var output = new StringWriter();
        Console.SetError(error);
        Console.SetOut(output);
        try
        {
            var code = await PackagingCommand.RunAsync(args);
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(original);
            Console.SetOut(originalOut);
        }
    }

    /// <summary>A fresh empty folder under the temp folder.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lqx-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
