using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx verify ZIP...: the verifier's findings; exit 1 when a zip breaks a rule (an incomplete package only reports what it lacks).</summary>
public sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public VerifyCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of verify.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>The zips.</summary>
        [CommandArgument(0, "<ZIP>")]
        [Description("Solution zips to verify.")]
        public string[] Zips { get; init; } = [];

        /// <summary>Repository root.</summary>
        [CommandOption("--repo <DIR>")]
        [Description("Repository root (its message table, source ids and reference assemblies; default: found above the current folder).")]
        public string? Repo { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = RepoContext.VerifyOptions(RepoContext.Find(settings.Repo));
        var ok = true;
        foreach (var zip in settings.Zips)
        {
            if (!File.Exists(zip))
            {
                throw new PackagingException($"'{zip}' does not exist.");
            }

            var report = SolutionVerifier.Verify(zip, options);
            ok &= report.Passes;
            if (report.IsOk)
            {
                _console.MarkupLineInterpolated($"[green]OK[/] {zip}");
                continue;
            }

            var verdict = report.Passes ? "passes, incomplete" : "fails";
            var table = new Table().Title(Markup.Escape($"{zip}: {verdict}")).AddColumn("Rule").AddColumn("Finding");
            foreach (var finding in report.Findings)
            {
                table.AddRow(Markup.Escape(finding.Rule), Markup.Escape(finding.Message));
            }

            _console.Write(table);
        }

        return ok ? 0 : 1;
    }
}
