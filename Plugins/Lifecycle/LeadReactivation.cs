using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Registration;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>
/// Reactivates a lead cleanly: status reason New unless one is given, and its Lead to Opportunity process back
/// on the Qualify stage and active, so qualifying again does not fail with "Active stage is not on 'lead'
/// entity". Notes and attachments are left alone. Pre-operation, inside the transaction, so the status can
/// still be set and the process change rolls back with the reactivation.
/// </summary>
[PluginStep(MessageNames.Update, Lead.EntityName, Stage.PreOperation,
    FilteringAttributes = new[] { Lead.Fields.StateCode, Lead.Fields.StatusCode },
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode },
    Description = "Reactivation: status New by default; process back to Qualify.")]
[PluginStep(MessageNames.SetState, Lead.EntityName, Stage.PreOperation,
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode },
    Description = "Reactivation: status New by default; process back to Qualify.")]
[PluginStep(MessageNames.SetStateDynamicEntity, Lead.EntityName, Stage.PreOperation,
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode },
    Description = "Reactivation: status New by default; process back to Qualify.")]
public sealed class LeadReactivation : PluginBase
{
    /// <summary>
    /// Alias of the pre-image. A SetStateRequest raises only the SetStateDynamicEntity steps (a reported platform test),
    /// so that step carries the image too; the SetState step stays for callers that raise SetState itself, and only one
    /// of the two ever runs for a request.
    /// </summary>
    public const string PreImageAlias = "PreImage";

    /// <summary>Creates the plug-in as the platform does.</summary>
    public LeadReactivation(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public LeadReactivation()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var change = LeadStateChange.From(context.Execution.MessageName, context.Execution.InputParameters);
        var alreadyOpen = LifecycleRules.WasOpen(context.GetPreImage(PreImageAlias));
        if (!LifecycleRules.IsReactivation(change) || change!.Lead is null || alreadyOpen)
        {
            context.Trace.Trace(TraceTexts.NotInScope);
            return;
        }

        context.RefuseIf(LifecycleRules.CheckReactivationReason(change));

        // No setting applies here, but a malformed policy fails every step closed rather than some of them.
        PolicyReader.Load(context);
        // Stryker disable once all : equivalent: the condition only decides whether a trace line is written.
        if (LifecycleRules.DefaultReactivationStatus(context.Execution.MessageName, context.Execution.InputParameters))
        {
            context.Trace.Trace("Status reason set to New.");
        }

        foreach (var instance in ProcessInstances.ForLead(context.UserService, change.Lead.Id))
        {
            var updates = ProcessInstances.BackToQualify(instance);
            // Stryker disable once all : equivalent: the condition only decides whether a trace line is written.
            if (updates.Count > 0)
            {
                context.Trace.Trace("Process instance {0} back to Qualify ({1} updates).", instance.Id, updates.Count);
            }

            foreach (var update in updates)
            {
                context.UserService.Update(update);
            }
        }
    }
}
