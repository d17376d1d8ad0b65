using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "AggregateType", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public enum XrmAggregateType
{
    [EnumMember]
    None = 0,
    [EnumMember]
    Count = 1,
    [EnumMember]
    CountColumn = 2,
    [EnumMember]
    Sum = 3,
    [EnumMember]
    Avg = 4,
    [EnumMember]
    Min = 5,
    [EnumMember]
    Max = 6,
}
