using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from one entity to another in a <see cref="QueryExpression"/>.</summary>
[DataContract(Name = "LinkEntity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class LinkEntity : IExtensibleDataObject
{
    private ColumnSet _columns = new();
    private FilterExpression _linkCriteria = new();

    public LinkEntity()
    {
        LinkEntities = new DataCollection<LinkEntity>();
        Orders = new DataCollection<OrderExpression>();
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        : this()
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    [DataMember]
    public ColumnSet Columns
    {
        get => _columns ??= new ColumnSet();
        set => _columns = value;
    }

    [DataMember]
    public string? EntityAlias { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public JoinOperator JoinOperator { get; set; }

    [DataMember]
    public FilterExpression LinkCriteria
    {
        get => _linkCriteria ??= new FilterExpression();
        set => _linkCriteria = value;
    }

    [DataMember]
    public DataCollection<LinkEntity> LinkEntities { get; private set; }

    [DataMember]
    public string? LinkFromAttributeName { get; set; }

    [DataMember]
    public string? LinkFromEntityName { get; set; }

    [DataMember]
    public string? LinkToAttributeName { get; set; }

    [DataMember]
    public string? LinkToEntityName { get; set; }

    [DataMember(Order = 80)]
    public DataCollection<OrderExpression> Orders { get; private set; }

    /// <summary>Adds an inner join from this link's entity to <paramref name="linkToEntityName"/>.</summary>
    /// <param name="linkToEntityName">The entity to join to.</param>
    /// <param name="linkFromAttributeName">The attribute on this link's entity.</param>
    /// <param name="linkToAttributeName">The attribute on the joined entity.</param>
    /// <returns>The new link.</returns>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        // Microsoft's SDK gives the nested link this link's LinkFromEntityName (observed, issue 18); queries join on the
        // parent link's table regardless, so the name is informational.
        var link = new LinkEntity(LinkFromEntityName!, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
