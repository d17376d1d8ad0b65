using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LeadQualifyExtensions.Emulator;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx bench: the emulator's speed and what our plug-ins cost per QualifyLead.</summary>
public sealed partial class BenchCommand : Command<BenchCommand.Settings>
{
    private const string PolicyWithoutRequiredFields = "{\"requiredFields\":[]}";

    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public BenchCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of bench.</summary>
    public sealed partial class Settings : CommonSettings
    {
        /// <summary>Leads to create and query over.</summary>
        [CommandOption("--leads <N>")]
        [Description("Leads created and queried over (default 100000).")]
        [DefaultValue(100_000)]
        public int Leads { get; init; } = 100_000;

        /// <summary>Leads qualified with and without the plug-ins.</summary>
        [CommandOption("--qualify <N>")]
        [Description("Leads qualified with and without the plug-ins (default 500).")]
        [DefaultValue(500)]
        public int Qualify { get; init; } = 500;

        /// <summary>Filtered queries to run.</summary>
        [CommandOption("--queries <N>")]
        [Description("Filtered queries run over the leads (default 50).")]
        [DefaultValue(50)]
        public int Queries { get; init; } = 50;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Leads < 1 || Qualify < 1 || Queries < 1 ? ValidationResult.Error("--leads, --qualify and --queries must be at least 1.") : ValidationResult.Success();
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
        var table = new Table().Title("lqx bench").AddColumn("Measure").AddColumn("Result", c => c.RightAligned());

        const int emulators = 20;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < emulators; i++)
        {
            _ = new XrmEmulator();
        }

        table.AddRow("Emulator creation", $"{Ms(clock.Elapsed / emulators)} ms");

        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        for (var i = 0; i < settings.Leads; i++)
        {
            service.Create(new Entity("lead")
            {
                ["subject"] = "Bench",
                ["lastname"] = "Lead " + i.ToString(CultureInfo.InvariantCulture),
                ["companyname"] = "Company " + (i % 1000).ToString(CultureInfo.InvariantCulture),
            });
        }

        table.AddRow("Creates", $"{PerSecond(settings.Leads, clock.Elapsed)} /s");

        // Each lead also gets its Lead to Opportunity process instance, as on the platform.
        var megabytes = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / (1024.0 * 1024.0);
        table.AddRow($"Memory for {settings.Leads:N0} leads (with their process instances)", $"{megabytes.ToString("0.0", CultureInfo.InvariantCulture)} MB");

        clock.Restart();
        var found = 0;
        for (var i = 0; i < settings.Queries; i++)
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
            query.Criteria.AddCondition("companyname", ConditionOperator.Equal, "Company " + (i % 1000).ToString(CultureInfo.InvariantCulture));
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            found += service.RetrieveMultiple(query).Entities.Count;
        }

        table.AddRow($"Filtered queries over {settings.Leads:N0} leads", $"{PerSecond(settings.Queries, clock.Elapsed)} /s");

        var (bare, bareCalls, _) = QualifyRate(null, settings.Qualify);
        var (withPlugins, pluginCalls, steps) = QualifyRate(zip, settings.Qualify);
        table.AddRow("QualifyLead without our plug-ins", $"{bare:N0} /s");
        table.AddRow("QualifyLead with our plug-ins", $"{withPlugins:N0} /s");
        table.AddRow("Overhead (time with / without)", $"{(withPlugins > 0 ? bare / withPlugins : 0):0.00}x");
        table.AddRow("Service calls per QualifyLead without / with plug-ins", $"{bareCalls:0.0} / {pluginCalls:0.0}");
        table.AddRow("Extra service calls made by the plug-ins per QualifyLead", $"{pluginCalls - bareCalls:0.0}");
        table.AddRow($"Service calls per plug-in execution ({steps} steps on QualifyLead)", steps > 0 ? $"{(pluginCalls - bareCalls) / steps:0.0}" : "-");
        _console.Write(table);
        return found >= 0 ? 0 : 1;
    }

    private static (double PerSecond, double CallsPerQualify, int QualifySteps) QualifyRate(byte[]? zip, int count)
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var qualifySteps = 0;
        if (zip is { Length: > 0 })
        {
            using var stream = new MemoryStream(zip, writable: false);
            qualifySteps = emulator.ImportSolution(stream).Steps.Count(s => s.Step.Message == "QualifyLead");
            emulator.SetEnvironmentVariable("lqx_LeadQualificationPolicy", PolicyWithoutRequiredFields);
        }

        var leads = Enumerable.Range(0, count).Select(i => service.Create(new Entity("lead")
        {
            ["subject"] = "Bench",
            ["firstname"] = "Bench",
            ["lastname"] = "Lead " + i.ToString(CultureInfo.InvariantCulture),
            ["companyname"] = "Bench Company " + i.ToString(CultureInfo.InvariantCulture),
        })).ToList();
        emulator.Calls.Reset();
        var clock = Stopwatch.StartNew();
        foreach (var lead in leads)
        {
            service.Execute(new QualifyLeadRequest
            {
                LeadId = new EntityReference("lead", lead),
                CreateAccount = true,
                CreateContact = true,
                CreateOpportunity = true,
                Status = new OptionSetValue(-1),
            });
        }

        clock.Stop();
        return (count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), (double)emulator.Calls.Total / count, qualifySteps);
    }

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string PerSecond(int count, TimeSpan elapsed) =>
        (count / Math.Max(elapsed.TotalSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture);
}
