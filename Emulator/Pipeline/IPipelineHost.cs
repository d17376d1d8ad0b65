using System;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>What the pipeline needs from the emulator core.</summary>
internal interface IPipelineHost
{
    /// <summary>The system user (IOrganizationServiceFactory.CreateOrganizationService(null) runs as this user).</summary>
    Guid SystemUserId { get; }

    /// <summary>Organization id.</summary>
    Guid OrganizationId { get; }

    /// <summary>Organization unique name.</summary>
    string OrganizationName { get; }

    /// <summary>The emulator clock (UTC).</summary>
    DateTime UtcNow { get; }

    /// <summary>The business unit of a user.</summary>
    Guid GetBusinessUnitId(Guid userId);

    /// <summary>Runs a request through the full dispatch (pipeline included) as <paramref name="caller"/> describes.</summary>
    OrganizationResponse Execute(OrganizationRequest request, PipelineCall caller);

    /// <summary>
    /// Opens a transaction scope (nested inside the current one if any). Disposing without <see cref="IPipelineTransaction.Commit"/>
    /// rolls back everything written inside the scope.
    /// </summary>
    IPipelineTransaction BeginTransaction();

    /// <summary>The stored record with all columns, bypassing pipeline and security; null when it does not exist.</summary>
    Entity? RetrieveForImage(string logicalName, Guid id);
}

/// <summary>A transaction scope of the store.</summary>
internal interface IPipelineTransaction : IDisposable
{
    /// <summary>Keeps what was written inside the scope.</summary>
    void Commit();
}
