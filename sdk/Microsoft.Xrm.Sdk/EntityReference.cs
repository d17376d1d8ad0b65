using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Identifies a record by logical name and id (or alternate keys); the value of lookup attributes.
/// Two references are equal when their ids and logical names are equal.
/// </summary>
[DataContract(Name = "EntityReference", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[Serializable]
public sealed class EntityReference : IExtensibleDataObject
{
    private KeyAttributeCollection? _keyAttributes;

    /// <summary>Initializes an empty reference.</summary>
    public EntityReference()
    {
    }

    /// <summary>Initializes a reference to an entity type.</summary>
    /// <param name="logicalName">The entity logical name.</param>
    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    /// <summary>Initializes a reference by alternate keys.</summary>
    /// <param name="logicalName">The entity logical name.</param>
    /// <param name="keyAttributeCollection">The alternate key values.</param>
    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
    {
        LogicalName = logicalName;
        KeyAttributes = keyAttributeCollection;
    }

    /// <summary>Initializes a reference by logical name and id.</summary>
    /// <param name="logicalName">The entity logical name.</param>
    /// <param name="id">The record id.</param>
    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    /// <summary>Initializes a reference by a single alternate key.</summary>
    /// <param name="logicalName">The entity logical name.</param>
    /// <param name="keyName">The key attribute name.</param>
    /// <param name="keyValue">The key value.</param>
    public EntityReference(string logicalName, string keyName, object keyValue)
    {
        LogicalName = logicalName;
        KeyAttributes[keyName] = keyValue;
    }

    /// <inheritdoc/>
    public ExtensionDataObject? ExtensionData { get; set; }

    /// <summary>Gets or sets the record id.</summary>
    [DataMember]
    public Guid Id { get; set; }

    /// <summary>Gets or sets the alternate key values.</summary>
    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    /// <summary>Gets or sets the entity logical name.</summary>
    [DataMember]
    public string LogicalName { get; set; } = null!;

    /// <summary>Gets or sets the primary name of the referenced record (informational).</summary>
    [DataMember]
    public string? Name { get; set; }

    /// <summary>Gets or sets the row version.</summary>
    [DataMember]
    public string? RowVersion { get; set; }

    /// <summary>Returns whether <paramref name="obj"/> is an entity reference with the same id and logical name.</summary>
    /// <param name="obj">The object to compare.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public override bool Equals(object? obj)
    {
        return obj is EntityReference other
            && other.Id == Id
            && string.Equals(other.LogicalName, LogicalName, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var nameHash = LogicalName is null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName);
        return Id.GetHashCode() ^ nameHash;
    }
}
