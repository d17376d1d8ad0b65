using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx verify ZIP...: the steps each zip registers and the verifier's findings; exit 1 when a zip breaks a rule.</summary>
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
        var workspace = RepoContext.Find(settings.Repo);
        var options = RepoContext.VerifyOptions(workspace);
        var ok = true;
        foreach (var zip in settings.Zips)
        {
            if (!File.Exists(zip))
            {
                throw new PackagingException($"'{zip}' does not exist.");
            }

            var report = SolutionVerifier.Verify(zip, options);
            ok &= report.IsOk;
            WriteSteps(zip, options.Messages);
            if (report.IsOk)
            {
                _console.MarkupLineInterpolated($"[green]OK[/] {zip}");
                continue;
            }

            var table = new Table().Title(Markup.Escape($"{zip}: fails")).AddColumn("Rule").AddColumn("Finding");
            foreach (var finding in report.Findings)
            {
                table.AddRow(Markup.Escape(finding.Rule), Markup.Escape(finding.Message));
            }

            _console.Write(table);
        }

        return ok ? 0 : 1;
    }

    private void WriteSteps(string zip, MessageTable messages)
    {
        IReadOnlyList<PackedStep> steps;
        IReadOnlyList<MissingDependency> dependencies;
        try
        {
            var packed = PackedSolution.Read(PackedSolution.ReadZipFile(zip));
            steps = packed.Steps;
            dependencies = packed.MissingDependencies;
        }
        catch (Exception exception) when (exception is InvalidDataException or PackagingException or System.Xml.XmlException)
        {
            return; // the verifier's findings say what is wrong with the zip
        }

        var table = new Table().Title(Markup.Escape($"{zip}: {steps.Count} step(s)"))
            .AddColumn("Step").AddColumn("Message").AddColumn("Table").AddColumn("Stage").AddColumn("Mode");
        foreach (var step in steps)
        {
            table.AddRow(
                Markup.Escape(step.Name),
                Markup.Escape(messages.NameOf(step.MessageId) ?? step.MessageId.ToString()),
                Markup.Escape(step.PrimaryEntity),
                step.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture),
                step.Mode == 1 ? "async" : "sync");
        }

        _console.Write(table);
        WriteDependencies(zip, dependencies);
    }

    // One row per required component (the zip lists it once per step that needs it): what an organization must have.
    private void WriteDependencies(string zip, IReadOnlyList<MissingDependency> dependencies)
    {
        var required = dependencies.GroupBy(d => d.Required).ToList();
        var table = new Table().Title(Markup.Escape($"{zip}: needs {required.Count} component(s) from other solutions"))
            .AddColumn("Needs").AddColumn("From solution").AddColumn("Needed by");
        foreach (var group in required)
        {
            table.AddRow(
                Markup.Escape(MissingDependency.Describe(group.Key.Type, group.Key.SchemaName, group.Key.Id, group.Key.DisplayName)),
                Markup.Escape(group.Key.Solution ?? string.Empty),
                Markup.Escape(group.Count() == 1 ? group.First().Dependent.DisplayName ?? string.Empty : $"{group.Count()} steps"));
        }

        _console.Write(table);
    }
}
