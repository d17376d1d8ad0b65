using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ExecuteTransactionFault", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
[Serializable]
public sealed class ExecuteTransactionFault : Microsoft.Xrm.Sdk.OrganizationServiceFault
{
    [DataMember]
    public int FaultedRequestIndex { get; set; }
}
