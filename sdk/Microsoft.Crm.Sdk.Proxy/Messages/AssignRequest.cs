// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>Assign</c> message. Assigns a record to a new owner (user or team).</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class AssignRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>Assign</c>.</summary>
    public AssignRequest()
    {
        RequestName = "Assign";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
        Assignee = null;
    }

    /// <summary>Gets or sets the <c>Assignee</c> parameter.</summary>
    public EntityReference Assignee
    {
        get => Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : default;
        set => Parameters["Assignee"] = value;
    }

    /// <summary>Gets or sets the <c>Target</c> parameter.</summary>
    public EntityReference Target
    {
        get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }
}
