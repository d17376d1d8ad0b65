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

    /// <summary>QualifyLead stage 40 found no plan from stage 20.</summary>
    public const string NoQualificationPlan = "Skipped: no qualification plan from the pre-operation step.";
}
