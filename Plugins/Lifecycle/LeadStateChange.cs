using System;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>
/// A requested change of a lead's status, read alike from Update (Target with statecode / statuscode) and from
/// SetState / SetStateDynamicEntity (EntityMoniker, State, Status).
/// </summary>
public sealed class LeadStateChange
{
    /// <summary>The status value meaning "the default status reason of the new state".</summary>
    public const int DefaultStatus = -1;

    /// <summary>Creates a change.</summary>
    public LeadStateChange(EntityReference? lead, int? state, int? status)
    {
        Lead = lead;
        State = state;
        Status = status;
    }

    /// <summary>The lead.</summary>
    public EntityReference? Lead { get; }

    /// <summary>The requested statecode, if given.</summary>
    public int? State { get; }

    /// <summary>The requested statuscode, if given (−1 = default of the state).</summary>
    public int? Status { get; }

    /// <summary>The state the lead will be in: the given state, else the state the given status reason belongs to.</summary>
    public LeadState? TargetState => State is { } state ? (LeadState)state : StateOf(Status);

    /// <summary>Reads the change from a message's input parameters; null when the message carries none.</summary>
    public static LeadStateChange? From(string messageName, ParameterCollection input)
    {
        if (string.Equals(messageName, MessageNames.Update, StringComparison.Ordinal))
        {
            if (!input.TryGetValue(ParameterNames.Target, out var target) || target is not Entity entity)
            {
                return null;
            }

            var state = Option(entity.Attributes, Model.Lead.Fields.StateCode);
            var status = Option(entity.Attributes, Model.Lead.Fields.StatusCode);
            return state is null && status is null ? null : new LeadStateChange(LeadOf(entity), state, status);
        }

        if (input.TryGetValue(ParameterNames.EntityMoniker, out var moniker) && moniker is EntityReference reference)
        {
            return new LeadStateChange(reference, Option(input, ParameterNames.State), Option(input, ParameterNames.Status));
        }

        return null;
    }

    /// <summary>The state a lead status reason belongs to, or null for −1, none or an unknown value.</summary>
    public static LeadState? StateOf(int? status) => status switch
    {
        (int)LeadStatusReason.New or (int)LeadStatusReason.Contacted => LeadState.Open,
        (int)LeadStatusReason.Qualified => LeadState.Qualified,
        >= (int)LeadStatusReason.Lost and <= (int)LeadStatusReason.Canceled => LeadState.Disqualified,
        _ => null,
    };

    // An Update may name its record by the primary key column alone (Id left empty), as the platform accepts.
    private static EntityReference LeadOf(Entity target) =>
        target.Id != Guid.Empty || target.GetAttributeValue<Guid?>(Model.Lead.Fields.LeadId) is not { } id
            ? target.ToEntityReference()
            : new EntityReference(target.LogicalName, id);

    private static int? Option(DataCollection<string, object> input, string key) =>
        input.TryGetValue(key, out var value)
            ? value switch
            {
                OptionSetValue option => option.Value,
                int number => number,
                _ => null,
            }
            : null;
}
