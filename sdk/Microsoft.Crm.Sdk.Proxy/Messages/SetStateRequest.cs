// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>SetState</c> message. Sets the state (statecode) and status (statuscode) of a record.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class SetStateRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>SetState</c>.</summary>
    public SetStateRequest()
    {
        RequestName = "SetState";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        EntityMoniker = null;
    }

    /// <summary>Gets or sets the <c>EntityMoniker</c> parameter.</summary>
    public EntityReference EntityMoniker
    {
        get => Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : default;
        set => Parameters["EntityMoniker"] = value;
    }

    /// <summary>Gets or sets the <c>State</c> parameter.</summary>
    public OptionSetValue State
    {
        get => Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : default;
        set => Parameters["State"] = value;
    }

    /// <summary>Gets or sets the <c>Status</c> parameter.</summary>
    public OptionSetValue Status
    {
        get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
        set => Parameters["Status"] = value;
    }
}
