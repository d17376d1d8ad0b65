using System;
using System.Linq;
using LeadQualifyExtensions.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli;

/// <summary>The lqx command line: run, demo, pack, verify, bench.</summary>
public static class LqxApp
{
    /// <summary>Exit code for an unexpected error or bad usage.</summary>
    public const int ExitError = 1;

    /// <summary>Runs lqx with <paramref name="args"/>; no colours or ANSI codes when output is redirected.</summary>
    public static int Run(string[] args, bool outputRedirected)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = outputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = outputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = outputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (outputRedirected)
        {
            // Files and CI logs are read wider than a terminal; 80 columns would wrap every table.
            console.Profile.Width = 160;
        }

        return Run(args, console);
    }

    /// <summary>Runs lqx writing to <paramref name="console"/>.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("lqx");
            config.ConfigureConsole(console);
            config.SetExceptionHandler((exception, _) =>
            {
                if (verbose)
                {
                    console.WriteException(exception);
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]error:[/] {Describe(exception)}");
                }

                return ExitError;
            });
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run scenario files (JSON, see SCENARIOS.md) against the emulator with the packed solution imported.")
                .WithExample("run", "scenarios/");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Tell the lead qualification story on the embedded emulator.");
            config.AddCommand<PackCommand>("pack")
                .WithDescription("Pack the solution zips from the built assemblies.");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Verify solution zips.");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure the emulator and the plug-ins' overhead.");
        });
        return app.Run(args);
    }

    private static string Describe(Exception exception) =>
        exception is CommandAppException or CommandParseException or CommandRuntimeException
            ? exception.Message
            : Scenarios.ScenarioRunner.Message(exception);
}
