using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// Completes a qualification after the platform created the records: the opportunity gets the reused or matched
/// account and contact and the lead's qualification columns, the lead points at what was used, and a lead
/// qualified without an opportunity can have its process ended (Aborted: still on Qualify, it cannot be Finished). Post-operation, because only then do the
/// created records exist; it works from the pre-operation step's hand-off, so it reads nothing again.
/// </summary>
[PluginStep(MessageNames.QualifyLead, Lead.EntityName, Stage.PostOperation,
    Description = "Links reused or matched records to the new opportunity and the lead; ends the process when configured.")]
public sealed class QualifiedRecordsLinker : PluginBase
{
    /// <summary>Creates the plug-in as the platform does.</summary>
    public QualifiedRecordsLinker(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public QualifiedRecordsLinker()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var handoff = QualificationHandoff.ReadFrom(context.Execution.SharedVariables);
        var lead = context.Execution.InputParameters.TryGetValue(ParameterNames.LeadId, out var value) ? value as EntityReference : null;
        if (handoff is null || lead is null)
        {
            context.Trace.Trace(TraceTexts.NoQualificationPlan);
            return;
        }

        var created = context.Execution.OutputParameters.TryGetValue(ParameterNames.CreatedEntities, out var output) ? output as EntityReferenceCollection : null;
        if (handoff.OpportunityShaped)
        {
            context.Trace.Trace(TraceTexts.OpportunityShaped);
        }
        else
        {
            WriteIfAny(context, QualifiedRecordUpdates.ForOpportunity(handoff, created));
        }

        WriteIfAny(context, QualifiedRecordUpdates.ForLead(lead.Id, handoff, created));
        if (handoff.FinishProcess)
        {
            foreach (var instance in ProcessInstances.ForLead(context.UserService, lead.Id))
            {
                WriteIfAny(context, ProcessInstances.End(instance));
            }
        }
    }

    private static void WriteIfAny(PluginContext context, Entity? update)
    {
        if (update is not null)
        {
            context.Trace.Trace("Updating {0} {1}: {2}", update.LogicalName, update.Id, string.Join(",", update.Attributes.Keys));
            context.UserService.Update(update);
        }
    }
}
