using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>
/// Holds a lead moved to Qualified by a plain state change (Update, SetState, SetStateDynamicEntity, alone or in a
/// batch) to the policy QualifyLead obeys: the platform accepts such a change but creates no records, so the required
/// fields must be filled, a malformed policy refuses it, and a policy that always creates records refuses it outright
/// (use Qualify). QualifyLead's own state change is left to the QualifyLead steps. Pre-validation: the whole request
/// is seen once, before the platform splits an Update into its state part and the rest.
/// </summary>
[PluginStep(MessageNames.Update, Lead.EntityName, Stage.PreValidation,
    FilteringAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.StatusCode },
    Description = "Qualifying by a state change obeys lqx_LeadQualificationPolicy (required fields; refused when records must be created).")]
[PluginStep(MessageNames.SetState, Lead.EntityName, Stage.PreValidation,
    Description = "Qualifying by a state change obeys lqx_LeadQualificationPolicy (required fields; refused when records must be created).")]
[PluginStep(MessageNames.SetStateDynamicEntity, Lead.EntityName, Stage.PreValidation,
    Description = "Qualifying by a state change obeys lqx_LeadQualificationPolicy (required fields; refused when records must be created).")]
public sealed class QualifyByStateChangeGuard : PluginBase
{
    /// <summary>Creates the plug-in as the platform does.</summary>
    public QualifyByStateChangeGuard(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public QualifyByStateChangeGuard()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var change = LeadStateChange.From(context.Execution.MessageName, context.Execution.InputParameters);
        if (!LifecycleRules.IsQualify(change) || change!.Lead is null)
        {
            context.Trace.Trace(TraceTexts.NotInScope);
            return;
        }

        if (LifecycleRules.IsInsideQualifyLead(context.Execution))
        {
            context.Trace.Trace(TraceTexts.InsideQualifyLead);
            return;
        }

        var policy = PolicyReader.Load(context);
        context.RefuseIf(LifecycleRules.CheckQualifyByStateChange(policy));
        var lead = ExistingRecordFinder.FindLead(context.UserService, change.Lead.Id, [Lead.Fields.StateCode, .. policy.RequiredFields]);
        if (lead?.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode)?.Value == (int)LeadState.Qualified)
        {
            context.Trace.Trace("Skipped: the lead is already qualified (a change of status reason only).");
            return;
        }

        // What the same Update fills in counts: a seller may enter the budget and qualify in one save.
        LifecycleRules.ApplyChangedValues(lead, context.Execution.InputParameters);
        var refusal = QualificationPlanner.CheckLead(policy, lead);
        if (refusal is not null && lead is not null && QualificationPlanner.MissingFields(policy, lead) is { Count: > 0 } missing)
        {
            refusal = QualificationPlanner.CheckLead(policy, lead, ColumnLabels.Read(context.SystemService, Lead.EntityName, missing.Select(c => c.LogicalName), context.Trace));
        }

        context.RefuseIf(refusal);
        context.Trace.Trace("Allowed: qualify by state change; the policy's required fields are filled and no record must be created.");
    }
}
