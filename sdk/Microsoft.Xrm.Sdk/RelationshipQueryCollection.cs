using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "RelationshipQueryCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RelationshipQueryCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.Relationship, Microsoft.Xrm.Sdk.Query.QueryBase>
{

}
