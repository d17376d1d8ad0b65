using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[CollectionDataContract(Name = "EntityMetadataCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class EntityMetadataCollection : DataCollection<EntityMetadata>
{
    public EntityMetadataCollection()
    {
    }
}
