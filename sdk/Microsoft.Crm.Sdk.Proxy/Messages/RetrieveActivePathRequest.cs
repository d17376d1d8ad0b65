// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>RetrieveActivePath</c> message. Retrieves the stages of the active path of a business process flow instance.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class RetrieveActivePathRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>RetrieveActivePath</c>.</summary>
    public RetrieveActivePathRequest()
    {
        RequestName = "RetrieveActivePath";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        ProcessInstanceId = Guid.Empty;
    }

    /// <summary>Gets or sets the <c>ProcessInstanceId</c> parameter.</summary>
    public Guid ProcessInstanceId
    {
        get => Parameters.Contains("ProcessInstanceId") ? (Guid)Parameters["ProcessInstanceId"] : default;
        set => Parameters["ProcessInstanceId"] = value;
    }
}
