using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Resolves message ids through any organization service (a real one or the emulator).</summary>
public sealed class OrganizationServiceMessageResolver : ISdkMessageResolver
{
    private readonly IOrganizationService _service;

    /// <summary>Creates the resolver over <paramref name="service"/>.</summary>
    public OrganizationServiceMessageResolver(IOrganizationService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    /// <inheritdoc />
    public Task<Guid?> ResolveAsync(string messageName, CancellationToken cancellationToken = default)
    {
        var query = new QueryByAttribute("sdkmessage") { ColumnSet = new ColumnSet("sdkmessageid") };
        query.AddAttributeValue("name", messageName);
        var result = _service.RetrieveMultiple(query);
        Guid? id = result.Entities.Count == 0 ? null : result.Entities[0].Id;
        return Task.FromResult(id);
    }
}
