using System;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator;

/// <summary>IOrganizationService over the emulator: every method becomes a request through the dispatch point.</summary>
internal sealed class EmulatorOrganizationService : IOrganizationService
{
    private readonly XrmEmulator _emulator;
    private readonly Guid _userId;
    private readonly RequestContext? _parent;
    private readonly Guid? _callerId;

    public EmulatorOrganizationService(XrmEmulator emulator, Guid userId, RequestContext? parent, Guid? callerId = null)
    {
        _emulator = emulator;
        _userId = userId;
        _parent = parent;
        _callerId = callerId;
    }

    public Guid Create(Entity entity) => (Guid)Execute(new CreateRequest { Target = entity }).Results["id"];

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        (Entity)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet }).Results["Entity"];

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        (EntityCollection)Execute(new RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = _parent is not null ? _parent.CreateChild(_userId)
            : _callerId is { } callerId ? _emulator.CreateContext(callerId, authenticatedUserId: _userId) : _emulator.CreateContext(_userId);

        // The caller keeps its request object; handlers only ever see (and may edit) a copy of its parameters' values.
        var response = _emulator.Executor.Execute(EntityCloner.CloneRequest(request), context);
        XrmEmulatorProxyTypeExtensions.ApplyProxyTypes(_emulator, response);
        return response;
    }
}
