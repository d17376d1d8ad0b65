using System;
using System.Threading;
using LeadQualifyExtensions.Cli.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx demo: the lead qualification story on the embedded emulator; exit 0 only if every chapter is as told.</summary>
public sealed class DemoCommand : Command<CommonSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public DemoCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DemoStory(_console, settings.SolutionSource()).Tell() ? 0 : 1;
    }
}
