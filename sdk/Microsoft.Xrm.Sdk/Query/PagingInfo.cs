using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "PagingInfo", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class PagingInfo : System.Runtime.Serialization.IExtensibleDataObject
{
    [DataMember]
    public int Count { get; set; }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public int PageNumber { get; set; }

    [DataMember]
    public string? PagingCookie { get; set; }

    [DataMember]
    public bool ReturnTotalRecordCount { get; set; }
}
