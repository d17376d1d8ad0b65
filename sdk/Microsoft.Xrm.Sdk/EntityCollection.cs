using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A list of entities with paging information, as returned by RetrieveMultiple.</summary>
[DataContract(Name = "EntityCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class EntityCollection : IExtensibleDataObject
{
    /// <summary>Initializes an empty collection.</summary>
    public EntityCollection()
    {
        Entities = new DataCollection<Entity>();
    }

    /// <summary>Initializes a collection over <paramref name="list"/> (the items are copied).</summary>
    /// <param name="list">The entities.</param>
    public EntityCollection(IList<Entity> list)
    {
        Entities = list is null ? new DataCollection<Entity>() : new DataCollection<Entity>(new List<Entity>(list));
    }

    /// <summary>Gets the entities.</summary>
    [DataMember]
    public DataCollection<Entity> Entities { get; private set; }

    /// <summary>Gets or sets the logical name of the entities.</summary>
    [DataMember]
    public string? EntityName { get; set; }

    /// <inheritdoc/>
    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public string? MinActiveRowVersion { get; set; }

    /// <summary>Gets or sets whether more records are available.</summary>
    [DataMember]
    public bool MoreRecords { get; set; }

    /// <summary>Gets or sets the paging cookie for the next page.</summary>
    [DataMember]
    public string? PagingCookie { get; set; }

    [DataMember]
    public int TotalRecordCount { get; set; }

    [DataMember]
    public bool TotalRecordCountLimitExceeded { get; set; }

    /// <summary>Gets or sets the entity at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index.</param>
    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }
}
