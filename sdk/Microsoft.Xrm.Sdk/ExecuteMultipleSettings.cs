using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ExecuteMultipleSettings", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
public sealed class ExecuteMultipleSettings : System.Runtime.Serialization.IExtensibleDataObject
{
    [DataMember]
    public bool ContinueOnError { get; set; }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public bool ReturnResponses { get; set; }
}
