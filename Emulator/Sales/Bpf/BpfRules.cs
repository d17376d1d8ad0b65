using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Sales.Bpf;

/// <summary>
/// Business process flow behaviour around the instance tables: instance creation for new records, the stage-move
/// rules checked on Create/Update of an instance, and which instance is the active one (lead-semantics §5.4, §5.5).
/// </summary>
internal static class BpfRules
{
    /// <summary>activestageid.</summary>
    public const string ActiveStage = "activestageid";

    /// <summary>traversedpath.</summary>
    public const string TraversedPath = "traversedpath";

    /// <summary>processid.</summary>
    public const string Process = "processid";

    /// <summary>
    /// Hook after the core operation of a lead Create: applies the lead's BPF unless the caller passed
    /// processid = Guid.Empty ([BPF-CODE]). The instance is created as a nested Create, so its own steps fire
    /// (UNCONFIRMED (U13)).
    /// </summary>
    /// <param name="context">The request context.</param>
    /// <param name="target">The Create target as the caller sent it (after pre-operation steps).</param>
    /// <param name="recordId">The id of the created record.</param>
    public static void AfterCreate(ISalesContext context, Entity target, Guid recordId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        BpfDefinition? definition;
        if (target.Contains(Process) && target[Process] is { } requested)
        {
            var processId = requested switch
            {
                Guid id => id,
                EntityReference reference => reference.Id,
                _ => throw SalesFaults.InvalidParameter(Process, "expected a Guid."),
            };
            if (processId == Guid.Empty)
            {
                return;
            }

            definition = BpfCatalog.Find(processId);
            if (definition is null || definition.PrimaryEntity != target.LogicalName)
            {
                throw SalesFaults.InvalidParameter(Process, SalesFaults.Format(
                    "{0} is not a business process flow that starts on '{1}'.", processId, target.LogicalName));
            }
        }
        else
        {
            definition = DefaultFor(context, target.LogicalName);
            if (definition is not null && !context.MayCreate(definition.InstanceTable))
            {
                return;
            }
        }

        if (definition is null || !IsActivated(context, definition))
        {
            return;
        }

        var stage = definition.FirstStageOn(target.LogicalName)!;
        context.Execute(new CreateRequest { Target = NewInstance(definition, target.LogicalName, recordId, stage) });
    }

    /// <summary>
    /// Core-operation hook for Create of a BPF instance row: fills name, active stage and traversed path and checks the
    /// stage is on the path and bound to a record.
    /// </summary>
    public static void BeforeInstanceCreate(Entity target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var definition = BpfCatalog.ForInstanceTable(target.LogicalName);
        if (definition is null)
        {
            return;
        }

        if (target.GetAttributeValue<EntityReference>(Process) is { } process && process.Id != definition.ProcessId)
        {
            throw SalesFaults.InvalidParameter(Process, SalesFaults.Format(
                "rows of '{0}' are instances of '{1}' ({2}), not of process {3}.", target.LogicalName, definition.Name, definition.ProcessId, process.Id));
        }

        target[Process] = definition.ProcessReference();

        if (!target.Contains("name") || target["name"] is null)
        {
            target["name"] = definition.Name;
        }

        var stageId = target.GetAttributeValue<EntityReference>(ActiveStage)?.Id ?? definition.Stages[0].Id;
        var index = definition.IndexOf(stageId);
        if (index < 0)
        {
            throw SalesFaults.InvalidStageTransitionTo(stageId.ToString());
        }

        target[ActiveStage] = definition.Stages[index].Reference();
        if (!target.Contains(TraversedPath) || string.IsNullOrEmpty(target[TraversedPath] as string))
        {
            target[TraversedPath] = definition.PathTo(index);
        }

        RequireBinding(definition, definition.Stages[index], target, null);
    }

