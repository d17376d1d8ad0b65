using System;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>Message, parameter and column names used by the sales handlers (lead-semantics §2, §3, §5).</summary>
internal static class SalesNames
{
    /// <summary>QualifyLead message.</summary>
    public const string QualifyLead = "QualifyLead";

    /// <summary>SetState message.</summary>
    public const string SetState = "SetState";

    /// <summary>SetStateDynamicEntity message (legacy web client; same parameters as SetState).</summary>
    public const string SetStateDynamicEntity = "SetStateDynamicEntity";

    /// <summary>RetrieveProcessInstances message.</summary>
    public const string RetrieveProcessInstances = "RetrieveProcessInstances";

    /// <summary>RetrieveActivePath message.</summary>
    public const string RetrieveActivePath = "RetrieveActivePath";

    /// <summary>SetProcess message.</summary>
    public const string SetProcess = "SetProcess";

    /// <summary>WinOpportunity message.</summary>
    public const string WinOpportunity = "WinOpportunity";

    /// <summary>LoseOpportunity message.</summary>
    public const string LoseOpportunity = "LoseOpportunity";

    /// <summary>statecode.</summary>
    public const string StateCode = "statecode";

    /// <summary>statuscode.</summary>
    public const string StatusCode = "statuscode";

    /// <summary>Status value meaning "the default status of the state".</summary>
    public const int DefaultStatus = -1;
}

/// <summary>QualifyLead input and output parameter keys (equal to the SDK property names).</summary>
internal static class QualifyLeadParameters
{
    /// <summary>EntityReference to the lead.</summary>
    public const string LeadId = "LeadId";

    /// <summary>bool.</summary>
    public const string CreateAccount = "CreateAccount";

    /// <summary>bool.</summary>
    public const string CreateContact = "CreateContact";

    /// <summary>bool.</summary>
    public const string CreateOpportunity = "CreateOpportunity";

    /// <summary>EntityReference to transactioncurrency (optional).</summary>
    public const string OpportunityCurrencyId = "OpportunityCurrencyId";

    /// <summary>EntityReference to account or contact (optional).</summary>
    public const string OpportunityCustomerId = "OpportunityCustomerId";

    /// <summary>EntityReference to campaign (optional).</summary>
    public const string SourceCampaignId = "SourceCampaignId";

    /// <summary>OptionSetValue, the lead status to set (−1 = default).</summary>
    public const string Status = "Status";

    /// <summary>EntityReference to the BPF instance to carry over (optional).</summary>
    public const string ProcessInstanceId = "ProcessInstanceId";

    /// <summary>Output: EntityReferenceCollection of the created records.</summary>
    public const string CreatedEntities = "CreatedEntities";
}

/// <summary>Lead state and status values (lead-semantics §1.1, §1.2).</summary>
internal static class LeadStates
{
    /// <summary>statecode Open.</summary>
    public const int Open = 0;

    /// <summary>statecode Qualified.</summary>
    public const int Qualified = 1;

    /// <summary>statecode Disqualified.</summary>
    public const int Disqualified = 2;

    /// <summary>statuscode Qualified (default of state Qualified).</summary>
    public const int QualifiedStatus = 3;
}

/// <summary>Opportunity state values (statecode).</summary>
internal static class OpportunityStates
{
    /// <summary>statecode Open.</summary>
    public const int Open = 0;

    /// <summary>statecode Won.</summary>
    public const int Won = 1;

    /// <summary>statecode Lost.</summary>
    public const int Lost = 2;
}

/// <summary>The Lead to Opportunity Sales Process definition (lead-semantics §5.2).</summary>
internal static class LeadToOpportunityProcess
{
    /// <summary>workflowid of the process.</summary>
    public static readonly Guid ProcessId = new("919e14d1-6489-4852-abd0-a63a6ecaac5d");

    /// <summary>Stage Qualify (lead).</summary>
    public static readonly Guid QualifyStageId = new("f99b4d48-7aad-456e-864a-8e7d543f7495");

    /// <summary>Stage Develop (opportunity).</summary>
    public static readonly Guid DevelopStageId = new("bfc9108c-8389-406b-9166-2c3298a2e41f");

    /// <summary>Stage Propose (opportunity).</summary>
    public static readonly Guid ProposeStageId = new("3a275c22-fc45-4e89-97fc-41e5ec578743");

    /// <summary>Stage Close (opportunity).</summary>
    public static readonly Guid CloseStageId = new("7f5247fe-cfc3-42bc-aa77-b1d836d9b7c0");

    /// <summary>Process (and instance) name.</summary>
    public const string Name = "Lead to Opportunity Sales Process";

    /// <summary>workflow.uniquename, also the logical name of the instance table.</summary>
    public const string UniqueName = "leadtoopportunitysalesprocess";

    /// <summary>The instance table.</summary>
    public const string InstanceTable = "leadtoopportunitysalesprocess";
}
