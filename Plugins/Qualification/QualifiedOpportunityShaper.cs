using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// Gives the opportunity that QualifyLead creates its account, contact, customer and the lead's qualification columns
/// in the Create itself (pre-operation of the nested Create), instead of an Update after QualifyLead: one service call
/// less per qualification. It works from the QualifyLead pre-operation step's hand-off, found through ParentContext;
/// without one (any other Create of an opportunity) it does nothing. It notes what it did in the QualifyLead operation's
/// shared variables; where that note does not arrive, <see cref="QualifiedRecordsLinker"/> writes the same values by Update.
/// </summary>
[PluginStep(MessageNames.Create, Opportunity.EntityName, Stage.PreOperation,
    Description = "Fills the opportunity QualifyLead creates with the reused or matched account and contact, the customer and the lead's qualification columns.")]
public sealed class QualifiedOpportunityShaper : PluginBase
{
    /// <summary>Creates the plug-in as the platform does.</summary>
    public QualifiedOpportunityShaper(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public QualifiedOpportunityShaper()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var shared = QualificationHandoff.FindQualifyLeadVariables(context.Execution);
        var handoff = shared is null ? null : QualificationHandoff.ReadFrom(shared);
        if (shared is null || handoff is null)
        {
            context.Trace.Trace(TraceTexts.NotFromQualifyLead);
            return;
        }

        if (!QualifiedRecordUpdates.CanShapeOpportunity(handoff))
        {
            context.Trace.Trace(TraceTexts.OpportunityNotShapeable);
            return;
        }

        var target = context.GetRequiredTarget<Entity>();
        var set = QualifiedRecordUpdates.ShapeOpportunity(target, handoff);
        QualificationHandoff.MarkOpportunityShaped(shared);
        context.Trace.Trace("Shaped the new opportunity: {0}", string.Join(",", set));
    }
}