    /// <summary>
    /// Core-operation hook for Update of a BPF instance row. A new active stage must be the next or the previous stage on
    /// the path (InvalidStageTransition), the instance must be active (InvalidStageTransitionOnInactiveInstance: reactivate
    /// it first, then move) and bound to a record of the stage's table (InvalidCrossEntityOperation), and a traversedpath
    /// sent with it must end with it (ActiveStageIdDoesNotMatchLastStageInTraversedPath). Finished (1/2) only on the last
    /// stage. Fills traversedpath when the caller did not send it, and stamps activestagestartedon / completedon.
    /// Sources: Microsoft's error-code list (the codes) and "Work with business process flows using code" (the moves).
    /// </summary>
    /// <param name="context">The request context (clock).</param>
    /// <param name="current">The stored instance before the change.</param>
    /// <param name="changes">The Update target (or its part); changed in place.</param>
    public static void BeforeInstanceUpdate(ISalesContext context, Entity current, Entity changes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var definition = BpfCatalog.ForInstanceTable(current.LogicalName);
        if (definition is null)
        {
            return;
        }

        if (StateRules.StateOf(changes) == 1 && !changes.Contains("completedon"))
        {
            changes["completedon"] = context.UtcNow;
        }

        var currentStage = current.GetAttributeValue<EntityReference>(ActiveStage)?.Id ?? Guid.Empty;
        var currentIndex = definition.IndexOf(currentStage);
        if (IsFinish(changes) && currentIndex != definition.Stages.Count - 1
            && !(changes.Contains(ActiveStage) && changes[ActiveStage] is EntityReference last && definition.IndexOf(last.Id) == definition.Stages.Count - 1))
        {
            throw SalesFaults.FinishBeforeLastStage(definition.Stages[^1].Name);
        }

        if (!changes.Contains(ActiveStage))
        {
            return;
        }

        if (changes[ActiveStage] is not EntityReference next)
        {
            throw SalesFaults.ActiveStageCleared();
        }

        if (next.Id == currentStage)
        {
            RequireBinding(definition, definition.Stages[currentIndex], changes, current);
            return;
        }

        if ((StateRules.StateOf(current) ?? 0) != 0)
        {
            throw SalesFaults.InactiveInstance();
        }

        var nextIndex = definition.IndexOf(next.Id);
        if (nextIndex < 0 || Math.Abs(nextIndex - currentIndex) != 1)
        {
            throw SalesFaults.InvalidStageTransitionTo(nextIndex < 0 ? next.Id.ToString() : definition.Stages[nextIndex].Name);
        }

        var stage = definition.Stages[nextIndex];
        RequireBinding(definition, stage, changes, current);
        var path = Path(current);
        if (changes.Contains(TraversedPath) && changes[TraversedPath] is string sent && sent.Length > 0)
        {
            var ids = sent.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!Guid.TryParse(ids[^1], out var lastSent) || lastSent != next.Id)
            {
                throw SalesFaults.PathDoesNotEndWithStage(next.Id, sent);
            }
        }
        else if (nextIndex > currentIndex)
        {
            path.Add(next.Id);
            changes[TraversedPath] = Join(path);
        }
        else
        {
            // The step back: the path is cut after the stage moved back to (UNCONFIRMED (U12)).
            var at = path.IndexOf(next.Id);
            if (at >= 0)
            {
                path.RemoveRange(at + 1, path.Count - at - 1);
            }
            else
            {
                path.Add(next.Id);
            }

            changes[TraversedPath] = Join(path);
        }

