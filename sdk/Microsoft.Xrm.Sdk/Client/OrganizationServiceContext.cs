using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk.Linq;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>
/// Tracks entities and links on the client, sends the tracked changes with <see cref="SaveChanges()"/>, and is the
/// LINQ query provider: <see cref="CreateQuery{TEntity}()"/> queries are translated to <c>QueryExpression</c> and run
/// through the wrapped <see cref="IOrganizationService"/> (RetrieveMultiple), so server-side steps on RetrieveMultiple run.
/// </summary>
public class OrganizationServiceContext : IDisposable
{
    private readonly IOrganizationService _service;
    private readonly QueryProvider _provider;

    // Tracking order is the save order; the key finds the tracked instance of a row a query returns again.
    private readonly List<Tracked> _tracked = [];
    private readonly Dictionary<EntityKey, Tracked> _byKey = [];
    private readonly List<TrackedLink> _links = [];

    /// <summary>Creates a context over <paramref name="service"/>.</summary>
    /// <param name="service">The service that provides access to organization data.</param>
    public OrganizationServiceContext(IOrganizationService service)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _provider = new QueryProvider(this);
    }

    /// <summary>Gets or sets how rows a query returns merge with tracked entities (default <see cref="MergeOption.AppendOnly"/>).</summary>
    public MergeOption MergeOption { get; set; }

    /// <summary>Gets or sets the options <see cref="SaveChanges()"/> uses.</summary>
    public SaveChangesOptions SaveChangesDefaultOptions { get; set; }

    /// <summary>Creates a LINQ query over the rows of <paramref name="entityLogicalName"/> (late-bound).</summary>
    /// <param name="entityLogicalName">The logical name of the table to query.</param>
    /// <returns>The query.</returns>
    public IQueryable<Entity> CreateQuery(string entityLogicalName)
    {
        if (string.IsNullOrEmpty(entityLogicalName))
        {
            throw new ArgumentNullException(nameof(entityLogicalName));
        }

        return new Query<Entity>(_provider, entityLogicalName);
    }

    /// <summary>Creates a LINQ query over the rows of the early-bound class <typeparamref name="TEntity"/>.</summary>
    /// <typeparam name="TEntity">An entity class carrying <see cref="EntityLogicalNameAttribute"/>.</typeparam>
    /// <returns>The query.</returns>
    public IQueryable<TEntity> CreateQuery<TEntity>()
        where TEntity : Entity
    {
        var logicalName = typeof(TEntity).GetCustomAttribute<EntityLogicalNameAttribute>()?.LogicalName
            ?? throw new ArgumentException($"The type '{typeof(TEntity).FullName}' has no EntityLogicalNameAttribute; use CreateQuery(string) for late-bound queries.");
        return new Query<TEntity>(_provider, logicalName);
    }

    /// <summary>Starts tracking <paramref name="entity"/> as a new row; <see cref="SaveChanges()"/> creates it.</summary>
    /// <param name="entity">The entity to create.</param>
    public void AddObject(Entity entity)
    {
        CheckEntity(entity);
        if (Find(entity) is not null)
        {
            throw AlreadyTracked(entity);
        }

        Track(entity, EntityState.Created);
    }

    /// <summary>Starts tracking <paramref name="entity"/> as an existing, unchanged row.</summary>
    /// <param name="entity">The entity to track.</param>
    public void Attach(Entity entity)
    {
        CheckEntity(entity);
        if (Find(entity) is not null || (entity.Id != Guid.Empty && _byKey.ContainsKey(new EntityKey(entity.LogicalName, entity.Id))))
        {
            throw AlreadyTracked(entity);
        }

        Track(entity, EntityState.Unchanged);
    }

    /// <summary>Marks the tracked <paramref name="entity"/> as changed; <see cref="SaveChanges()"/> updates it.</summary>
    /// <param name="entity">The tracked entity.</param>
    public void UpdateObject(Entity entity) => UpdateObject(entity, false);

    /// <summary>Marks the tracked <paramref name="entity"/> as changed; <see cref="SaveChanges()"/> updates it.</summary>
    /// <param name="entity">The tracked entity.</param>
    /// <param name="recursive">Whether related entities the entity carries are marked too (they must be tracked).</param>
    public void UpdateObject(Entity entity, bool recursive)
    {
        var tracked = Required(entity);
        if (tracked.Deleted)
        {
            throw new InvalidOperationException($"The '{entity.LogicalName}' entity is marked for deletion.");
        }

        if (entity.EntityState != EntityState.Created)
        {
            entity.EntityState = EntityState.Changed;
        }

        if (recursive)
        {
            foreach (var related in RelatedOf(entity))
            {
                UpdateObject(related, true);
            }
        }
    }

    /// <summary>Marks the tracked <paramref name="entity"/> for deletion; <see cref="SaveChanges()"/> deletes it.</summary>
    /// <param name="entity">The tracked entity.</param>
    public void DeleteObject(Entity entity) => DeleteObject(entity, false);

    /// <summary>Marks the tracked <paramref name="entity"/> for deletion; <see cref="SaveChanges()"/> deletes it.</summary>
    /// <param name="entity">The tracked entity.</param>
    /// <param name="recursive">Whether related entities the entity carries are marked too (they must be tracked).</param>
    public void DeleteObject(Entity entity, bool recursive)
    {
        var tracked = Required(entity);
        if (entity.EntityState == EntityState.Created)
        {
            // Never sent: forgetting it is the whole deletion.
            Untrack(tracked);
        }
        else
        {
            tracked.Deleted = true;
        }

        if (recursive)
        {
            foreach (var related in RelatedOf(entity))
            {
                DeleteObject(related, true);
            }
        }
    }

    /// <summary>Tracks a new link; <see cref="SaveChanges()"/> associates the two rows through <paramref name="relationship"/>.</summary>
    /// <param name="source">The source entity for the new link.</param>
    /// <param name="relationship">The relationship the link belongs to.</param>
    /// <param name="target">The entity related to the source by the new link.</param>
    public void AddLink(Entity source, Relationship relationship, Entity target)
    {
        if (relationship is null)
        {
            throw new ArgumentNullException(nameof(relationship));
        }

        Required(source);
        Required(target);
        _links.Add(new TrackedLink(source, relationship, target));
    }

    /// <summary>
    /// Loads the rows related to the tracked <paramref name="entity"/> through a one-to-many relationship into
    /// <see cref="Entity.RelatedEntities"/>: the referencing rows when the entity is the referenced (one) side, the
    /// referenced row when it holds the lookup. The relationship is read with RetrieveRelationship, the rows with
    /// RetrieveMultiple; loaded rows are tracked as <see cref="MergeOption"/> says.
    /// </summary>
    /// <param name="entity">The tracked entity.</param>
    /// <param name="relationship">The relationship to load.</param>
    public void LoadProperty(Entity entity, Relationship relationship)
    {
        Required(entity);
        if (relationship?.SchemaName is not { Length: > 0 } schemaName)
        {
            throw new ArgumentNullException(nameof(relationship));
        }

        var response = (RetrieveRelationshipResponse)_service.Execute(new RetrieveRelationshipRequest { Name = schemaName });
        if (response.RelationshipMetadata is not OneToManyRelationshipMetadata oneToMany)
        {
            throw new NotSupportedException($"LoadProperty supports one-to-many relationships; '{schemaName}' is not one.");
        }

        var referenced = string.Equals(entity.LogicalName, oneToMany.ReferencedEntity, StringComparison.Ordinal)
            && (relationship.PrimaryEntityRole != EntityRole.Referencing || !string.Equals(oneToMany.ReferencedEntity, oneToMany.ReferencingEntity, StringComparison.Ordinal));
        var query = referenced
            ? RelatedQuery(oneToMany.ReferencingEntity!, oneToMany.ReferencingAttribute!, entity.Id)
            : RelatedQuery(oneToMany.ReferencedEntity!, oneToMany.ReferencedAttribute!, LookupOf(entity, oneToMany.ReferencingAttribute!));
        var rows = query is null ? [] : _service.RetrieveMultiple(query).Entities.Select(Merge).ToList();
        entity.RelatedEntities[relationship] = new EntityCollection(rows) { EntityName = query?.EntityName };
    }

    /// <summary>Stops tracking every entity and link.</summary>
    public void ClearChanges()
    {
        _tracked.Clear();
        _byKey.Clear();
        _links.Clear();
    }

    /// <summary>Gets the entities the context tracks, in tracking order.</summary>
    /// <returns>The tracked entities.</returns>
    public IEnumerable<Entity> GetAttachedEntities() => _tracked.Select(t => t.Entity).ToList();

    /// <summary>Executes <paramref name="request"/> through the wrapped service.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The response.</returns>
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _service.Execute(request);
    }

    /// <summary>Sends the tracked changes with <see cref="SaveChangesDefaultOptions"/>.</summary>
    /// <returns>One result per request sent.</returns>
    public SaveChangesResultCollection SaveChanges() => SaveChanges(SaveChangesDefaultOptions);

    /// <summary>
    /// Sends the tracked changes as Create, Update and Delete requests in tracking order, then the added links as
    /// Associate requests. Without <see cref="SaveChangesOptions.ContinueOnError"/> the first failure stops the save and
    /// throws <see cref="SaveChangesException"/>; the requests sent before it stay applied.
    /// </summary>
    /// <param name="options">How errors are handled.</param>
    /// <returns>One result per request sent.</returns>
    public SaveChangesResultCollection SaveChanges(SaveChangesOptions options)
    {
        var results = new SaveChangesResultCollection(options);
        foreach (var tracked in _tracked.ToList())
        {
            var request = ChangeRequest(tracked);
            if (request is not null)
            {
                Send(request, results, options, response => Saved(tracked, response));
            }
        }

        foreach (var link in _links.ToList())
        {
            var request = new AssociateRequest
            {
                Target = link.Source.ToEntityReference(),
                Relationship = link.Relationship,
                RelatedEntities = [link.Target.ToEntityReference()],
            };
            Send(request, results, options, _ => _links.Remove(link));
        }

        return results;
    }

    /// <summary>Releases the context (it holds no unmanaged resources).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the context's tracking state.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearChanges();
        }
    }

    /// <summary>Runs a query through the wrapped service (the LINQ provider's single way out).</summary>
    internal EntityCollection RetrieveMultiple(QueryExpression query) => _service.RetrieveMultiple(query);

    /// <summary>
    /// Applies <see cref="MergeOption"/> to a row a query returned: the tracked instance of the same row, or the row
    /// itself, now tracked (nothing is tracked with <see cref="MergeOption.NoTracking"/>).
    /// </summary>
    internal Entity Merge(Entity row)
    {
        if (MergeOption == MergeOption.NoTracking || row.Id == Guid.Empty || string.IsNullOrEmpty(row.LogicalName))
        {
            return row;
        }

        if (!_byKey.TryGetValue(new EntityKey(row.LogicalName, row.Id), out var tracked))
        {
            Track(row, EntityState.Unchanged);
            return row;
        }

        var current = tracked.Entity;
        var overwrite = MergeOption == MergeOption.OverwriteChanges
            || (MergeOption == MergeOption.PreserveChanges && current.EntityState == EntityState.Unchanged);
        if (overwrite && !tracked.Deleted)
        {
            foreach (var pair in row.Attributes)
            {
                current.Attributes[pair.Key] = pair.Value;
            }
        }

        return current;
    }

    private static void CheckEntity(Entity entity)
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        if (string.IsNullOrEmpty(entity.LogicalName))
        {
            throw new ArgumentException("The entity has no logical name.", nameof(entity));
        }
    }

    private static InvalidOperationException AlreadyTracked(Entity entity) =>
        new($"The context is already tracking the '{entity.LogicalName}' entity.");

    private static QueryExpression? RelatedQuery(string table, string column, Guid? id)
    {
        if (id is null)
        {
            return null;
        }

        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(column, ConditionOperator.Equal, id.Value);
        return query;
    }

    private Guid? LookupOf(Entity entity, string lookup)
    {
        if (!entity.Attributes.ContainsKey(lookup))
        {
            entity = _service.Retrieve(entity.LogicalName, entity.Id, new ColumnSet(lookup));
        }

        return entity.GetAttributeValue<EntityReference>(lookup)?.Id;
    }

    private static List<Entity> RelatedOf(Entity entity) =>
        entity.RelatedEntities.Values.SelectMany(collection => collection.Entities).ToList();

    private static OrganizationRequest? ChangeRequest(Tracked tracked)
    {
        var entity = tracked.Entity;
        if (tracked.Deleted)
        {
            return new DeleteRequest { Target = entity.ToEntityReference() };
        }

        return entity.EntityState switch
        {
            EntityState.Created => new CreateRequest { Target = entity },
            EntityState.Changed => new UpdateRequest { Target = entity },
            _ => null,
        };
    }

    private void Send(OrganizationRequest request, SaveChangesResultCollection results, SaveChangesOptions options, Action<OrganizationResponse> onSuccess)
    {
        OrganizationResponse response;
        try
        {
            response = _service.Execute(request);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            results.Add(new SaveChangesResult(request, null, error));
            if ((options & SaveChangesOptions.ContinueOnError) == 0)
            {
                throw new SaveChangesException(error, results);
            }

            return;
        }

        results.Add(new SaveChangesResult(request, response, null));
        onSuccess(response);
    }

    private void Saved(Tracked tracked, OrganizationResponse response)
    {
        var entity = tracked.Entity;
        if (tracked.Deleted)
        {
            Untrack(tracked);
            return;
        }

        if (response is CreateResponse)
        {
            entity.Id = (Guid)response.Results["id"];
            _byKey[new EntityKey(entity.LogicalName, entity.Id)] = tracked;
        }

        entity.EntityState = EntityState.Unchanged;
    }

    private Tracked? Find(Entity entity) => _tracked.FirstOrDefault(t => ReferenceEquals(t.Entity, entity));

    private Tracked Required(Entity entity)
    {
        CheckEntity(entity);
        return Find(entity) ?? throw new InvalidOperationException($"The context is not currently tracking the '{entity.LogicalName}' entity.");
    }

    private void Track(Entity entity, EntityState state)
    {
        entity.EntityState = state;
        var tracked = new Tracked(entity);
        _tracked.Add(tracked);
        if (entity.Id != Guid.Empty)
        {
            _byKey[new EntityKey(entity.LogicalName, entity.Id)] = tracked;
        }
    }

    private void Untrack(Tracked tracked)
    {
        _tracked.Remove(tracked);
        var key = new EntityKey(tracked.Entity.LogicalName, tracked.Entity.Id);
        if (_byKey.TryGetValue(key, out var byKey) && ReferenceEquals(byKey, tracked))
        {
            _byKey.Remove(key);
        }

        _links.RemoveAll(link => ReferenceEquals(link.Source, tracked.Entity) || ReferenceEquals(link.Target, tracked.Entity));
    }

    private readonly struct EntityKey(string logicalName, Guid id) : IEquatable<EntityKey>
    {
        private readonly string _logicalName = logicalName;
        private readonly Guid _id = id;

        public bool Equals(EntityKey other) => string.Equals(_logicalName, other._logicalName, StringComparison.Ordinal) && _id == other._id;

        public override bool Equals(object? obj) => obj is EntityKey other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_logicalName) ^ _id.GetHashCode();
    }

    private sealed class Tracked(Entity entity)
    {
        public Entity Entity { get; } = entity;

        public bool Deleted { get; set; }
    }

    private sealed class TrackedLink(Entity source, Relationship relationship, Entity target)
    {
        public Entity Source { get; } = source;

        public Relationship Relationship { get; } = relationship;

        public Entity Target { get; } = target;
    }
}
