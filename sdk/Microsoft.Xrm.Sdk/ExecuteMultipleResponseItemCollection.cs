using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
public sealed class ExecuteMultipleResponseItemCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.ExecuteMultipleResponseItem>
{

}
