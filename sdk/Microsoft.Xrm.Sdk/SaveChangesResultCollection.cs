using System.Collections.ObjectModel;
using System.Linq;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>The results of one <see cref="OrganizationServiceContext.SaveChanges()"/> call, in request order.</summary>
public sealed class SaveChangesResultCollection : Collection<SaveChangesResult>
{
    internal SaveChangesResultCollection(SaveChangesOptions options)
    {
        Options = options;
    }

    /// <summary>Gets whether any request failed.</summary>
    public bool HasError => this.Any(result => result.Error is not null);

    /// <summary>Gets the options the save ran with.</summary>
    public SaveChangesOptions Options { get; private set; }
}
