using System.ComponentModel;
using System.Threading;
using LeadQualifyExtensions.Cli.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx run FILE...: the scenario runner.</summary>
public sealed class RunCommand : Command<RunCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public RunCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of run.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>Scenario files or folders of them.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario files, or folders whose *.json files are scenarios.")]
        public string[] Files { get; init; } = [];
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Plain lines, never wrapped: one line per failing step is the contract.
        var writer = _console.Profile.Out.Writer;
        var code = new ScenarioRunner(settings.SolutionSource()).Run(settings.Files, writer);
        writer.Flush();
        return code;
    }
}
