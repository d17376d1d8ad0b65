using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[DataContract(Name = "RelationshipMetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public abstract class RelationshipMetadataBase : MetadataBase
{
    protected RelationshipMetadataBase()
    {
    }

    protected RelationshipMetadataBase(RelationshipType type)
    {
        RelationshipType = type;
    }

    [DataMember]
    public bool? IsCustomRelationship { get; set; }

    [DataMember]
    public RelationshipType RelationshipType { get; set; }

    [DataMember]
    public string? SchemaName { get; set; }
}

[DataContract(Name = "OneToManyRelationshipMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class OneToManyRelationshipMetadata : RelationshipMetadataBase
{
    public OneToManyRelationshipMetadata()
        : base(RelationshipType.OneToManyRelationship)
    {
    }

    [DataMember]
    public CascadeConfiguration? CascadeConfiguration { get; set; }

    [DataMember]
    public string? ReferencedAttribute { get; set; }

    [DataMember]
    public string? ReferencedEntity { get; set; }

    [DataMember]
    public string? ReferencedEntityNavigationPropertyName { get; set; }

    [DataMember]
    public string? ReferencingAttribute { get; set; }

    [DataMember]
    public string? ReferencingEntity { get; set; }

    [DataMember]
    public string? ReferencingEntityNavigationPropertyName { get; set; }
}

[DataContract(Name = "ManyToManyRelationshipMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class ManyToManyRelationshipMetadata : RelationshipMetadataBase
{
    public ManyToManyRelationshipMetadata()
        : base(RelationshipType.ManyToManyRelationship)
    {
    }

    [DataMember]
    public string? Entity1IntersectAttribute { get; set; }

    [DataMember]
    public string? Entity1LogicalName { get; set; }

    [DataMember]
    public string? Entity2IntersectAttribute { get; set; }

    [DataMember]
    public string? Entity2LogicalName { get; set; }

    [DataMember]
    public string? IntersectEntityName { get; set; }
}

[DataContract(Name = "CascadeConfiguration", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class CascadeConfiguration : IExtensibleDataObject
{
    public CascadeConfiguration()
    {
    }

    [DataMember]
    public CascadeType? Assign { get; set; }

    [DataMember]
    public CascadeType? Delete { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public CascadeType? Merge { get; set; }

    [DataMember]
    public CascadeType? Reparent { get; set; }

    [DataMember]
    public CascadeType? Share { get; set; }

    [DataMember]
    public CascadeType? Unshare { get; set; }
}
