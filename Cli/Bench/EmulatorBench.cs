using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Cli.Bench;

/// <summary>How much a bench run measures.</summary>
/// <param name="Sizes">Existing leads (each with its process instance) before qualifying and querying.</param>
/// <param name="Rounds">Timed rounds per size; the two configurations alternate within each round.</param>
/// <param name="Batch">QualifyLead calls (and queries) per configuration and round.</param>
/// <param name="Warmup">Untimed QualifyLead calls per configuration and size before the first round.</param>
/// <param name="MemoryLeads">Leads created to measure creates per second and bytes per lead.</param>
public sealed record BenchBudget(IReadOnlyList<int> Sizes, int Rounds, int Batch, int Warmup, int MemoryLeads)
{
    /// <summary>The figures the issue asks for: sizes 0, 1k, 10k and 50k, a run well under two minutes.</summary>
    public static BenchBudget Default { get; } = new([0, 1_000, 10_000, 50_000], Rounds: 15, Batch: 40, Warmup: 40, MemoryLeads: 10_000);
}

/// <summary>Medians of one table size.</summary>
/// <param name="Size">Existing leads.</param>
/// <param name="QualifyBareMs">Milliseconds per QualifyLead without our plug-ins.</param>
/// <param name="QualifyWithPluginsMs">Milliseconds per QualifyLead with our plug-ins.</param>
/// <param name="EqualityQueryWithWritesMs">Milliseconds per equality query (companyname and statecode) with a lead update before each.</param>
/// <param name="LookupQueryMs">Milliseconds per query of the process instances by their lead lookup.</param>
/// <param name="ScanQueryMs">Milliseconds per query no index can serve (a like condition): a full scan.</param>
public sealed record SizeFigures(int Size, double QualifyBareMs, double QualifyWithPluginsMs, double EqualityQueryWithWritesMs, double LookupQueryMs, double ScanQueryMs);

/// <summary>What a bench run measured.</summary>
/// <param name="EmulatorCreateMilliseconds">Median time to create an emulator.</param>
/// <param name="CreatesPerSecond">Median lead creates per second (each lead gets its process instance).</param>
/// <param name="BytesPerLeadWithProcess">Managed heap growth per lead with its process instance.</param>
/// <param name="ServiceCallsPerQualifyBare">Dispatch-point calls of one QualifyLead without our plug-ins (nested included).</param>
/// <param name="ServiceCallsPerQualifyWithPlugins">The same with our plug-ins.</param>
/// <param name="Sizes">Figures per table size.</param>
public sealed record BenchReport(
    double EmulatorCreateMilliseconds, double CreatesPerSecond, double BytesPerLeadWithProcess, int ServiceCallsPerQualifyBare,
    int ServiceCallsPerQualifyWithPlugins, IReadOnlyList<SizeFigures> Sizes)
{
    /// <summary>The size the per-second and overhead figures are taken at: 1,000 leads when measured, else the smallest.</summary>
    public SizeFigures Reference => Sizes.FirstOrDefault(s => s.Size == 1_000) ?? Sizes[0];

    /// <summary>QualifyLead per second without our plug-ins, at <see cref="Reference"/>.</summary>
    public double QualifyBarePerSecond => 1000 / Reference.QualifyBareMs;

    /// <summary>QualifyLead per second with our plug-ins, at <see cref="Reference"/>.</summary>
    public double QualifyWithPluginsPerSecond => 1000 / Reference.QualifyWithPluginsMs;

    /// <summary>Time with our plug-ins divided by time without, at <see cref="Reference"/>.</summary>
    public double PluginOverheadRatio => Reference.QualifyWithPluginsMs / Reference.QualifyBareMs;

    /// <summary>Per-call cost at 50k leads over that at 1k, with our plug-ins; null unless both sizes ran.</summary>
    public double? QualifyCostRatio50kTo1k => Ratio(s => s.QualifyWithPluginsMs);

    /// <summary>The same without our plug-ins.</summary>
    public double? QualifyBareCostRatio50kTo1k => Ratio(s => s.QualifyBareMs);

    /// <summary>The same for equality queries with writes in between.</summary>
    public double? EqualityQueryCostRatio50kTo1kWithWrites => Ratio(s => s.EqualityQueryWithWritesMs);

    /// <summary>The same for queries by a lookup column.</summary>
    public double? LookupQueryCostRatio50kTo1k => Ratio(s => s.LookupQueryMs);

    private double? Ratio(Func<SizeFigures, double> figure)
    {
        var small = Sizes.FirstOrDefault(s => s.Size == 1_000);
        var large = Sizes.FirstOrDefault(s => s.Size == 50_000);
        return small is null || large is null ? null : figure(large) / figure(small);
    }
}

