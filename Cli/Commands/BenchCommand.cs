using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LeadQualifyExtensions.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx bench: the emulator's speed and what our plug-ins cost per QualifyLead.</summary>
public sealed partial class BenchCommand : Command<BenchCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public BenchCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of bench.</summary>
    public sealed partial class Settings : CommonSettings
    {
        /// <summary>Existing leads per measured size.</summary>
        [CommandOption("--sizes <LIST>")]
        [Description("Existing leads (with process instances) per measured size, comma-separated (default 0,1000,10000,50000).")]
        public string? Sizes { get; init; }

        /// <summary>Timed rounds per size.</summary>
        [CommandOption("--rounds <N>")]
        [Description("Timed rounds per size; both configurations run in each round (default 15).")]
        public int? Rounds { get; init; }

        /// <summary>Calls per configuration and round.</summary>
        [CommandOption("--batch <N>")]
        [Description("QualifyLead calls and queries per configuration and round (default 40).")]
        public int? Batch { get; init; }

        /// <summary>Leads created for the creates-per-second and memory figures.</summary>
        [CommandOption("--leads <N>")]
        [Description("Leads created for creates/s and bytes per lead (default 10000).")]
        public int? Leads { get; init; }

        /// <summary>Where to write the figures as JSON.</summary>
        [CommandOption("--json <FILE>")]
        [Description("Also write the medians as JSON to FILE (keys as in issue 15).")]
        public string? Json { get; init; }

        /// <summary>The budget the options give.</summary>
        public BenchBudget Budget()
        {
            var defaults = BenchBudget.Default;
            var sizes = Sizes is null
                ? defaults.Sizes
                : Sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            return new BenchBudget(sizes, Rounds ?? defaults.Rounds, Batch ?? defaults.Batch, Math.Min(defaults.Warmup, (Batch ?? defaults.Batch) * 2), Leads ?? defaults.MemoryLeads);
        }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Rounds < 1 || Batch < 1 || Leads < 1)
            {
                return ValidationResult.Error("--rounds, --batch and --leads must be at least 1.");
            }

            var sizes = Sizes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            return Sizes is not null && (sizes.Length == 0 || sizes.Any(s => !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                ? ValidationResult.Error("--sizes takes whole numbers of leads, comma-separated (for example 0,1000).")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.StressSeconds is { } seconds)
        {
            return RunStress(settings, seconds);
        }

        var zip = settings.SolutionSource().Zip();
        var report = EmulatorBench.Run(settings.Budget(), zip, step => _console.MarkupLineInterpolated($"[grey]measuring {step}...[/]"));
        var table = new Table().Title("lqx bench (medians)").AddColumn("Measure").AddColumn("Result", c => c.RightAligned());
        table.AddRow("Emulator creation", $"{F(report.EmulatorCreateMilliseconds)} ms");
        table.AddRow("Lead creates (each with its process instance)", $"{report.CreatesPerSecond:N0} /s");
        table.AddRow("Memory per lead with its process instance", $"{report.BytesPerLeadWithProcess:N0} bytes");
        table.AddRow($"QualifyLead without our plug-ins (at {report.Reference.Size:N0} leads)", $"{report.QualifyBarePerSecond:N0} /s");
        table.AddRow($"QualifyLead with our plug-ins (at {report.Reference.Size:N0} leads)", $"{report.QualifyWithPluginsPerSecond:N0} /s");
        table.AddRow("Overhead (time with / without)", $"{F(report.PluginOverheadRatio)}x");
        table.AddRow("Service calls per QualifyLead without / with plug-ins", $"{report.ServiceCallsPerQualifyBare} / {report.ServiceCallsPerQualifyWithPlugins}");
        table.AddRow("Extra service calls made by the plug-ins per QualifyLead", $"{report.ServiceCallsPerQualifyWithPlugins - report.ServiceCallsPerQualifyBare}");
        _console.Write(table);

        var sizes = new Table().Title("Per call by existing leads (ms)").AddColumn("Leads", c => c.RightAligned())
            .AddColumn("QualifyLead bare", c => c.RightAligned()).AddColumn("with plug-ins", c => c.RightAligned())
            .AddColumn("Indexed equality query, write before each", c => c.RightAligned()).AddColumn("Query by lookup column", c => c.RightAligned())
            .AddColumn("Scan (like)", c => c.RightAligned());
        foreach (var size in report.Sizes)
        {
            sizes.AddRow(size.Size.ToString("N0", CultureInfo.InvariantCulture), F3(size.QualifyBareMs), F3(size.QualifyWithPluginsMs), F3(size.EqualityQueryWithWritesMs), F3(size.LookupQueryMs), F3(size.ScanQueryMs));
        }

        _console.Write(sizes);
        if (report.QualifyCostRatio50kTo1k is { } withPlugins)
        {
            _console.MarkupLineInterpolated($"50k/1k cost ratios: QualifyLead with plug-ins {F(withPlugins)}, bare {F(report.QualifyBareCostRatio50kTo1k ?? 0)}, equality with writes {F(report.EqualityQueryCostRatio50kTo1kWithWrites ?? 0)}, lookup column {F(report.LookupQueryCostRatio50kTo1k ?? 0)}");
        }

        if (settings.Json is { } path)
        {
            File.WriteAllText(path, BenchJson.Write(report));
            _console.MarkupLineInterpolated($"Figures written to {path}");
        }

        return 0;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
