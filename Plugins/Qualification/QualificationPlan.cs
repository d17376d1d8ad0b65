using System.Globalization;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>Where the account or contact used by a qualification comes from.</summary>
public enum RecordSource
{
    /// <summary>None: neither linked nor created.</summary>
    None,

    /// <summary>The lead's existing account or contact (reuseExisting).</summary>
    Existing,

    /// <summary>An active record matching the lead's company name or email (matchExisting).</summary>
    Matched,

    /// <summary>Created by the platform from the lead.</summary>
    Created,
}

/// <summary>What QualifyLead will do, as decided before the core operation; or the refusal.</summary>
public sealed class QualificationPlan
{
    /// <summary>Creates a plan.</summary>
    public QualificationPlan(
        bool createAccount,
        bool createContact,
        bool createOpportunity,
        EntityReference? linkedAccount,
        RecordSource accountSource,
        EntityReference? linkedContact,
        RecordSource contactSource,
        EntityReference? opportunityCustomer,
        bool finishProcess,
        Refusal? refusal)
    {
        CreateAccount = createAccount;
        CreateContact = createContact;
        CreateOpportunity = createOpportunity;
        LinkedAccount = linkedAccount;
        AccountSource = accountSource;
        LinkedContact = linkedContact;
        ContactSource = contactSource;
        OpportunityCustomer = opportunityCustomer;
        FinishProcess = finishProcess;
        Refusal = refusal;
    }

    /// <summary>A plan that only refuses.</summary>
    // Stryker disable once Boolean : equivalent: a refused plan is never applied, so its flags are never read.
    public static QualificationPlan Refuse(Refusal refusal) =>
        new(false, false, false, null, RecordSource.None, null, RecordSource.None, null, false, refusal);

    /// <summary>Final value of CreateAccount.</summary>
    public bool CreateAccount { get; }

    /// <summary>Final value of CreateContact.</summary>
    public bool CreateContact { get; }

    /// <summary>Final value of CreateOpportunity.</summary>
    public bool CreateOpportunity { get; }

    /// <summary>The existing or matched account to link instead of creating one.</summary>
    public EntityReference? LinkedAccount { get; }

    /// <summary>Where the account comes from.</summary>
    public RecordSource AccountSource { get; }

    /// <summary>The existing or matched contact to link instead of creating one.</summary>
    public EntityReference? LinkedContact { get; }

    /// <summary>Where the contact comes from.</summary>
    public RecordSource ContactSource { get; }

    /// <summary>The OpportunityCustomerId to set; null leaves the caller's value (or none) in place.</summary>
    public EntityReference? OpportunityCustomer { get; }

    /// <summary>Finish the lead's process instance after qualifying (no opportunity is created).</summary>
    public bool FinishProcess { get; }

    /// <summary>Why the lead cannot be qualified, or null.</summary>
    public Refusal? Refusal { get; }

    /// <summary>Writes the decisions into QualifyLead's input parameters (pre-operation).</summary>
    public void ApplyTo(ParameterCollection input)
    {
        input[ParameterNames.CreateAccount] = CreateAccount;
        input[ParameterNames.CreateContact] = CreateContact;
        input[ParameterNames.CreateOpportunity] = CreateOpportunity;
        if (OpportunityCustomer is not null)
        {
            input[ParameterNames.OpportunityCustomerId] = OpportunityCustomer;
        }
    }

    /// <summary>One trace line with the decisions; ids only, no personal data.</summary>
    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "Plan: account {0}, contact {1}, opportunity {2}, customer {3}, finish process {4}.",
        AccountSource,
        ContactSource,
        CreateOpportunity ? "created" : "none",
        OpportunityCustomer is null ? "unchanged" : OpportunityCustomer.LogicalName + " " + OpportunityCustomer.Id.ToString(),
        FinishProcess ? "yes" : "no");
}
