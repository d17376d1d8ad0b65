using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.ServiceModel;
using System.Threading;
using LeadQualifyExtensions.Emulator;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Cli.Bench;

/// <summary>How much a stress run does: threads, requests per thread, and a time limit that ends it early.</summary>
/// <param name="Threads">Threads sharing one emulator.</param>
/// <param name="RequestsPerThread">Requests each thread makes (at most).</param>
/// <param name="Seconds">Wall-clock limit; threads stop at the next request after it.</param>
public sealed record StressBudget(int Threads, int RequestsPerThread, double Seconds);

/// <summary>What a stress run did and which invariants it found broken (none when the emulator held).</summary>
/// <param name="Requests">Requests made.</param>
/// <param name="Succeeded">Requests that succeeded.</param>
/// <param name="Faulted">Requests that failed (refusals are part of the workload).</param>
/// <param name="LeadsCreated">Leads created successfully during the run.</param>
/// <param name="Qualified">Successful QualifyLead calls.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Violations">Broken invariants; empty when the emulator held.</param>
/// <param name="FaultMessages">How often each fault message occurred.</param>
public sealed record StressReport(
    int Requests, int Succeeded, int Faulted, int LeadsCreated, int Qualified, TimeSpan Elapsed, IReadOnlyList<string> Violations,
    IReadOnlyDictionary<string, int> FaultMessages)
{
    /// <summary>Requests per second over all threads.</summary>
    public double PerSecond => Requests / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Many threads on one emulator (with our solution imported when given): creates (some refused), updates, reads,
/// queries and QualifyLead on a shared pool of leads, so threads race for the same leads. Afterwards it checks what a
/// store must never lose: rows match the successful creates, no null rows, every opportunity has a qualified lead and
/// each lead at most one opportunity, versions only grow, no transaction left open, every failure a platform fault.
/// </summary>
public static class ConcurrencyStress
{
    private const int PoolSize = 40;

    /// <summary>Runs the workload within <paramref name="budget"/>; <paramref name="solutionZip"/> may be empty (bare emulator).</summary>
    public static StressReport Run(StressBudget budget, byte[] solutionZip)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(solutionZip);
        var emulator = new XrmEmulator();
        var admin = emulator.GetOrganizationService();
        if (solutionZip.Length > 0)
        {
            using var stream = new MemoryStream(solutionZip, writable: false);
            emulator.ImportSolution(stream);
            // The shipped policy requires fields the stress leads do not have; the run is about concurrency, not the policy.
            emulator.SetEnvironmentVariable("lqx_LeadQualificationPolicy", "{\"requiredFields\":[]}");
        }

        var pool = Enumerable.Range(0, PoolSize).Select(i => admin.Create(NewLead("Pool " + i.ToString(CultureInfo.InvariantCulture)))).ToArray();
        var leadsBefore = emulator.All("lead").Count;
        var violations = new ConcurrentQueue<string>();
        var totals = new Totals();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(budget.Seconds);
        var threads = Enumerable.Range(0, budget.Threads).Select(index => new Thread(() =>
        {
            var worker = new Worker(emulator.GetOrganizationService(), pool, new Random(index), violations, totals);
            for (var i = 0; i < budget.RequestsPerThread && clock.Elapsed < deadline; i++)
            {
                worker.Next();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        clock.Stop();

        CheckStore(emulator, leadsBefore + totals.LeadsCreated, totals.Qualified, violations);
        return new StressReport(
            totals.Succeeded + totals.Faulted, totals.Succeeded, totals.Faulted, totals.LeadsCreated, totals.Qualified, clock.Elapsed, violations.ToArray(),
            new Dictionary<string, int>(totals.FaultMessages, StringComparer.Ordinal));
    }

    private static Entity NewLead(string name) => new("lead")
    {
        ["subject"] = "Stress",
        ["firstname"] = "Stress",
        ["lastname"] = name,
        ["companyname"] = name + " Ltd",
    };

    private static void CheckStore(XrmEmulator emulator, int expectedLeads, int expectedOpportunities, ConcurrentQueue<string> violations)
    {
        var leads = emulator.All("lead");
        var opportunities = emulator.All("opportunity");
        if (leads.Count != expectedLeads)
        {
            violations.Enqueue($"{leads.Count} leads stored, {expectedLeads} created successfully.");
        }

        if (opportunities.Count != expectedOpportunities)
        {
            violations.Enqueue($"{opportunities.Count} opportunities stored, {expectedOpportunities} QualifyLead calls succeeded.");
        }

        foreach (var table in new[] { "lead", "opportunity", "account", "contact", "leadtoopportunitysalesprocess" })
        {
            if (emulator.All(table).Any(row => row is null || row.Id == Guid.Empty || row.LogicalName != table))
            {
                violations.Enqueue($"A null or broken row in {table}.");
            }
        }

        var leadsById = leads.ToDictionary(l => l.Id);
        foreach (var group in opportunities.GroupBy(o => o.GetAttributeValue<EntityReference>("originatingleadid")?.Id ?? Guid.Empty))
        {
            if (!leadsById.TryGetValue(group.Key, out var lead) || lead.GetAttributeValue<OptionSetValue>("statecode")?.Value != 1)
            {
                violations.Enqueue($"An opportunity whose originating lead {group.Key} is not a qualified lead.");
            }

            if (group.Count() > 1)
            {
                violations.Enqueue($"Lead {group.Key} was qualified into {group.Count()} opportunities.");
            }
        }

        var versions = leads.Concat(opportunities).Select(r => r.GetAttributeValue<long>("versionnumber")).ToList();
        if (versions.Distinct().Count() != versions.Count)
        {
            violations.Enqueue("Two rows share a version number.");
        }

        if (emulator.Store.Depth != 0)
        {
            violations.Enqueue($"{emulator.Store.Depth} transaction scope(s) left open.");
        }
    }

    private sealed class Totals
    {
        private int _succeeded;
        private int _faulted;
        private int _leadsCreated;
        private int _qualified;

        public int Succeeded => _succeeded;

        public int Faulted => _faulted;

        public int LeadsCreated => _leadsCreated;

        public int Qualified => _qualified;

        public void Success() => Interlocked.Increment(ref _succeeded);

        public ConcurrentDictionary<string, int> FaultMessages { get; } = new(StringComparer.Ordinal);

        public void Fault(string message)
        {
            Interlocked.Increment(ref _faulted);
            FaultMessages.AddOrUpdate(message, 1, (_, count) => count + 1);
        }

        public void LeadCreated() => Interlocked.Increment(ref _leadsCreated);

        public void LeadQualified() => Interlocked.Increment(ref _qualified);
    }

    /// <summary>One thread's requests; versions it reads of a lead must never go down.</summary>
    private sealed class Worker(IOrganizationService service, Guid[] pool, Random random, ConcurrentQueue<string> violations, Totals totals)
    {
        private readonly Dictionary<Guid, long> _versions = [];

        public void Next()
        {
            var lead = pool[random.Next(pool.Length)];
            try
            {
                switch (random.Next(6))
                {
                    case 0:
                        service.Create(NewLead("New " + random.Next().ToString(CultureInfo.InvariantCulture)));
                        totals.LeadCreated();
                        break;
                    case 1:
                        // Too long for subject (300): refused, and nothing of it may stay.
                        service.Create(new Entity("lead") { ["subject"] = new string('x', 301), ["lastname"] = "Refused" });
                        violations.Enqueue("A create with a too-long subject succeeded.");
                        break;
                    case 2:
                        service.Update(new Entity("lead", lead) { ["description"] = "Touched " + random.Next().ToString(CultureInfo.InvariantCulture) });
                        break;
                    case 3:
                        var created = (EntityReferenceCollection)service.Execute(new QualifyLeadRequest
                        {
                            LeadId = new EntityReference("lead", lead),
                            CreateAccount = true,
                            CreateContact = false,
                            CreateOpportunity = true,
                            Status = new OptionSetValue(-1),
                        }).Results["CreatedEntities"];
                        if (created.Count(r => r.LogicalName == "opportunity") != 1)
                        {
                            violations.Enqueue("A successful QualifyLead did not report exactly one opportunity.");
                        }

                        totals.LeadQualified();
                        break;
                    case 4:
                        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("statecode"), TopCount = 20 };
                        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
                        _ = service.RetrieveMultiple(query);
                        break;
                    default:
                        CheckVersion(lead, service.Retrieve("lead", lead, new ColumnSet("versionnumber")).GetAttributeValue<long>("versionnumber"));
                        break;
                }

                totals.Success();
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                totals.Fault(fault.Detail.Message ?? string.Empty);
            }
#pragma warning disable CA1031 // Anything but a platform fault is exactly what the run looks for.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                totals.Fault(exception.Message);
                violations.Enqueue($"Not a platform fault: {exception.GetType().Name}: {exception.Message}");
            }
        }

        private void CheckVersion(Guid lead, long version)
        {
            if (_versions.TryGetValue(lead, out var seen) && version < seen)
            {
                violations.Enqueue($"Lead {lead} went back from version {seen} to {version}.");
            }

            _versions[lead] = version;
        }
    }
}
