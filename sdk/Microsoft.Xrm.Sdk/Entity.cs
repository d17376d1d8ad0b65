using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A Dataverse record: a logical name, an id and a bag of attribute values (late-bound), and the base class
/// of early-bound entity classes.
/// </summary>
/// <remarks>
/// <see cref="Id"/> and the primary-key attribute (for example <c>accountid</c>) are independent storage:
/// setting one does not change the other, as with Microsoft's SDK. The platform fills both on retrieve.
/// </remarks>
[DataContract(Name = "Entity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class Entity : IExtensibleDataObject
{
    // Created on first use: most rows never carry keys, formatted values or related rows, and an emulator
    // holding 100,000 rows pays for every empty collection.
    private AttributeCollection _attributes = new();
    private KeyAttributeCollection? _keyAttributes;
    private FormattedValueCollection? _formattedValues;
    private RelatedEntityCollection? _relatedEntities;

    // Members almost no row sets (entity state, extension data, lazy file columns) live apart, made on the first
    // non-default value: eight fewer fields on every entity an emulator holds.
    private RareMembers? _rare;

    /// <summary>Initializes an entity without a logical name.</summary>
    public Entity()
    {
    }

    /// <summary>Initializes an entity of the given logical name.</summary>
    /// <param name="entityName">The entity logical name, for example <c>lead</c>.</param>
    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    /// <summary>Initializes an entity identified by alternate keys.</summary>
    /// <param name="entityName">The entity logical name.</param>
    /// <param name="keyAttributes">The alternate key values.</param>
    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        KeyAttributes = keyAttributes;
    }

    /// <summary>Initializes an entity of the given logical name and id.</summary>
    /// <param name="entityName">The entity logical name.</param>
    /// <param name="id">The record id.</param>
    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    /// <summary>Initializes an entity identified by a single alternate key.</summary>
    /// <param name="entityName">The entity logical name.</param>
    /// <param name="keyName">The key attribute name.</param>
    /// <param name="keyValue">The key value.</param>
    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        KeyAttributes[keyName] = keyValue;
    }

    /// <summary>Gets or sets the attribute values.</summary>
    [DataMember]
    public AttributeCollection Attributes
    {
        get => _attributes ??= new AttributeCollection();
        set => _attributes = value;
    }

    /// <summary>Gets or sets the entity state (used by the organization service context).</summary>
    [DataMember]
    public EntityState? EntityState
    {
        get => _rare?.EntityState;
        set
        {
            if (_rare is not null || value is not null)
            {
                (_rare ??= new RareMembers()).EntityState = value;
            }
        }
    }

    /// <inheritdoc/>
    public ExtensionDataObject? ExtensionData
    {
        get => _rare?.ExtensionData;
        set
        {
            if (_rare is not null || value is not null)
            {
                (_rare ??= new RareMembers()).ExtensionData = value;
            }
        }
    }

    /// <summary>Gets the formatted values (labels of choices, formatted money and dates).</summary>
    [DataMember]
    public FormattedValueCollection FormattedValues
    {
        get => _formattedValues ??= new FormattedValueCollection();
        internal set => _formattedValues = value;
    }

    public bool HasLazyFileAttribute
    {
        get => _rare?.HasLazyFileAttribute ?? false;
        set
        {
            if (_rare is not null || value)
            {
                (_rare ??= new RareMembers()).HasLazyFileAttribute = value;
            }
        }
    }

    /// <summary>Gets or sets the record id.</summary>
    [DataMember]
    public virtual Guid Id { get; set; }

    /// <summary>Gets or sets the alternate key values that identify the record.</summary>
    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    public string? LazyFileAttributeKey
    {
        get => _rare?.LazyFileAttributeKey;
        set
        {
            if (_rare is not null || value is not null)
            {
                (_rare ??= new RareMembers()).LazyFileAttributeKey = value;
            }
        }
    }

    public Lazy<object>? LazyFileAttributeValue
    {
        get => _rare?.LazyFileAttributeValue;
        set
        {
            if (_rare is not null || value is not null)
            {
                (_rare ??= new RareMembers()).LazyFileAttributeValue = value;
            }
        }
    }

    public string? LazyFileSizeAttributeKey
    {
        get => _rare?.LazyFileSizeAttributeKey;
        set
        {
            if (_rare is not null || value is not null)
            {
                (_rare ??= new RareMembers()).LazyFileSizeAttributeKey = value;
            }
        }
    }

    public int LazyFileSizeAttributeValue
    {
        get => _rare?.LazyFileSizeAttributeValue ?? 0;
        set
        {
            if (_rare is not null || value != 0)
            {
                (_rare ??= new RareMembers()).LazyFileSizeAttributeValue = value;
            }
        }
    }

    /// <summary>Gets or sets the entity logical name.</summary>
    [DataMember]
    public string LogicalName { get; set; } = null!;

    /// <summary>Gets the related entities, keyed by relationship.</summary>
    [DataMember]
    public RelatedEntityCollection RelatedEntities
    {
        get => _relatedEntities ??= new RelatedEntityCollection();
        internal set => _relatedEntities = value;
    }

    /// <summary>Gets or sets the row version used for optimistic concurrency.</summary>
    [DataMember]
    public string? RowVersion { get; set; }

    /// <summary>Gets or sets an attribute value; getting a missing attribute throws <see cref="KeyNotFoundException"/>.</summary>
    /// <param name="attributeName">The attribute logical name.</param>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    /// <summary>Returns whether the attribute is present in <see cref="Attributes"/> (even with a null value).</summary>
    /// <param name="attributeName">The attribute logical name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string attributeName)
    {
        return Attributes.Contains(attributeName);
    }

    /// <summary>
    /// Gets an attribute value as <typeparamref name="T"/>, or <c>default(T)</c> when the attribute is missing
    /// or null. A present value of another type throws <see cref="InvalidCastException"/>.
    /// </summary>
    /// <typeparam name="T">The attribute type.</typeparam>
    /// <param name="attributeLogicalName">The attribute logical name.</param>
    /// <returns>The value or the default of <typeparamref name="T"/>.</returns>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        if (Attributes.TryGetValue(attributeLogicalName, out var value) && value is not null)
        {
            return (T)value;
        }

        return default!;
    }

    /// <summary>Gets the formatted value of an attribute, or null when none is present.</summary>
    /// <param name="attributeLogicalName">The attribute logical name.</param>
    /// <returns>The formatted value.</returns>
    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        return FormattedValues.TryGetValue(attributeLogicalName, out var value) ? value : null!;
    }

    protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (RelatedEntities.TryGetValue(key, out var collection) && collection is not null)
        {
            return collection.Entities.Select(e => e.ToEntity<TEntity>()).ToList();
        }

        return null!;
    }

    protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        var related = GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole);
        return related?.FirstOrDefault()!;
    }

    /// <summary>Sets an attribute value (adds or replaces).</summary>
    /// <param name="attributeLogicalName">The attribute logical name.</param>
    /// <param name="value">The value.</param>
    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        Attributes[attributeLogicalName] = value;
    }

    protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
        where TEntity : Entity
    {
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (entities is null)
        {
            RelatedEntities.Remove(key);
            return;
        }

        var list = entities.Cast<Entity>().ToList();
        var collection = new EntityCollection(list);
        if (list.Count > 0)
        {
            collection.EntityName = list[0].LogicalName;
        }

        RelatedEntities[key] = collection;
    }

    protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
        where TEntity : Entity
    {
        SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity is null ? null! : new[] { entity });
    }

    /// <summary>
    /// Gets this entity as a new <typeparamref name="T"/> instance (an early-bound class, or <see cref="Entity"/>
    /// itself: Microsoft's SDK returns a new object then too). The result shares this entity's attribute collections. Throws <see cref="NotSupportedException"/> when <typeparamref name="T"/> is
    /// declared for a different entity logical name.
    /// </summary>
    /// <typeparam name="T">The entity type to return.</typeparam>
    /// <returns>The entity as <typeparamref name="T"/>.</returns>
    public T ToEntity<T>()
        where T : Entity
    {
        var declared = typeof(T).GetCustomAttribute<EntityLogicalNameAttribute>();
        if (declared is not null && !string.Equals(declared.LogicalName, LogicalName, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Cannot convert entity '{LogicalName}' to type '{typeof(T).FullName}' (logical name '{declared.LogicalName}').");
        }

        var target = Activator.CreateInstance<T>();
        target.LogicalName = LogicalName;
        target.Id = Id;
        target.Attributes = Attributes;
        target.EntityState = EntityState;
        target.ExtensionData = ExtensionData;
        target.FormattedValues = FormattedValues;
        target.KeyAttributes = KeyAttributes;
        target.RelatedEntities = RelatedEntities;
        target.RowVersion = RowVersion;
        return target;
    }

    /// <summary>Gets an entity reference (logical name, id and row version) for this entity; key attributes are not copied (as in Microsoft's SDK).</summary>
    /// <returns>The entity reference.</returns>
    public EntityReference ToEntityReference()
    {
        return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
    }

    /// <summary>
    /// Tries to get an attribute value as <typeparamref name="T"/>. Returns <see langword="false"/> when the
    /// attribute is missing or holds a value of another type; a present null value succeeds with the default.
    /// </summary>
    /// <typeparam name="T">The attribute type.</typeparam>
    /// <param name="attributeKey">The attribute logical name.</param>
    /// <param name="result">The value or the default of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> when the value was obtained.</returns>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        if (Attributes.TryGetValue(attributeKey, out var value))
        {
            if (value is T typed)
            {
                result = typed;
                return true;
            }

            if (value is null && default(T) is null)
            {
                result = default!;
                return true;
            }
        }

        result = default!;
        return false;
    }

    private sealed class RareMembers
    {
        public EntityState? EntityState { get; set; }

        public ExtensionDataObject? ExtensionData { get; set; }

        public bool HasLazyFileAttribute { get; set; }

        public string? LazyFileAttributeKey { get; set; }

        public Lazy<object>? LazyFileAttributeValue { get; set; }

        public string? LazyFileSizeAttributeKey { get; set; }

        public int LazyFileSizeAttributeValue { get; set; }
    }
}
