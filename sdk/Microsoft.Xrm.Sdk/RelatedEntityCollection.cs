using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "RelatedEntityCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RelatedEntityCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.Relationship, Microsoft.Xrm.Sdk.EntityCollection>
{
    public override bool IsReadOnly { get; internal set; }
}
