namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>Input and output parameter names of the messages we handle or call.</summary>
public static class ParameterNames
{
    /// <summary>Create, Update, Delete, Assign: the record.</summary>
    public const string Target = "Target";

    /// <summary>SetState, SetStateDynamicEntity: the record.</summary>
    public const string EntityMoniker = "EntityMoniker";

    /// <summary>SetState: the new statecode.</summary>
    public const string State = "State";

    /// <summary>SetState, QualifyLead: the new statuscode.</summary>
    public const string Status = "Status";

    /// <summary>QualifyLead: the lead.</summary>
    public const string LeadId = "LeadId";

    /// <summary>QualifyLead: create an account.</summary>
    public const string CreateAccount = "CreateAccount";

    /// <summary>QualifyLead: create a contact.</summary>
    public const string CreateContact = "CreateContact";

    /// <summary>QualifyLead: create an opportunity.</summary>
    public const string CreateOpportunity = "CreateOpportunity";

    /// <summary>QualifyLead: the new opportunity's customer.</summary>
    public const string OpportunityCustomerId = "OpportunityCustomerId";

    /// <summary>QualifyLead: the new opportunity's currency.</summary>
    public const string OpportunityCurrencyId = "OpportunityCurrencyId";

    /// <summary>QualifyLead: the new opportunity's source campaign.</summary>
    public const string SourceCampaignId = "SourceCampaignId";

    /// <summary>QualifyLead: the process instance carried to the opportunity.</summary>
    public const string ProcessInstanceId = "ProcessInstanceId";

    /// <summary>QualifyLead output: references to the created records.</summary>
    public const string CreatedEntities = "CreatedEntities";

    /// <summary>RetrievePrincipalAccess: the user or team whose rights are asked.</summary>
    public const string Principal = "Principal";

    /// <summary>RetrievePrincipalAccess output: the rights as AccessRights flags.</summary>
    public const string AccessRights = "AccessRights";
}
