using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata.Query;

[DataContract(Name = "MetadataQueryBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public abstract class MetadataQueryBase : IExtensibleDataObject
{
    protected MetadataQueryBase()
    {
    }

    public ExtensionDataObject? ExtensionData { get; set; }
}

[DataContract(Name = "MetadataQueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public abstract class MetadataQueryExpression : MetadataQueryBase
{
    protected MetadataQueryExpression()
    {
    }

    [DataMember]
    public MetadataFilterExpression? Criteria { get; set; }

    [DataMember]
    public MetadataPropertiesExpression? Properties { get; set; }
}

[DataContract(Name = "EntityQueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class EntityQueryExpression : MetadataQueryExpression
{
    [DataMember]
    public AttributeQueryExpression? AttributeQuery { get; set; }

    [DataMember]
    public LabelQueryExpression? LabelQuery { get; set; }

    [DataMember]
    public RelationshipQueryExpression? RelationshipQuery { get; set; }
}

[DataContract(Name = "AttributeQueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class AttributeQueryExpression : MetadataQueryExpression
{
}

[DataContract(Name = "RelationshipQueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class RelationshipQueryExpression : MetadataQueryExpression
{
}

[DataContract(Name = "LabelQueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class LabelQueryExpression : MetadataQueryBase
{
    [DataMember]
    public DataCollection<int> FilterLanguages { get; } = new();
}