/// <summary>
/// The emulator's speed and what our plug-ins cost per QualifyLead. Realistic leads (with an email, so contact matching
/// runs), warmed up before timing, bare and with-plug-ins emulators alternating within every round so drift hits both,
/// medians of batch means (a batch keeps its share of garbage collection), and index-served queries apart from scans.
/// </summary>
public static class EmulatorBench
{
    private const string PolicyWithoutRequiredFields = "{\"requiredFields\":[]}";

    /// <summary>Runs the bench; <paramref name="solutionZip"/> holds our plug-ins.</summary>
    public static BenchReport Run(BenchBudget budget, byte[] solutionZip, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(solutionZip);
        progress ??= _ => { };

        progress("emulator creation");
        var createMs = EmulatorCreation();
        progress("creates and memory");
        var (createsPerSecond, bytesPerLead) = CreatesAndMemory(budget.MemoryLeads);
        var (bareCalls, pluginCalls) = CallsPerQualify(solutionZip);

        var sizes = new List<SizeFigures>();
        foreach (var size in budget.Sizes)
        {
            progress($"{size:N0} leads");
            sizes.Add(MeasureSize(size, budget, solutionZip));
        }

        return new BenchReport(createMs, createsPerSecond, bytesPerLead, bareCalls, pluginCalls, sizes);
    }

    private static double EmulatorCreation()
    {
        for (var i = 0; i < 3; i++)
        {
            _ = new XrmEmulator();
        }

        var samples = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = new XrmEmulator();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Median(samples);
    }

    private static (double PerSecond, double BytesPerLead) CreatesAndMemory(int leads)
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        for (var i = 0; i < 200; i++)
        {
            service.Create(NewLead(-1 - i));
        }

