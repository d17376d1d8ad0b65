using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>The pure decisions about disqualifying, reactivating and deleting leads.</summary>
public static class LifecycleRules
{
    /// <summary>True when the change makes the lead Disqualified.</summary>
    public static bool IsDisqualify(LeadStateChange? change) => change?.TargetState == LeadState.Disqualified;

    /// <summary>True when the change makes the lead Qualified.</summary>
    public static bool IsQualify(LeadStateChange? change) => change?.TargetState == LeadState.Qualified;

    /// <summary>
    /// True when the request runs inside QualifyLead (the platform's own state change of the lead being qualified, or a
    /// step's call during it): QualifyLead's steps hold that path to the policy.
    /// </summary>
    public static bool IsInsideQualifyLead(IPluginExecutionContext context)
    {
        for (var parent = context?.ParentContext; parent is not null; parent = parent.ParentContext)
        {
            if (string.Equals(parent.MessageName, MessageNames.QualifyLead, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Refuses qualifying by a state change when the policy always creates a record: a state change creates none, so
    /// only Qualify can honour it.
    /// </summary>
    public static Refusal? CheckQualifyByStateChange(QualificationPolicy policy) =>
        policy.Account == RecordCreationMode.Always || policy.Contact == RecordCreationMode.Always || policy.Opportunity == RecordCreationMode.Always
            ? new Refusal(LifecycleTexts.UseQualify)
            : null;

    /// <summary>The columns an Update sets besides state and status, copied onto <paramref name="lead"/> (what the lead will hold).</summary>
    public static void ApplyChangedValues(Entity? lead, ParameterCollection input)
    {
        if (lead is null || input is null || !input.TryGetValue(ParameterNames.Target, out var value) || value is not Entity target)
        {
            return;
        }

        foreach (var pair in target.Attributes)
        {
            if (pair.Key is not (Lead.Fields.StateCode or Lead.Fields.StatusCode or Lead.Fields.LeadId))
            {
                lead[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>True when the change makes the lead Open.</summary>
    public static bool IsReactivation(LeadStateChange? change) => change?.TargetState == LeadState.Open;

    /// <summary>Refuses a disqualifying status reason outside Lost, Cannot Contact, No Longer Interested and Canceled.</summary>
    public static Refusal? CheckDisqualifyReason(LeadStateChange change) =>
        change.Status is null or LeadStateChange.DefaultStatus || LeadStateChange.StateOf(change.Status) == LeadState.Disqualified
            ? null
            : new Refusal(LifecycleTexts.DisqualifyReasonInvalid);

    /// <summary>
    /// Refuses disqualifying a missing or qualified lead, or — with blockDisqualifyWithOpportunity — one that has
    /// an opportunity. A lead that is already disqualified may change its reason. An opportunity the user cannot
    /// read (<paramref name="opportunityVisible"/> false) still blocks, but is neither named nor described.
    /// </summary>
    public static Refusal? CheckDisqualify(QualificationPolicy policy, Entity? lead, Entity? opportunity, bool opportunityVisible = true)
    {
        if (lead is null)
        {
            return new Refusal(LifecycleTexts.LeadNotFound);
        }

        var state = lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode)?.Value;
        if (state == (int)LeadState.Qualified)
        {
            return new Refusal(LifecycleTexts.DisqualifyClosedLead);
        }

        if (policy.BlockDisqualifyWithOpportunity && state != (int)LeadState.Disqualified && opportunity is not null)
        {
            if (!opportunityVisible)
            {
                return new Refusal(LifecycleTexts.DisqualifyWithHiddenOpportunity);
            }

            // An open opportunity can still be closed as lost; a won or lost one is history the lead stays qualified for.
            var name = opportunity.GetAttributeValue<string>(Opportunity.Fields.Name);
            var open = (opportunity.GetAttributeValue<OptionSetValue>(Opportunity.Fields.StateCode)?.Value ?? 0) == 0;
            return new Refusal(
                open ? LifecycleTexts.DisqualifyWithOpportunity : LifecycleTexts.DisqualifyWithClosedOpportunity,
                string.IsNullOrWhiteSpace(name) ? LifecycleTexts.UnnamedOpportunity : name!.Trim());
        }

        return null;
    }

    /// <summary>Whether the opportunity query is needed: only when the policy blocks and the lead is open.</summary>
    public static bool NeedsOpportunityCheck(QualificationPolicy policy, Entity? lead) =>
        policy.BlockDisqualifyWithOpportunity
        && lead is not null
        && (lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode)?.Value ?? (int)LeadState.Open) == (int)LeadState.Open;

    /// <summary>True when the pre-image shows an open lead: a change between open status reasons, not a reactivation.</summary>
    public static bool WasOpen(Entity? preImage) =>
        preImage?.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode)?.Value == (int)LeadState.Open;

    /// <summary>Refuses a reactivating status reason outside New and Contacted.</summary>
    public static Refusal? CheckReactivationReason(LeadStateChange change) =>
        change.Status is null or LeadStateChange.DefaultStatus || LeadStateChange.StateOf(change.Status) == LeadState.Open
            ? null
            : new Refusal(LifecycleTexts.ReactivationReasonInvalid);

    /// <summary>
    /// Gives a reactivation without a status reason (or with −1) the status reason New, in the message's own
    /// parameters: statuscode on Update's Target, Status on SetState. Returns true when it changed something.
    /// </summary>
    public static bool DefaultReactivationStatus(string messageName, ParameterCollection input)
    {
        var change = LeadStateChange.From(messageName, input);
        if (change is null || change.Status is not (null or LeadStateChange.DefaultStatus))
        {
            return false;
        }

        var status = new OptionSetValue((int)LeadStatusReason.New);
        if (input.TryGetValue(ParameterNames.Target, out var target) && target is Entity entity)
        {
            entity[Lead.Fields.StatusCode] = status;
        }
        else
        {
            input[ParameterNames.Status] = status;
        }

        return true;
    }

    /// <summary>Refuses deleting a qualified or disqualified lead while protectClosedLeads is on.</summary>
    public static Refusal? CheckDelete(QualificationPolicy policy, Entity preImage)
    {
        var state = preImage.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode)?.Value ?? (int)LeadState.Open;
        return policy.ProtectClosedLeads && state != (int)LeadState.Open ? new Refusal(LifecycleTexts.DeleteClosedLead) : null;
    }
}
