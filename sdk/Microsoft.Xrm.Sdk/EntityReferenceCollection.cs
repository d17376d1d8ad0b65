using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A list of entity references (for example the related records of Associate).</summary>
[CollectionDataContract(Name = "EntityReferenceCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class EntityReferenceCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.EntityReference>
{
    public EntityReferenceCollection()
    {
    }

    public EntityReferenceCollection(System.Collections.Generic.IList<Microsoft.Xrm.Sdk.EntityReference> list) : base(list)
    {
    }
}
