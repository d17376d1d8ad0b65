namespace LeadQualifyExtensions.Plugins;

/// <summary>Trace lines that tests assert on.</summary>
public static class TraceTexts
{
    /// <summary>The executing step is not one the class declares.</summary>
    public const string NoMatchingStep = "Skipped: no matching step declared for this message, table, stage and mode.";

    /// <summary>The policy variable has no definition in this environment.</summary>
    public const string PolicyNotDefined = "Policy lqx_LeadQualificationPolicy not defined here; built-in defaults apply.";

    /// <summary>The policy variable is malformed.</summary>
    public const string PolicyInvalid = "Refused: policy lqx_LeadQualificationPolicy is malformed.";

    /// <summary>The request does not change the lead to the state this rule is about.</summary>
    public const string NotInScope = "Skipped: the request does not make the change this rule is about.";

    /// <summary>A state change made by QualifyLead itself: the QualifyLead steps hold it to the policy.</summary>
    public const string InsideQualifyLead = "Skipped: the state change is part of QualifyLead, whose steps apply the policy.";

    /// <summary>The opportunity got its values when QualifyLead created it, so stage 40 does not update it.</summary>
    public const string OpportunityShaped = "Opportunity already shaped at creation; no update needed.";

    /// <summary>A record QualifyLead creates replaces a link the lead already had: its id is known only afterwards.</summary>
    public const string OpportunityNotShapeable = "Not shaped: a new record replaces one of the lead's links; updated after QualifyLead.";

    /// <summary>A Create the opportunity shaper is registered on that QualifyLead with our hand-off did not make.</summary>
    public const string NotFromQualifyLead = "Skipped: this opportunity is not being created by a QualifyLead with a qualification plan.";

    /// <summary>QualifyLead stage 40 found no plan from stage 20.</summary>
    public const string NoQualificationPlan = "Skipped: no qualification plan from the pre-operation step.";
}
