using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "BaseServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType(typeof(Microsoft.Xrm.Sdk.DiscoveryServiceFault))]
[KnownType(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
[KnownType(typeof(Microsoft.Xrm.Sdk.ExecuteTransactionFault))]
[Serializable]
public abstract class BaseServiceFault : System.Runtime.Serialization.IExtensibleDataObject
{
    protected BaseServiceFault()
    {
    }

    [DataMember]
    public System.Guid ActivityId { get; set; }

    [DataMember]
    public int ErrorCode { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.ErrorDetailCollection ErrorDetails { get; set; } = new Microsoft.Xrm.Sdk.ErrorDetailCollection();

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public string? HelpLink { get; set; }

    [DataMember]
    public string? Message { get; set; }

    [DataMember]
    public System.DateTime Timestamp { get; set; }
}
