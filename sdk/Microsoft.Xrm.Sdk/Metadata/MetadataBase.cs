using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[DataContract(Name = "MetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
[KnownType(typeof(AttributeMetadata))]
[KnownType(typeof(EntityMetadata))]
[KnownType(typeof(OptionSetMetadata))]
[KnownType(typeof(RelationshipMetadataBase))]
public abstract class MetadataBase : System.Runtime.Serialization.IExtensibleDataObject
{
    protected MetadataBase()
    {
    }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember(Order = 60)]
    public bool? HasChanged { get; set; }

    [DataMember]
    public System.Guid? MetadataId { get; set; }
}
