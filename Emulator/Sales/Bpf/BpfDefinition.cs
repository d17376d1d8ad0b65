using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales.Bpf;

/// <summary>A stage of a business process flow, in path order.</summary>
/// <param name="Id">processstageid.</param>
/// <param name="Name">stagename.</param>
/// <param name="Entity">primaryentitytypecode: the table the instance is bound to while this stage is active.</param>
/// <param name="Category">stagecategory.</param>
internal sealed record BpfStage(Guid Id, string Name, string Entity, int Category)
{
    /// <summary>The named processstage reference, as activestageid holds it.</summary>
    public EntityReference Reference() => new("processstage", Id) { Name = Name };
}

/// <summary>A business process flow definition (workflow row of category 4 plus its processstage rows).</summary>
internal sealed class BpfDefinition
{
    // traversedpath per stage index, made on first use.
    private string?[]? _paths;

    /// <summary>Creates a definition.</summary>
    public BpfDefinition(
        Guid processId, string name, string uniqueName, string primaryEntity, string instanceTable,
        IReadOnlyDictionary<string, string> bindings, IReadOnlyList<BpfStage> stages)
    {
        ProcessId = processId;
        Name = name;
        UniqueName = uniqueName;
        PrimaryEntity = primaryEntity;
        InstanceTable = instanceTable;
        Bindings = bindings;
        Stages = stages;
    }

    /// <summary>workflowid.</summary>
    public Guid ProcessId { get; }

    /// <summary>Process name; new instances get it as their name.</summary>
    public string Name { get; }

    /// <summary>workflow.uniquename.</summary>
    public string UniqueName { get; }

    /// <summary>The table the process starts on.</summary>
    public string PrimaryEntity { get; }

    /// <summary>The table holding the instances.</summary>
    public string InstanceTable { get; }

    /// <summary>Bound table → lookup column on the instance (lead → leadid, opportunity → opportunityid).</summary>
    public IReadOnlyDictionary<string, string> Bindings { get; }

    /// <summary>Stages in path order (the seeded processes have no branches, so this is the active path).</summary>
    public IReadOnlyList<BpfStage> Stages { get; }

    /// <summary>Position of <paramref name="stageId"/> on the path, or −1.</summary>
    public int IndexOf(Guid stageId)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Id == stageId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The named workflow reference, as instances (processid) and stage rows carry it.</summary>
    public EntityReference ProcessReference() => new("workflow", ProcessId) { Name = Name };

    /// <summary>The traversedpath text of the path up to and including the stage at <paramref name="index"/>.</summary>
    /// <remarks>Made once per stage and shared: every instance on the same stage holds the same text (a race only builds it twice).</remarks>
    public string PathTo(int index)
    {
        var paths = _paths ??= new string?[Stages.Count];
        return paths[index] ??= string.Join(",", Stages.Take(index + 1).Select(s => s.Id.ToString()));
    }

    /// <summary>The first stage on <paramref name="entity"/>, or null.</summary>
    public BpfStage? FirstStageOn(string entity)
    {
        foreach (var stage in Stages)
        {
            if (stage.Entity == entity)
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>The workflow and processstage rows to seed.</summary>
    public IEnumerable<Entity> SeedRows()
    {
        yield return new Entity("workflow", ProcessId)
        {
            ["workflowid"] = ProcessId,
            ["name"] = Name,
            ["uniquename"] = UniqueName,
            ["primaryentity"] = PrimaryEntity,
            ["category"] = new OptionSetValue(4),
            ["type"] = new OptionSetValue(1),
            ["mode"] = new OptionSetValue(0),
            ["processorder"] = 1,
            ["statecode"] = new OptionSetValue(1),
            ["statuscode"] = new OptionSetValue(2),
        };
        foreach (var stage in Stages)
        {
            var row = new Entity("processstage", stage.Id);
            FillStageRow(row, stage);
            yield return row;
        }
    }

    /// <summary>Sets the processstage columns of <paramref name="stage"/> on <paramref name="row"/> (seeding and RetrieveActivePath).</summary>
    internal void FillStageRow(Entity row, BpfStage stage)
    {
        row["processstageid"] = stage.Id;
        row["stagename"] = stage.Name;
        row["stagecategory"] = new OptionSetValue(stage.Category);
        row["primaryentitytypecode"] = stage.Entity;
        row["processid"] = ProcessReference();
    }
}

/// <summary>The business process flows the emulator knows.</summary>
internal static class BpfCatalog
{
    /// <summary>The Lead to Opportunity Sales Process (lead-semantics §5.2; stage entities and categories INFERRED there: UNCONFIRMED (U14)).</summary>
    public static BpfDefinition LeadToOpportunity { get; } = new(
        LeadToOpportunityProcess.ProcessId,
        LeadToOpportunityProcess.Name,
        LeadToOpportunityProcess.UniqueName,
        "lead",
        LeadToOpportunityProcess.InstanceTable,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["lead"] = "leadid", ["opportunity"] = "opportunityid" },
        [
            new BpfStage(LeadToOpportunityProcess.QualifyStageId, "Qualify", "lead", 0),
            new BpfStage(LeadToOpportunityProcess.DevelopStageId, "Develop", "opportunity", 1),
            new BpfStage(LeadToOpportunityProcess.ProposeStageId, "Propose", "opportunity", 2),
            new BpfStage(LeadToOpportunityProcess.CloseStageId, "Close", "opportunity", 3),
        ]);

    /// <summary>Every known definition.</summary>
    public static IReadOnlyList<BpfDefinition> All { get; } = [LeadToOpportunity];

    /// <summary>The definition with <paramref name="processId"/>, or null.</summary>
    public static BpfDefinition? Find(Guid processId)
    {
        foreach (var definition in All)
        {
            if (definition.ProcessId == processId)
            {
                return definition;
            }
        }

        return null;
    }

    /// <summary>The definition whose instances live in <paramref name="table"/>, or null.</summary>
    public static BpfDefinition? ForInstanceTable(string? table)
    {
        foreach (var definition in All)
        {
            if (definition.InstanceTable == table)
            {
                return definition;
            }
        }

        return null;
    }

    /// <summary>Every seed row of every definition (workflow first, then its stages).</summary>
    public static IEnumerable<Entity> SeedRows()
    {
        foreach (var definition in All)
        {
            foreach (var row in definition.SeedRows())
            {
                yield return row;
            }
        }
    }
}