        changes[ActiveStage] = stage.Reference();
        changes["activestagestartedon"] = context.UtcNow;
    }

    /// <summary>All BPF instances bound to the record, newest first (modifiedon, then versionnumber).</summary>
    public static List<Entity> InstancesFor(ISalesContext context, string entity, Guid id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new List<Entity>();
        foreach (var definition in BpfCatalog.All)
        {
            if (!definition.Bindings.TryGetValue(entity, out var column))
            {
                continue;
            }

            result.AddRange(context.RowsReferencing(definition.InstanceTable, column, id));
        }

        return result
            .OrderByDescending(r => r.GetAttributeValue<DateTime?>("modifiedon") ?? DateTime.MinValue)
            .ThenByDescending(r => r.GetAttributeValue<long?>("versionnumber") ?? 0L)
            .ToList();
    }

    /// <summary>The active instance of the record: the newest one that is still active (statecode 0), or null.</summary>
    public static Entity? ActiveInstance(ISalesContext context, string entity, Guid id)
    {
        foreach (var instance in InstancesFor(context, entity, id))
        {
            if ((StateRules.StateOf(instance) ?? 0) == 0)
            {
                return instance;
            }
        }

        return null;
    }

    /// <summary>
    /// Ends the record's active process the way closing an opportunity does in Dynamics 365 Sales: the instance moves
    /// forward stage by stage (the usual move rules apply) to the last stage and becomes Finished (statecode 1, status 2).
    /// Nothing happens when the record has no active instance. (UNCONFIRMED (U11): the message docs do not say so.)
    /// </summary>
    public static void FinishOnLastStage(ISalesContext context, string entity, Guid id)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ActiveInstance(context, entity, id) is not { } instance || BpfCatalog.ForInstanceTable(instance.LogicalName) is not { } definition)
        {
            return;
        }

        var current = definition.IndexOf(instance.GetAttributeValue<EntityReference>(ActiveStage)?.Id ?? Guid.Empty);
        for (var next = current + 1; next < definition.Stages.Count; next++)
        {
            context.WriteCore(new Entity(instance.LogicalName, instance.Id) { [ActiveStage] = definition.Stages[next].Reference() });
        }

        context.WriteCore(new Entity(instance.LogicalName, instance.Id)
        {
            [SalesNames.StateCode] = new OptionSetValue(1),
            [SalesNames.StatusCode] = new OptionSetValue(2),
        });
    }

    /// <summary>The stage ids of the instance's traversedpath, in order.</summary>
    public static List<Guid> Path(Entity instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var result = new List<Guid>();
        if (instance.Contains(TraversedPath) && instance[TraversedPath] is string text)
        {
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Guid.TryParse(part, out var id))
                {
                    result.Add(id);
                }
            }
        }

        return result;
    }

    /// <summary>A new instance row of <paramref name="definition"/> bound to the record and standing on <paramref name="stage"/>.</summary>
    internal static Entity NewInstance(BpfDefinition definition, string entity, Guid recordId, BpfStage stage)
    {
        return new Entity(definition.InstanceTable)
        {
            [Process] = definition.ProcessReference(),
            ["name"] = definition.Name,
            [definition.Bindings[entity]] = new EntityReference(entity, recordId),
            [ActiveStage] = stage.Reference(),
            [TraversedPath] = definition.PathTo(definition.IndexOf(stage.Id)),
        };
    }

    private static BpfDefinition? DefaultFor(ISalesContext context, string entity)
    {
        // Platform rule: the BPF for that entity with the lowest processorder; the seeded catalog has one per entity.
        foreach (var definition in BpfCatalog.All)
        {
            if (definition.PrimaryEntity == entity && IsActivated(context, definition))
            {
                return definition;
            }
        }

        return null;
    }

    private static bool IsActivated(ISalesContext context, BpfDefinition definition) =>
        context.Find("workflow", definition.ProcessId) is { } row
        && StateRules.StateOf(row) == 1;

    private static void RequireBinding(BpfDefinition definition, BpfStage stage, Entity changes, Entity? current)
    {
        var column = definition.Bindings[stage.Entity];
        var bound = changes.Contains(column) ? changes[column] : current is not null && current.Contains(column) ? current[column] : null;
        if (bound is not EntityReference)
        {
            throw SalesFaults.CrossEntityWithoutTarget();
        }
    }

    /// <summary>True when <paramref name="changes"/> sets the instance to Inactive / Finished (1/2).</summary>
    private static bool IsFinish(Entity changes) =>
        StateRules.StateOf(changes) == 1 && StateRules.OptionValue(changes.Contains(SalesNames.StatusCode) ? changes[SalesNames.StatusCode] : null) == 2;

    private static string Join(List<Guid> path) => string.Join(",", path.Select(id => id.ToString()));
}
