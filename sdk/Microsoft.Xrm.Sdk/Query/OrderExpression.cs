using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "OrderExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class OrderExpression : System.Runtime.Serialization.IExtensibleDataObject
{
    public OrderExpression()
    {
    }

    public OrderExpression(string attributeName, Microsoft.Xrm.Sdk.Query.OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    public OrderExpression(string attributeName, Microsoft.Xrm.Sdk.Query.OrderType orderType, string alias)
    {
        AttributeName = attributeName;
        OrderType = orderType;
        Alias = alias;
    }

    public OrderExpression(string attributeName, Microsoft.Xrm.Sdk.Query.OrderType orderType, string alias, string entityName)
    {
        AttributeName = attributeName;
        OrderType = orderType;
        Alias = alias;
        EntityName = entityName;
    }

    [DataMember]
    public string? Alias { get; set; }

    [DataMember]
    public string? AttributeName { get; set; }

    [DataMember]
    public string? EntityName { get; set; }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Query.OrderType OrderType { get; set; }
}
