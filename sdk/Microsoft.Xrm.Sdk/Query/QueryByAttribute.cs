using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A simple query: records whose attributes equal the given values (combined with And).</summary>
[DataContract(Name = "QueryByAttribute", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class QueryByAttribute : QueryBase
{
    private ColumnSet _columnSet = new();
    private PagingInfo _pageInfo = new();

    public QueryByAttribute()
    {
        Attributes = new DataCollection<string>();
        Values = new DataCollection<object>();
        Orders = new DataCollection<OrderExpression>();
    }

    public QueryByAttribute(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    [DataMember]
    public DataCollection<string> Attributes { get; private set; }

    [DataMember]
    public ColumnSet ColumnSet
    {
        get => _columnSet ??= new ColumnSet();
        set => _columnSet = value;
    }

    [DataMember]
    public string? EntityName { get; set; }

    [DataMember]
    public DataCollection<OrderExpression> Orders { get; private set; }

    [DataMember]
    public PagingInfo PageInfo
    {
        get => _pageInfo ??= new PagingInfo();
        set => _pageInfo = value;
    }

    [DataMember(Order = 50)]
    public int? TopCount { get; set; }

    [DataMember]
    public DataCollection<object> Values { get; private set; }

    /// <summary>Adds an attribute and its value (kept at the same index in <see cref="Attributes"/> and <see cref="Values"/>).</summary>
    /// <param name="attributeName">The attribute logical name.</param>
    /// <param name="value">The value to match.</param>
    public void AddAttributeValue(string attributeName, object value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }
}
