using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The outcome of one request that <see cref="Client.OrganizationServiceContext.SaveChanges()"/> sent.</summary>
public sealed class SaveChangesResult
{
    internal SaveChangesResult(OrganizationRequest request, OrganizationResponse? response, Exception? error)
    {
        Request = request;
        Response = response!;
        Error = error!;
    }

    /// <summary>Gets the exception the request raised, or null when it succeeded.</summary>
    public Exception Error { get; private set; }

    /// <summary>Gets the request that was sent.</summary>
    public OrganizationRequest Request { get; private set; }

    /// <summary>Gets the response of a successful request, or null.</summary>
    public OrganizationResponse Response { get; private set; }
}
