using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "LogicalOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public enum LogicalOperator
{
    [EnumMember]
    And = 0,
    [EnumMember]
    Or = 1,
}
