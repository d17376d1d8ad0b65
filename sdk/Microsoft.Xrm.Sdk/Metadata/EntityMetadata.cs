using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

/// <summary>A table's definition (RetrieveEntity, RetrieveAllEntities).</summary>
[DataContract(Name = "EntityMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
#pragma warning disable CA1819 // The published signatures return arrays.
public sealed class EntityMetadata : MetadataBase
{
    public EntityMetadata()
    {
    }

    [DataMember]
    public AttributeMetadata[]? Attributes { get; internal set; }

    [DataMember]
    public string? CollectionSchemaName { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? Description { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? DisplayCollectionName { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? DisplayName { get; set; }

    [DataMember]
    public string? EntitySetName { get; set; }

    [DataMember]
    public bool? IsCustomEntity { get; internal set; }

    [DataMember]
    public string? LogicalCollectionName { get; internal set; }

    [DataMember]
    public string? LogicalName { get; set; }

    [DataMember]
    public ManyToManyRelationshipMetadata[]? ManyToManyRelationships { get; internal set; }

    [DataMember]
    public OneToManyRelationshipMetadata[]? ManyToOneRelationships { get; internal set; }

    [DataMember]
    public int? ObjectTypeCode { get; internal set; }

    [DataMember]
    public OneToManyRelationshipMetadata[]? OneToManyRelationships { get; internal set; }

    [DataMember]
    public OwnershipTypes? OwnershipType { get; set; }

    [DataMember]
    public string? PrimaryIdAttribute { get; internal set; }

    [DataMember]
    public string? PrimaryNameAttribute { get; internal set; }

    [DataMember]
    public string? SchemaName { get; set; }
}
#pragma warning restore CA1819
