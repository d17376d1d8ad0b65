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
        query.Criteria.AddCondition(LeadToOpportunitySalesProcess.Fields.ProcessId, ConditionOperator.Equal, LeadToOpportunitySalesProcess.ProcessId);
        return service.RetrieveMultiple(query).Entities.ToList();
    }

    /// <summary>
    /// The update that puts an instance back on the Qualify stage, active, with the Qualify stage as its only
    /// traversed stage; null when it already is. Avoids "Active stage is not on 'lead' entity" after reactivation.
    /// </summary>
    public static Entity? BackToQualify(Entity instance)
    {
        var qualify = LeadToOpportunitySalesProcess.Stages.Qualify;
        var path = qualify.ToString("D");
        var update = new Entity(LeadToOpportunitySalesProcess.EntityName, instance.Id);
        if (instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId)?.Id != qualify)
        {
            update[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, qualify);
        }

        if (!string.Equals(instance.GetAttributeValue<string>(LeadToOpportunitySalesProcess.Fields.TraversedPath), path, StringComparison.OrdinalIgnoreCase))
        {
            update[LeadToOpportunitySalesProcess.Fields.TraversedPath] = path;
        }

        SetState(update, instance, ProcessInstanceState.Active, ProcessInstanceStatus.Active);
        return update.Attributes.Count == 0 ? null : update;
    }

    /// <summary>The update that finishes an active instance (Inactive / Finished); null when it is not active.</summary>
    public static Entity? Finish(Entity instance)
    {
        if (instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode)?.Value is (int)ProcessInstanceState.Inactive)
        {
            return null;
        }

        var update = new Entity(LeadToOpportunitySalesProcess.EntityName, instance.Id);
        SetState(update, instance, ProcessInstanceState.Inactive, ProcessInstanceStatus.Finished);
        return update;
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
