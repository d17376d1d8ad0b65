using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "AttributeExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class XrmAttributeExpression : System.Runtime.Serialization.IExtensibleDataObject
{
    public XrmAttributeExpression()
    {
    }

    public XrmAttributeExpression(string attributeName)
    {
        AttributeName = attributeName;
    }

    public XrmAttributeExpression(string attributeName, Microsoft.Xrm.Sdk.Query.XrmAggregateType aggregateType)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
    }

    public XrmAttributeExpression(string attributeName, Microsoft.Xrm.Sdk.Query.XrmAggregateType aggregateType, string alias)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
        Alias = alias;
    }

    public XrmAttributeExpression(string attributeName, Microsoft.Xrm.Sdk.Query.XrmAggregateType aggregateType, string alias, Microsoft.Xrm.Sdk.Query.XrmDateTimeGrouping dateTimeGrouping)
    {
        AttributeName = attributeName;
        AggregateType = aggregateType;
        Alias = alias;
        DateTimeGrouping = dateTimeGrouping;
    }

    [DataMember]
    public Microsoft.Xrm.Sdk.Query.XrmAggregateType AggregateType { get; set; }

    [DataMember]
    public string? Alias { get; set; }

    [DataMember]
    public string? AttributeName { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Query.XrmDateTimeGrouping DateTimeGrouping { get; set; }

    public System.Runtime.Serialization.ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public bool HasGroupBy { get; set; }
}
