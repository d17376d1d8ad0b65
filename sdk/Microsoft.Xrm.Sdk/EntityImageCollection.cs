using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Entity images (pre/post snapshots) keyed by image name.</summary>
[CollectionDataContract(Name = "EntityImageCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class EntityImageCollection : Microsoft.Xrm.Sdk.DataCollection<string, Microsoft.Xrm.Sdk.Entity>
{
    public EntityImageCollection()
    {
    }

    protected internal EntityImageCollection(System.Collections.Generic.IDictionary<string, Microsoft.Xrm.Sdk.Entity> collection) : base(collection)
    {
    }
}
