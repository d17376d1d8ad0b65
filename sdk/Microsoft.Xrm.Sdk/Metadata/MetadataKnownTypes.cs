using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

// MetadataBase lists these four as known types in Microsoft's SDK, but the metadata classes themselves are
// outside this clean-room scope (api.txt has no members for them). Internal placeholders keep the
// [KnownType] list and the data-contract names without adding public surface.
[DataContract(Name = "AttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
internal sealed class AttributeMetadata : MetadataBase
{
}

[DataContract(Name = "EntityMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
internal sealed class EntityMetadata : MetadataBase
{
}

[DataContract(Name = "OptionSetMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
internal sealed class OptionSetMetadata : MetadataBase
{
}

[DataContract(Name = "RelationshipMetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
internal sealed class RelationshipMetadataBase : MetadataBase
{
}
