using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using LeadQualifyExtensions.Packaging.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx pack: packs both zips from the built assemblies, exactly as the build does, and verifies them.</summary>
public sealed class PackCommand : Command<PackCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public PackCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of pack.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>Output folder.</summary>
        [CommandOption("--out <DIR>")]
        [Description("Folder to write the zips to (default artifacts/solution).")]
        public string? Out { get; init; }

        /// <summary>Repository root.</summary>
        [CommandOption("--repo <DIR>")]
        [Description("Repository root (default: found above the current folder).")]
        public string? Repo { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workspace = RepoContext.Find(settings.Repo);
        var result = workspace.Pack();
        var output = settings.Out ?? workspace.OutputFolder;
        var written = result.WriteTo(output);
        var options = RepoContext.VerifyOptions(workspace);
        var table = new Table().AddColumn("Zip").AddColumn("Bytes").AddColumn("Steps").AddColumn("Verification");
        var ok = true;
        foreach (var path in written)
        {
            var report = SolutionVerifier.Verify(path, options);
            ok &= report.IsOk;
            table.AddRow(
                Markup.Escape(path),
                new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(report.IsOk ? "OK" : string.Join("; ", report.Findings.Select(f => f.ToString()))));
        }

        _console.Write(table);
        return ok ? 0 : 1;
    }
}