        var batches = Math.Max(1, Math.Min(10, leads));
        var perBatch = Math.Max(1, leads / batches);
        var rates = new List<double>();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var b = 0; b < batches; b++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < perBatch; i++)
            {
                service.Create(NewLead((b * perBatch) + i));
            }

            rates.Add(perBatch / Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-9));
        }

        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(emulator);
        return (Median(rates), (double)bytes / (batches * perBatch));
    }

    private static (int Bare, int WithPlugins) CallsPerQualify(byte[] zip)
    {
        int Count(XrmEmulator emulator)
        {
            var service = emulator.GetOrganizationService();
            var lead = service.Create(NewLead(0));
            emulator.Calls.Reset();
            service.Execute(Qualify(lead));
            return emulator.Calls.Total;
        }

        return (Count(Organization(null)), Count(Organization(zip)));
    }

    private static SizeFigures MeasureSize(int size, BenchBudget budget, byte[] zip)
    {
        var needed = budget.Warmup + (budget.Rounds * budget.Batch);
        var bare = Prepare(Organization(null), size, needed);
        var plugins = Prepare(Organization(zip), size, needed);

        for (var i = 0; i < budget.Warmup; i++)
        {
            bare.QualifyNext();
            plugins.QualifyNext();
        }

        var bareMs = new List<double>();
        var pluginMs = new List<double>();
        for (var round = 0; round < budget.Rounds; round++)
        {
            // Alternate which configuration goes first, so neither always runs on a warmer or colder machine.
            var order = round % 2 == 0 ? new[] { (bare, bareMs), (plugins, pluginMs) } : new[] { (plugins, pluginMs), (bare, bareMs) };
            foreach (var (org, samples) in order)
            {
                samples.Add(Time(budget.Batch, org.QualifyNext));
            }
        }

        // Queries on the bare emulator: its lead table has `size` rows plus the leads made for qualifying.
        var equality = new List<double>();
        var lookup = new List<double>();
        var scan = new List<double>();
        var service = bare.Service;
        var random = new Random(size);
        var leadIds = bare.LeadIds;
        var query = 0;
        for (var round = 0; round < budget.Rounds; round++)
        {
            var elapsed = TimeSpan.Zero;
            for (var i = 0; i < budget.Batch; i++)
            {
                // A write before each query: an index dropped by writes would be rebuilt (or scanned) every time.
                service.Update(new Entity("lead", leadIds[random.Next(leadIds.Count)]) { ["subject"] = "Touched " + i.ToString(CultureInfo.InvariantCulture) });
                var start = Stopwatch.GetTimestamp();
                service.RetrieveMultiple(EqualityQuery(query++));
                elapsed += Stopwatch.GetElapsedTime(start);
            }

            equality.Add(elapsed.TotalMilliseconds / budget.Batch);
            lookup.Add(Time(budget.Batch, () => service.RetrieveMultiple(LookupQuery(leadIds[random.Next(leadIds.Count)]))));
            scan.Add(Time(Math.Max(1, budget.Batch / 10), () => service.RetrieveMultiple(ScanQuery(query++))));
        }

        return new SizeFigures(size, Median(bareMs), Median(pluginMs), Median(equality), Median(lookup), Median(scan));
    }

    private static Prepared Prepare(XrmEmulator emulator, int size, int toQualify)
    {
        var service = emulator.GetOrganizationService();
        var existing = new List<Guid>(size);
        for (var i = 0; i < size; i++)
        {
            existing.Add(service.Create(NewLead(i)));
        }

        var queue = new Queue<Guid>(toQualify);
        for (var i = 0; i < toQualify; i++)
        {
            queue.Enqueue(service.Create(NewLead(size + i)));
        }

        return new Prepared(emulator, service, existing.Count > 0 ? existing : [.. queue], queue);
    }

    private static XrmEmulator Organization(byte[]? zip)
    {
        var emulator = new XrmEmulator();
        if (zip is { Length: > 0 })
        {
            using var stream = new MemoryStream(zip, writable: false);
            emulator.ImportSolution(stream);
            emulator.SetEnvironmentVariable("lqx_LeadQualificationPolicy", PolicyWithoutRequiredFields);
        }

        return emulator;
    }

    /// <summary>A lead as sellers enter them: name, company and email, so qualifying matches accounts and contacts.</summary>
    private static Entity NewLead(int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return new Entity("lead")
        {
            ["subject"] = "Bench " + n,
            ["firstname"] = "Bench",
            ["lastname"] = "Lead " + n,
            ["companyname"] = "Company " + n,
            ["emailaddress1"] = "lead" + n + "@example.com",
        };
    }

    private static QualifyLeadRequest Qualify(Guid lead) => new()
    {
        LeadId = new EntityReference("lead", lead),
        CreateAccount = true,
        CreateContact = true,
        CreateOpportunity = true,
        Status = new OptionSetValue(-1),
    };

    private static QueryExpression EqualityQuery(int number)
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("companyname", ConditionOperator.Equal, "Company " + (number % 1000).ToString(CultureInfo.InvariantCulture));
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        return query;
    }

    private static QueryExpression LookupQuery(Guid lead)
    {
        var query = new QueryExpression("leadtoopportunitysalesprocess") { ColumnSet = new ColumnSet("activestageid") };
        query.Criteria.AddCondition("leadid", ConditionOperator.Equal, lead);
        return query;
    }

    private static QueryExpression ScanQuery(int number)
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("lastname", ConditionOperator.Like, "%" + (number % 1000).ToString(CultureInfo.InvariantCulture) + "x%");
        return query;
    }

    private static double Time(int count, Action action)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / count;
    }

    private static double Median(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        samples.Sort();
        var middle = samples.Count / 2;
        return samples.Count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
    }

    private sealed class Prepared(XrmEmulator emulator, IOrganizationService service, List<Guid> leadIds, Queue<Guid> toQualify)
    {
        public XrmEmulator Emulator { get; } = emulator;

        public IOrganizationService Service { get; } = service;

        public List<Guid> LeadIds { get; } = leadIds;

        public void QualifyNext() => Service.Execute(Qualify(toQualify.Dequeue()));
    }
}
