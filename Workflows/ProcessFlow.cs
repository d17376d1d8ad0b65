using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Workflows;

/// <summary>A record's active business process flow instance, its path and its position on it.</summary>
internal sealed class ProcessFlow
{
    private static readonly char[] PathSeparator = [','];

    private readonly List<Entity> _path;

    private ProcessFlow(Entity instance, List<Entity> path, int activeIndex)
    {
        Instance = instance;
        _path = path;
        ActiveIndex = activeIndex;
    }

    /// <summary>The instance row with its opportunity, active stage, traversed path and state.</summary>
    public Entity Instance { get; }

    /// <summary>The stages of the active path, in order.</summary>
    public IReadOnlyList<Entity> Path => _path;

    /// <summary>Index of the active stage in <see cref="Path"/>.</summary>
    public int ActiveIndex { get; }

    /// <summary>The active stage.</summary>
    public Entity ActiveStage => Path[ActiveIndex];

    /// <summary>True when the instance has been carried to an opportunity.</summary>
    public bool HasOpportunity => Instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.OpportunityId) is not null;

    /// <summary>
    /// Reads the record's active instance (the newest, as RetrieveProcessInstances orders them) and its path,
    /// or returns null when the record has none.
    /// </summary>
    public static ProcessFlow? Read(IOrganizationService service, EntityReference record)
    {
        var instances = (RetrieveProcessInstancesResponse)service.Execute(new RetrieveProcessInstancesRequest
        {
            EntityId = record.Id,
            EntityLogicalName = record.LogicalName,
        });
        var listed = instances.Processes.Entities.FirstOrDefault();
        if (listed is null)
        {
            return null;
        }

        var instance = service.Retrieve(listed.LogicalName, listed.Id, new ColumnSet(
            LeadToOpportunitySalesProcess.Fields.OpportunityId,
            LeadToOpportunitySalesProcess.Fields.ActiveStageId,
            LeadToOpportunitySalesProcess.Fields.TraversedPath,
            LeadToOpportunitySalesProcess.Fields.StateCode,
            LeadToOpportunitySalesProcess.Fields.StatusCode));
        var path = ((RetrieveActivePathResponse)service.Execute(new RetrieveActivePathRequest { ProcessInstanceId = instance.Id }))
            .ProcessStages.Entities.ToList();
        // Stryker disable once NullCoalescing : equivalent: the listed processstageid is the instance's activestageid (RetrieveProcessInstances reports the active stage).
        var activeStageId = instance.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId)?.Id
            ?? listed.GetAttributeValue<Guid>(LeadToOpportunitySalesProcess.Fields.ProcessStageId);
        var activeIndex = Math.Max(0, path.FindIndex(stage => stage.Id == activeStageId));
        return new ProcessFlow(instance, path, activeIndex);
    }

    /// <summary>The index of the stage called <paramref name="stageName"/>, or -1.</summary>
    public int IndexOf(string stageName) =>
        _path.FindIndex(stage => string.Equals(
            stage.GetAttributeValue<string>(ProcessStage.Fields.StageName)?.Trim(),
            stageName.Trim(),
            StringComparison.OrdinalIgnoreCase));

    /// <summary>The index of the stage with id <paramref name="stageId"/>, or -1.</summary>
    public int IndexOf(Guid stageId) => _path.FindIndex(stage => stage.Id == stageId);

    /// <summary>The name of the stage at <paramref name="index"/>.</summary>
    // Stryker disable once String : equivalent: every process stage has a name (the fallback is never used).
    public string StageName(int index) => Path[index].GetAttributeValue<string>(ProcessStage.Fields.StageName) ?? string.Empty;

    /// <summary>True when the stage at <paramref name="index"/> lies on the opportunity.</summary>
    public bool IsOpportunityStage(int index) =>
        string.Equals(Path[index].GetAttributeValue<string>(ProcessStage.Fields.PrimaryEntityTypeCode), Opportunity.EntityName, StringComparison.Ordinal);

    /// <summary>
    /// Moves the instance to the stage at <paramref name="index"/> one stage at a time (the platform moves a process only
    /// to the next or the previous stage), writing activestageid and traversedpath together as the Sales Hub does:
    /// forward appends the stage, backward cuts the path after it. <paramref name="opportunity"/> goes with the first move.
    /// </summary>
    public void MoveTo(IOrganizationService service, int index, EntityReference? opportunity = null)
    {
        var visited = (Instance.GetAttributeValue<string>(LeadToOpportunitySalesProcess.Fields.TraversedPath) ?? string.Empty)
            .Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(id => id.Trim())
            .ToList();
        // Stryker disable once Equality : equivalent: for index == ActiveIndex no move is made in either direction.
        var step = index > ActiveIndex ? 1 : -1;
        // Stryker disable once Equality : equivalent: step is 1 or -1, never 0.
        for (var at = ActiveIndex + step; step > 0 ? at <= index : at >= index; at += step)
        {
            var stageId = Path[at].Id;
            var position = visited.FindIndex(id => Guid.TryParse(id, out var visitedId) && visitedId == stageId);
            if (position >= 0)
            {
                visited.RemoveRange(position + 1, visited.Count - position - 1);
            }
            else
            {
                visited.Add(stageId.ToString());
            }

            var update = new Entity(Instance.LogicalName, Instance.Id)
            {
                [LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, stageId),
                [LeadToOpportunitySalesProcess.Fields.TraversedPath] = string.Join(",", visited),
            };
            if (opportunity is not null)
            {
                update[LeadToOpportunitySalesProcess.Fields.OpportunityId] = opportunity;
                opportunity = null;
            }

            service.Update(update);
        }
    }

    /// <summary>
    /// Ends the instance: Finished (as the Finish button does) on the last stage, else Aborted, because the platform
    /// finishes a process only on its last stage. Returns the status set.
    /// </summary>
    public ProcessInstanceStatus End(IOrganizationService service)
    {
        var status = ActiveIndex == Path.Count - 1 ? ProcessInstanceStatus.Finished : ProcessInstanceStatus.Aborted;
        service.Update(new Entity(Instance.LogicalName, Instance.Id)
        {
            [LeadToOpportunitySalesProcess.Fields.StateCode] = new OptionSetValue((int)ProcessInstanceState.Inactive),
            [LeadToOpportunitySalesProcess.Fields.StatusCode] = new OptionSetValue((int)status),
        });
        return status;
    }

    /// <summary>
    /// True when the instance is no longer active, finished or aborted: a process someone aborted stays aborted, as the
    /// plug-ins' reactivation and finish rules treat it too.
    /// </summary>
    public bool IsClosed =>
        Instance.GetAttributeValue<OptionSetValue>(LeadToOpportunitySalesProcess.Fields.StateCode)?.Value == (int)ProcessInstanceState.Inactive;
}
