using System;
using System.Globalization;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>
/// Refuses disqualifying a lead that has an opportunity, a lead that is already qualified, or with a status
/// reason that is not a disqualify reason. Pre-validation, the cheapest place to cancel, on every message that
/// can disqualify: Update (as the Sales Hub sends it), SetStateDynamicEntity (what a SetStateRequest raises) and
/// SetState (kept for callers that raise it; one request never raises both).
/// </summary>
[PluginStep(MessageNames.Update, Lead.EntityName, Stage.PreValidation,
    FilteringAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.StatusCode },
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.QualifyingOpportunityId },
    Description = "Refuses disqualifying a lead with an opportunity or with a non-disqualify status reason.")]
[PluginStep(MessageNames.SetState, Lead.EntityName, Stage.PreValidation,
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.QualifyingOpportunityId },
    Description = "Refuses disqualifying a lead with an opportunity or with a non-disqualify status reason.")]
[PluginStep(MessageNames.SetStateDynamicEntity, Lead.EntityName, Stage.PreValidation,
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.QualifyingOpportunityId },
    Description = "Refuses disqualifying a lead with an opportunity or with a non-disqualify status reason.")]
public sealed class DisqualifyGuard : PluginBase
{
    /// <summary>
    /// Alias of the pre-image on every step (a SetStateRequest raises only the SetStateDynamicEntity step, so it carries
    /// the image too); without an image the lead is read.
    /// </summary>
    public const string PreImageAlias = "PreImage";

    // The principal asked about is a user; ReadAccess is the SDK's AccessRights.ReadAccess flag.
    private const string SystemUser = "systemuser";
    private const int ReadAccess = 1;

    /// <summary>Creates the plug-in as the platform does.</summary>
    public DisqualifyGuard(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public DisqualifyGuard()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var change = LeadStateChange.From(context.Execution.MessageName, context.Execution.InputParameters);
        if (!LifecycleRules.IsDisqualify(change) || change!.Lead is null)
        {
            context.Trace.Trace(TraceTexts.NotInScope);
            return;
        }

        context.RefuseIf(LifecycleRules.CheckDisqualifyReason(change));
        var policy = PolicyReader.Load(context);
        var lead = context.GetPreImage(PreImageAlias)
            ?? ExistingRecordFinder.FindLead(context.UserService, change.Lead.Id, [Lead.Fields.StateCode, Lead.Fields.QualifyingOpportunityId]);
        var opportunity = LifecycleRules.NeedsOpportunityCheck(policy, lead)
            ? FindOpportunity(context.SystemService, change.Lead.Id, lead!.GetAttributeValue<EntityReference>(Lead.Fields.QualifyingOpportunityId))
            : null;
        var visible = opportunity is null || CanRead(context, opportunity.ToEntityReference());
        if (opportunity is not null)
        {
            context.Trace.Trace("Opportunity {0} found; the user {1} read it{2}.", opportunity.Id, visible ? "can" : "cannot", visible ? "" : ", so it is not named");
        }

        context.RefuseIf(LifecycleRules.CheckDisqualify(policy, lead, opportunity, visible));
        context.Trace.Trace("Allowed: disqualify.");
    }

    // Whether the user who sees the message may read the opportunity: asked with system rights, because a user
    // service query would fault for a user without any opportunity Read, and a fault must not replace our message.
    private static bool CanRead(PluginContext context, EntityReference opportunity)
    {
        var request = new OrganizationRequest(MessageNames.RetrievePrincipalAccess)
        {
            [ParameterNames.Target] = opportunity,
            [ParameterNames.Principal] = new EntityReference(SystemUser, context.Execution.InitiatingUserId),
        };
        var response = context.SystemService.Execute(request);
        var rights = response.Results.TryGetValue(ParameterNames.AccessRights, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        return (rights & ReadAccess) != 0;
    }

    // System rights: an opportunity the user cannot see still blocks (a read-only existence check); it is named only
    // when the user can read it.
    private static Entity? FindOpportunity(IOrganizationService service, Guid leadId, EntityReference? qualifying)
    {
        var query = new QueryExpression(Opportunity.EntityName) { ColumnSet = new ColumnSet(Opportunity.Fields.Name, Opportunity.Fields.StateCode), TopCount = 1 };
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition(Opportunity.Fields.OriginatingLeadId, ConditionOperator.Equal, leadId);
        if (qualifying is not null)
        {
            either.AddCondition(Opportunity.Fields.OpportunityId, ConditionOperator.Equal, qualifying.Id);
        }

        return service.RetrieveMultiple(query).Entities.FirstOrDefault();
    }
}
