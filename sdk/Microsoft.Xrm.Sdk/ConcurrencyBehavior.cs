using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ConcurrencyBehavior", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
public enum ConcurrencyBehavior
{
    [EnumMember]
    Default = 0,
    [EnumMember]
    IfRowVersionMatches = 1,
    [EnumMember]
    AlwaysOverwrite = 2,
}
