using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Registration;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>
/// Refuses deleting a qualified or disqualified lead while protectClosedLeads is on: deleting it would also
/// delete its notes, attachments and process history. Pre-validation with a pre-image of statecode, so the
/// check needs no read of the lead.
/// </summary>
[PluginStep(MessageNames.Delete, Lead.EntityName, Stage.PreValidation,
    PreImage = PreImageAlias, PreImageAttributes = new[] { Lead.Fields.StateCode },
    Description = "Refuses deleting qualified or disqualified leads (protectClosedLeads).")]
public sealed class ClosedLeadDeleteGuard : PluginBase
{
    /// <summary>Alias of the pre-image.</summary>
    public const string PreImageAlias = "PreImage";

    /// <summary>Creates the plug-in as the platform does.</summary>
    public ClosedLeadDeleteGuard(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public ClosedLeadDeleteGuard()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var lead = context.GetRequiredPreImage(PreImageAlias);
        var policy = PolicyReader.Load(context);
        context.RefuseIf(LifecycleRules.CheckDelete(policy, lead));
        context.Trace.Trace("Allowed: delete.");
    }
}
