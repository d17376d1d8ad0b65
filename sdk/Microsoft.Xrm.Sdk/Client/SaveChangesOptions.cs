using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>How <see cref="OrganizationServiceContext.SaveChanges()"/> behaves when a request fails.</summary>
[Flags]
public enum SaveChangesOptions
{
    /// <summary>Stop at the first failing request and throw <see cref="SaveChangesException"/> with the results so far.</summary>
    None = 0,

    /// <summary>Run every request; failures are reported in the result collection.</summary>
    ContinueOnError = 1,
}
