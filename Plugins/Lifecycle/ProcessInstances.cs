using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>The lead's Lead to Opportunity Sales Process instances: how to read them and the pure state changes.</summary>
public static class ProcessInstances
{
    /// <summary>The lead's instances of the Lead to Opportunity Sales Process, with the columns the changes compare.</summary>
    public static IReadOnlyList<Entity> ForLead(IOrganizationService service, Guid leadId)
    {
        var query = new QueryExpression(LeadToOpportunitySalesProcess.EntityName)
        {
            ColumnSet = new ColumnSet(
                LeadToOpportunitySalesProcess.Fields.ActiveStageId,
                LeadToOpportunitySalesProcess.Fields.TraversedPath,
                LeadToOpportunitySalesProcess.Fields.StateCode,
                LeadToOpportunitySalesProcess.Fields.StatusCode),
        };
        query.Criteria.AddCondition(LeadToOpportunitySalesProcess.Fields.LeadId, ConditionOperator.Equal, leadId);
        // Stryker disable once Statement : equivalent: every business process flow has its own table, so this table holds only this process's instances.
        query.Criteria.AddCondition(LeadToOpportunitySalesProcess.Fields.ProcessId, ConditionOperator.Equal, LeadToOpportunitySalesProcess.ProcessId);
        return service.RetrieveMultiple(query).Entities.ToList();
    }

    /// <summary>
    /// The updates, in order, that put an instance back on the Qualify stage, active: first the reactivation (the
    /// platform moves no stage on an inactive instance), then one stage back at a time (it moves only to the next or the
    /// previous stage), each with the traversed path cut after the new stage. Empty when the instance already is there.
    /// Avoids "Active stage is not on 'Lead' entity" after reactivation.
    /// </summary>
    public static IReadOnlyList<Entity> BackToQualify(Entity instance)
    {
        var updates = new List<Entity>();
        var reactivate = new Entity(LeadToOpportunitySalesProcess.EntityName, instance.Id);
        SetState(reactivate, instance, ProcessInstanceState.Active, ProcessInstanceStatus.Active);
        if (reactivate.Attributes.Count > 0)
        {
            updates.Add(reactivate);
        }

        var stages = LeadToOpportunitySalesProcess.Stages.InOrder;
        var current = instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId)?.Id;
        // Stryker disable once Unary : equivalent: no stage (-1) and stage 1 both give the one update onto Qualify.
        var index = current is { } id ? IndexOf(stages, id) : -1;
        if (index > 0)
        {
            for (var back = index - 1; back >= 0; back--)
            {
                updates.Add(StageUpdate(instance.Id, stages, back));
            }
        }
        else if (index < 0)
        {
            updates.Add(StageUpdate(instance.Id, stages, 0));
        }
        else if (!string.Equals(instance.GetAttributeValue<string>(LeadToOpportunitySalesProcess.Fields.TraversedPath), stages[0].ToString("D"), StringComparison.OrdinalIgnoreCase))
        {
            // Already on Qualify with a longer path: only the path is tidied.
            var tidy = new Entity(LeadToOpportunitySalesProcess.EntityName, instance.Id);
            // Stryker disable once String : equivalent: Guid.ToString("") is the "D" format.
            tidy[LeadToOpportunitySalesProcess.Fields.TraversedPath] = stages[0].ToString("D");
            updates.Add(tidy);
        }

        return updates;
    }

    /// <summary>
    /// The update that ends an active instance: Finished when it stands on the last stage, else Aborted, because the
    /// platform finishes a process only on its last stage; null when it is not active.
    /// </summary>
    public static Entity? End(Entity instance)
    {
        if (instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode)?.Value is (int)ProcessInstanceState.Inactive)
        {
            return null;
        }

        var onLastStage = instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId)?.Id == LeadToOpportunitySalesProcess.Stages.Close;
        var update = new Entity(LeadToOpportunitySalesProcess.EntityName, instance.Id);
        SetState(update, instance, ProcessInstanceState.Inactive, onLastStage ? ProcessInstanceStatus.Finished : ProcessInstanceStatus.Aborted);
        return update;
    }

    private static Entity StageUpdate(Guid instanceId, IReadOnlyList<Guid> stages, int index)
    {
        var update = new Entity(LeadToOpportunitySalesProcess.EntityName, instanceId);
        update[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, stages[index]);
        update[LeadToOpportunitySalesProcess.Fields.TraversedPath] = string.Join(",", stages.Take(index + 1).Select(stage => stage.ToString("D")));
        return update;
    }

    private static int IndexOf(IReadOnlyList<Guid> stages, Guid id)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] == id)
            {
                return i;
            }
        }

        // Stryker disable once all : equivalent: an unknown stage (-1) and stage 1 both give the one update onto Qualify.
        return -1;
    }

    private static void SetState(Entity update, Entity instance, ProcessInstanceState state, ProcessInstanceStatus status)
    {
        if (instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode)?.Value != (int)state
            || instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StatusCode)?.Value != (int)status)
        {
            update[LeadToOpportunitySalesProcess.Fields.StateCode] = new OptionSetValue((int)state);
            update[LeadToOpportunitySalesProcess.Fields.StatusCode] = new OptionSetValue((int)status);
        }
    }
}
