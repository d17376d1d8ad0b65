using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>Every row's version number at one moment: what a step created, and whether a failed step wrote anything.</summary>
internal sealed class StoreSnapshot
{
    private readonly Dictionary<(string Table, Guid Id), long> _versions;

    private StoreSnapshot(Dictionary<(string Table, Guid Id), long> versions) => _versions = versions;

    /// <summary>Whether the step's expectations need a before/after comparison (its outcome alone does not say).</summary>
    public static bool IsNeededFor(ScenarioStep step) =>
        !step.Expect.Ok || ((step.Expect.Created is not null || step.Expect.Capture is not null) && step is not (QualifyStep or QualifyManyStep or BatchStep));

    /// <summary>Records every row of every catalogued table.</summary>
    public static StoreSnapshot Take(XrmEmulator emulator)
    {
        var rows = new Dictionary<(string, Guid), long>();
        foreach (var table in MetadataCatalog.Tables)
        {
            foreach (var row in emulator.Store.Rows(table.LogicalName))
            {
                rows[(table.LogicalName, row.Id)] = row.GetAttributeValue<long?>("versionnumber") ?? 0;
            }
        }

        return new StoreSnapshot(rows);
    }

    /// <summary>The rows in <paramref name="after"/> that are not in this snapshot.</summary>
    public List<EntityReference> NewRows(StoreSnapshot after) =>
        after._versions.Keys.Where(k => !_versions.ContainsKey(k)).Select(k => new EntityReference(k.Table, k.Id)).ToList();

    /// <summary>One line per row created, deleted or updated between this snapshot and <paramref name="after"/>.</summary>
    public List<string> Changes(StoreSnapshot after)
    {
        var changes = new List<string>();
        changes.AddRange(after._versions.Keys.Where(k => !_versions.ContainsKey(k)).Select(k => $"{k.Table} {k.Id} created"));
        changes.AddRange(_versions.Keys.Where(k => !after._versions.ContainsKey(k)).Select(k => $"{k.Table} {k.Id} deleted"));
        changes.AddRange(_versions.Where(p => after._versions.TryGetValue(p.Key, out var v) && v != p.Value).Select(p => $"{p.Key.Table} {p.Key.Id} updated"));
        return changes;
    }
}
