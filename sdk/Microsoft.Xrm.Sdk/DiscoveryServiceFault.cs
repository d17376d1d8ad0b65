using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "DiscoveryServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[Serializable]
public sealed class DiscoveryServiceFault : Microsoft.Xrm.Sdk.BaseServiceFault
{
    [DataMember]
    public Microsoft.Xrm.Sdk.DiscoveryServiceFault? InnerFault { get; set; }
}
