using System;
using System.Globalization;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault detail of a failed organization service call.</summary>
[DataContract(Name = "OrganizationServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[Serializable]
public class OrganizationServiceFault : BaseServiceFault
{
    [DataMember]
    public OrganizationServiceFault? InnerFault { get; set; }

    [DataMember]
    public string? TraceText { get; set; }

    public override string ToString()
    {
        return string.Format(
            CultureInfo.InvariantCulture,
            "OrganizationServiceFault: ErrorCode=0x{0:X8}, Message={1}, Timestamp={2:o}{3}",
            ErrorCode,
            Message,
            Timestamp,
            InnerFault is null ? string.Empty : ", InnerFault=" + InnerFault);
    }
}
