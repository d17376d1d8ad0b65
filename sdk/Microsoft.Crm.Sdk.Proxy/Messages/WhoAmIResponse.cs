// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Response of the <c>WhoAmI</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class WhoAmIResponse : OrganizationResponse
{
    /// <summary>Initializes a new instance.</summary>
    public WhoAmIResponse()
    {
    }

    /// <summary>Gets the <c>BusinessUnitId</c> result.</summary>
    public Guid BusinessUnitId
    {
        get => Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default;
    }

    /// <summary>Gets the <c>OrganizationId</c> result.</summary>
    public Guid OrganizationId
    {
        get => Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default;
    }

    /// <summary>Gets the <c>UserId</c> result.</summary>
    public Guid UserId
    {
        get => Results.Contains("UserId") ? (Guid)Results["UserId"] : default;
    }
}
