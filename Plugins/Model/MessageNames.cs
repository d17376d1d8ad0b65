namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>SDK message names our steps register on or our plug-ins call.</summary>
public static class MessageNames
{
    /// <summary>Create.</summary>
    public const string Create = "Create";

    /// <summary>Update (also carries state changes since CRM 2015 Update 1).</summary>
    public const string Update = "Update";

    /// <summary>Delete.</summary>
    public const string Delete = "Delete";

    /// <summary>The deprecated SetState message, still sent by older clients.</summary>
    public const string SetState = "SetState";

    /// <summary>The legacy web client's SetState variant.</summary>
    public const string SetStateDynamicEntity = "SetStateDynamicEntity";

    /// <summary>QualifyLead (Dynamics 365 Sales).</summary>
    public const string QualifyLead = "QualifyLead";

    /// <summary>RetrievePrincipalAccess: the rights a user or team holds on a record (the disqualify guard asks it).</summary>
    public const string RetrievePrincipalAccess = "RetrievePrincipalAccess";
}
