using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// The IOrganizationService a plug-in gets from IOrganizationServiceFactory: every call goes back through the emulator's
/// dispatch one level deeper, with this step's context as ParentContext and inside its transaction.
/// </summary>
internal sealed class PluginOrganizationService(IPipelineHost host, PipelineCall call) : IOrganizationService
{
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return host.Execute(request, call);
    }

    public Guid Create(Entity entity)
    {
        var response = Execute(new CreateRequest { Target = entity });
        return response.Results.TryGetValue("id", out var id) && id is Guid guid ? guid : Guid.Empty;
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
    {
        var response = Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet });
        return (Entity)response.Results["Entity"];
    }

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var response = Execute(new RetrieveMultipleRequest { Query = query });
        return (EntityCollection)response.Results["EntityCollection"];
    }

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });
}

/// <summary>IOrganizationServiceFactory: a service for any user (null = the system user), initiating user unchanged.</summary>
internal sealed class PluginServiceFactory(IPipelineHost host, IPluginExecutionContext context) : IOrganizationServiceFactory
{
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new PluginOrganizationService(host, PipelineCall.FromPlugin(context, userId ?? host.SystemUserId));
}

/// <summary>The IServiceProvider passed to IPlugin.Execute.</summary>
internal sealed class PluginServiceProvider(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    : IServiceProvider
{
    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType.IsInstanceOfType(context))
        {
            return context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return tracing;
        }

        if (serviceType == typeof(IOrganizationServiceFactory))
        {
            return factory;
        }

        return null;
    }
}
