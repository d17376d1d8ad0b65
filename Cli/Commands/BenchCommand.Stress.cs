using System.ComponentModel;
using System.Globalization;
using LeadQualifyExtensions.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx bench --stress: the concurrency stress run, longer than the one CI runs.</summary>
public sealed partial class BenchCommand
{
    /// <summary>Threads of the stress run.</summary>
    public const int StressThreads = 8;

    private int RunStress(Settings settings, double seconds)
    {
        var report = ConcurrencyStress.Run(new StressBudget(StressThreads, int.MaxValue, seconds), settings.SolutionSource().Zip());
        var table = new Table().Title("lqx bench --stress").AddColumn("Measure").AddColumn("Result", c => c.RightAligned());
        table.AddRow("Threads on one emulator", StressThreads.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Requests (succeeded / faulted)", $"{report.Requests:N0} ({report.Succeeded:N0} / {report.Faulted:N0})");
        table.AddRow("Leads created / qualified", $"{report.LeadsCreated:N0} / {report.Qualified:N0}");
        table.AddRow("Requests per second", report.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Broken invariants", report.Violations.Count.ToString(CultureInfo.InvariantCulture));
        _console.Write(table);
        foreach (var violation in report.Violations)
        {
            _console.MarkupLineInterpolated($"[red]broken:[/] {violation}");
        }

        return report.Violations.Count == 0 ? 0 : 1;
    }

    /// <summary>The stress option of bench.</summary>
    public sealed partial class Settings
    {
        /// <summary>Seconds of the concurrency stress run; when given, bench runs only that.</summary>
        [CommandOption("--stress <SECONDS>")]
        [Description("Run only the concurrency stress test for SECONDS (8 threads on one emulator); exit 1 if an invariant breaks.")]
        public double? StressSeconds { get; init; }
    }
}
