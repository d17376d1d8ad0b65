using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli;

/// <summary>The lqx command line: run, demo, pack, verify, bench.</summary>
public static class LqxApp
{
    /// <summary>Exit code for an unexpected error.</summary>
    public const int ExitError = 1;

    /// <summary>Exit code for a command line that does not parse (unknown command, option or argument).</summary>
    public const int ExitUsage = 2;

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
            Configure(config, console);
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandParseException)
                {
                    // A typo must not pass for a run with defaults: say what is wrong and how the line goes.
                    console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                    console.WriteLine(UsageLine(args));
                    return ExitUsage;
                }

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
        });
        return app.Run(args);
    }

    private static void Configure(IConfigurator config, IAnsiConsole console)
    {
        config.SetApplicationName("lqx");
        config.ConfigureConsole(console);
        config.UseStrictParsing();
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
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the emulator with the solution imported as a Dataverse Web API v9.2 (loopback only by default).")
            .WithExample("serve", "--port", "5555");
        config.AddCommand<DeployCommand>("deploy")
            .WithDescription("Deploy the solution to an environment: sign in, preflight checks, import with progress, set the policy.")
            .WithExample("deploy", "--environment", "https://contoso.crm.dynamics.com", "--policy", "policy.json");
        config.AddCommand<StatusCommand>("status")
            .WithDescription("Show what is installed in an environment: version, steps, policy, process flow.")
            .WithExample("status", "--environment", "https://contoso.crm.dynamics.com");
    }

    /// <summary>The USAGE line of the command's help (lqx's own when the command is unknown), as Spectre writes it.</summary>
    private static string UsageLine(string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var app = new CommandApp();
        app.Configure(config => Configure(config, console));
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        app.Run(command is null ? ["--help"] : [command, "--help"]);
        var lines = writer.ToString().Split('\n').Select(l => l.Trim()).ToList();
        var usage = lines.FindIndex(l => l.StartsWith("USAGE:", StringComparison.Ordinal));
        return usage >= 0 && usage + 1 < lines.Count ? "usage: " + lines[usage + 1] : "usage: lqx <command> [OPTIONS]";
    }

    private static string Describe(Exception exception) =>
        exception is CommandAppException or CommandParseException or CommandRuntimeException
            ? exception.Message
            : Scenarios.ScenarioRunner.Message(exception);
}
