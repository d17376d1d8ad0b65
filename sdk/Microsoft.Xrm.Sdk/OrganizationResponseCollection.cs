using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
public sealed class OrganizationResponseCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.OrganizationResponse>
{

}
