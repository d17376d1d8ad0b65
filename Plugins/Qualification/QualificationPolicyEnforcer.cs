using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Registration;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// Applies the qualification policy before the platform qualifies: required fields, which records to create,
/// which existing ones to link, and the opportunity's customer. Pre-operation, because only there may the
/// request's Create flags and customer still change; QualifyLead has no images, so the lead is read here once, with the
/// matching accounts and contacts joined to it: with the policy that is two calls.
/// </summary>
[PluginStep(MessageNames.QualifyLead, Lead.EntityName, Stage.PreOperation,
    Description = "Applies lqx_LeadQualificationPolicy: required fields, record creation, reuse and matching, opportunity customer.")]
public sealed class QualificationPolicyEnforcer : PluginBase
{
    /// <summary>Creates the plug-in as the platform does.</summary>
    public QualificationPolicyEnforcer(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>Creates the plug-in without configuration.</summary>
    public QualificationPolicyEnforcer()
        : this(null, null)
    {
    }

    /// <inheritdoc />
    protected override void Execute(PluginContext context)
    {
        var input = context.Execution.InputParameters;
        var request = QualificationRequest.From(input);
        context.RefuseIf(QualificationPlanner.CheckRequest(request));

        var policy = PolicyReader.Load(context);
        var read = ExistingRecordFinder.FindLeadWithMatches(
            context.UserService,
            request.LeadId!.Id,
            QualificationPlanner.ColumnsToRead(policy),
            QualificationPlanner.MayMatchAccount(policy, request),
            QualificationPlanner.MayMatchContact(policy, request));
        var lead = read?.Lead;
        var refusal = QualificationPlanner.CheckLead(policy, lead);
        if (refusal is not null && lead is not null && QualificationPlanner.MissingFields(policy, lead) is { Count: > 0 } missing)
        {
            // Only when refusing: one metadata call for the labels the organization gives these columns.
            refusal = QualificationPlanner.CheckLead(policy, lead, ColumnLabels.Read(context.SystemService, Lead.EntityName, missing.Select(c => c.LogicalName), context.Trace));
        }

        context.RefuseIf(refusal);
        var name = QualificationPlanner.AccountNameToMatch(policy, request, lead!);
        var email = QualificationPlanner.EmailToMatch(policy, request, lead!);
        // The joins compare the stored values; a value with surrounding spaces is looked up alone, trimmed (rare).
        var matchedAccount = name is null ? null
            : read!.JoinServes(Lead.Fields.CompanyName, name) ? read.Account(name) : ExistingRecordFinder.FindAccount(context.UserService, name);
        var matchedContact = email is null ? null
            : read!.JoinServes(Lead.Fields.EmailAddress1, email) ? read.Contact(email) : ExistingRecordFinder.FindContact(context.UserService, email);

        var plan = QualificationPlanner.Plan(policy, request, lead!, matchedAccount, matchedContact);
        context.RefuseIf(plan.Refusal);

        plan.ApplyTo(input);
        QualificationHandoff.Create(plan, request, lead!).WriteTo(context.Execution.SharedVariables);
        context.Trace.Trace(plan.Describe());
    }
}
