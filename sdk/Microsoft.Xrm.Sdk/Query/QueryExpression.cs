using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// A query built from objects: entity name, columns, criteria, links, orders and paging. A new instance
/// has an empty <see cref="ColumnSet"/>, an And <see cref="Criteria"/> filter and a default <see cref="PageInfo"/>.
/// </summary>
[DataContract(Name = "QueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class QueryExpression : QueryBase
{
    /// <summary>An empty query expression.</summary>
    public static readonly QueryExpression Empty = new();

    private ColumnSet _columnSet = new();
    private FilterExpression _criteria = new();
    private PagingInfo _pageInfo = new();

    /// <summary>Initializes a query without an entity name.</summary>
    public QueryExpression()
    {
        LinkEntities = new DataCollection<LinkEntity>();
        Orders = new DataCollection<OrderExpression>();
    }

    /// <summary>Initializes a query on the given entity.</summary>
    /// <param name="entityName">The entity logical name.</param>
    public QueryExpression(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    /// <summary>Gets or sets the columns to return.</summary>
    [DataMember]
    public ColumnSet ColumnSet
    {
        get => _columnSet ??= new ColumnSet();
        set => _columnSet = value;
    }

    /// <summary>Gets or sets the top-level filter.</summary>
    [DataMember]
    public FilterExpression Criteria
    {
        get => _criteria ??= new FilterExpression();
        set => _criteria = value;
    }

    [DataMember(Order = 93, EmitDefaultValue = false)]
    public string? DataSource { get; set; }

    [DataMember]
    public bool Distinct { get; set; }

    /// <summary>Gets or sets the entity logical name.</summary>
    [DataMember]
    public string? EntityName { get; set; }

    /// <summary>Gets the joins.</summary>
    [DataMember]
    public DataCollection<LinkEntity> LinkEntities { get; private set; }

    [DataMember(Order = 50)]
    public bool NoLock { get; set; }

    /// <summary>Gets the sort orders.</summary>
    [DataMember]
    public DataCollection<OrderExpression> Orders { get; private set; }

    /// <summary>Gets or sets the paging information.</summary>
    [DataMember]
    public PagingInfo PageInfo
    {
        get => _pageInfo ??= new PagingInfo();
        set => _pageInfo = value;
    }

    [DataMember(Order = 92, EmitDefaultValue = false)]
    public string? QueryHints { get; set; }

    [DataMember(IsRequired = false, EmitDefaultValue = false)]
    public QueryExpression? SubQueryExpression { get; set; }

    /// <summary>Gets or sets the maximum number of rows (not combinable with paging).</summary>
    [DataMember(Order = 50, EmitDefaultValue = false)]
    public int? TopCount { get; set; }

    public QueryExpression Accept(IQueryExpressionVisitor visitor)
    {
        return visitor is null ? this : visitor.Visit(this);
    }

    /// <summary>Adds an inner join from <see cref="EntityName"/> to <paramref name="linkToEntityName"/>.</summary>
    /// <param name="linkToEntityName">The entity to join to.</param>
    /// <param name="linkFromAttributeName">The attribute on this query's entity.</param>
    /// <param name="linkToAttributeName">The attribute on the joined entity.</param>
    /// <returns>The new link.</returns>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName!, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }

    /// <summary>Appends a sort order.</summary>
    /// <param name="attributeName">The attribute logical name.</param>
    /// <param name="orderType">The direction.</param>
    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }

    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
    {
        Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
    }
}
