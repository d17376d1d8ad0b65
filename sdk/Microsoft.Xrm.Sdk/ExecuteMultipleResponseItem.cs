using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ExecuteMultipleResponseItem", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
public sealed class ExecuteMultipleResponseItem : System.Runtime.Serialization.IExtensibleDataObject
{
    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.OrganizationServiceFault? Fault { get; set; }

    [DataMember]
    public int RequestIndex { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.OrganizationResponse? Response { get; set; }
}
