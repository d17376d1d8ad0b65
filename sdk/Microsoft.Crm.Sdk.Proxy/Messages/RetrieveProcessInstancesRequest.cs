// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>RetrieveProcessInstances</c> message. Retrieves the business process flow instances of a record.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class RetrieveProcessInstancesRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>RetrieveProcessInstances</c>.</summary>
    public RetrieveProcessInstancesRequest()
    {
        RequestName = "RetrieveProcessInstances";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        EntityId = Guid.Empty;
        EntityLogicalName = null;
    }

    /// <summary>Gets or sets the <c>EntityId</c> parameter.</summary>
    public Guid EntityId
    {
        get => Parameters.Contains("EntityId") ? (Guid)Parameters["EntityId"] : default;
        set => Parameters["EntityId"] = value;
    }

    /// <summary>Gets or sets the <c>EntityLogicalName</c> parameter.</summary>
    public string EntityLogicalName
    {
        get => Parameters.Contains("EntityLogicalName") ? (string)Parameters["EntityLogicalName"] : default;
        set => Parameters["EntityLogicalName"] = value;
    }
}
