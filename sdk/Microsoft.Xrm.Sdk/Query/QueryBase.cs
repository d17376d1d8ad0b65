using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "QueryBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType(typeof(Microsoft.Xrm.Sdk.Query.QueryExpression))]
[KnownType(typeof(Microsoft.Xrm.Sdk.Query.QueryByAttribute))]
[KnownType(typeof(Microsoft.Xrm.Sdk.Query.FetchExpression))]
public abstract class QueryBase : System.Runtime.Serialization.IExtensibleDataObject
{
    protected QueryBase()
    {
    }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }
}
