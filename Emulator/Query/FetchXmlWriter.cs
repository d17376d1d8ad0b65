using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// QueryExpressionToFetchXml: writes a QueryExpression as the FetchXML the parser reads back to the same query —
/// columns, filters (nested, and/or), conditions with their values, orders, links (from = the linked table's column,
/// to = the parent's), top/count/page, distinct and no-lock.
/// </summary>
internal static class FetchXmlWriter
{
    public static string Write(QueryExpression query)
    {
        var entity = new XElement("entity", new XAttribute("name", query.EntityName ?? ""));
        Body(entity, query.ColumnSet, query.Criteria, query.Orders, query.LinkEntities);
        var fetch = new XElement("fetch", new XAttribute("mapping", "logical"));
        if (query.Distinct)
        {
            fetch.Add(new XAttribute("distinct", "true"));
        }

        if (query.NoLock)
        {
            fetch.Add(new XAttribute("no-lock", "true"));
        }

        if (query.TopCount is { } top)
        {
            fetch.Add(new XAttribute("top", top.ToString(CultureInfo.InvariantCulture)));
        }

        if (query.PageInfo is { Count: > 0 } page)
        {
            fetch.Add(new XAttribute("count", page.Count.ToString(CultureInfo.InvariantCulture)));
            fetch.Add(new XAttribute("page", Math.Max(page.PageNumber, 1).ToString(CultureInfo.InvariantCulture)));
            if (page.PagingCookie is { Length: > 0 } cookie)
            {
                fetch.Add(new XAttribute("paging-cookie", cookie));
            }
        }

        if (query.PageInfo?.ReturnTotalRecordCount == true)
        {
            fetch.Add(new XAttribute("returntotalrecordcount", "true"));
        }

        fetch.Add(entity);
        return fetch.ToString(SaveOptions.DisableFormatting);
    }

    private static void Body(XElement element, ColumnSet? columns, FilterExpression? criteria, DataCollection<OrderExpression> orders, DataCollection<LinkEntity> links)
    {
        if (columns?.AllColumns == true)
        {
            element.Add(new XElement("all-attributes"));
        }
        else
        {
            element.Add(columns?.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))) ?? []);
        }

        element.Add(orders.Select(o => new XElement("order", new XAttribute("attribute", o.AttributeName ?? ""), new XAttribute("descending", o.OrderType == OrderType.Descending ? "true" : "false"))));
        if (criteria is { } filter && (filter.Conditions.Count > 0 || filter.Filters.Count > 0))
        {
            element.Add(Filter(filter));
        }

        foreach (var link in links)
        {
            var linked = new XElement(
                "link-entity",
                new XAttribute("name", link.LinkToEntityName ?? ""),
                new XAttribute("from", link.LinkToAttributeName ?? ""),
                new XAttribute("to", link.LinkFromAttributeName ?? ""),
                new XAttribute("link-type", FetchXmlParser.LinkTypeName(link.JoinOperator) ?? throw Unsupported($"join operator {link.JoinOperator}")));
            if (link.EntityAlias is { Length: > 0 } alias)
            {
                linked.Add(new XAttribute("alias", alias));
            }

            Body(linked, link.Columns, link.LinkCriteria, link.Orders, link.LinkEntities);
            element.Add(linked);
        }
    }

    private static XElement Filter(FilterExpression filter)
    {
        var element = new XElement("filter", new XAttribute("type", filter.FilterOperator == LogicalOperator.Or ? "or" : "and"));
        foreach (var condition in filter.Conditions)
        {
            var written = new XElement(
                "condition",
                new XAttribute("attribute", condition.AttributeName ?? ""),
                new XAttribute("operator", FetchXmlParser.OperatorName(condition.Operator) ?? throw Unsupported($"condition operator {condition.Operator}")));
            if (condition.EntityName is { Length: > 0 } entityName)
            {
                written.Add(new XAttribute("entityname", entityName));
            }

            if (condition.Values.Count == 1 && condition.Operator is not (ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.Between or ConditionOperator.NotBetween))
            {
                written.Add(new XAttribute("value", Text(condition.Values[0])));
            }
            else
            {
                written.Add(condition.Values.Select(v => new XElement("value", Text(v))));
            }

            element.Add(written);
        }

        element.Add(filter.Filters.Select(Filter));
        return element;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "1" : "0",
        DateTime date => date.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture),
        EntityReference reference => reference.Id.ToString("D"),
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        Money money => money.Value.ToString(CultureInfo.InvariantCulture),
        Enum number => Convert.ToInt32(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static System.ServiceModel.FaultException<OrganizationServiceFault> Unsupported(string what) =>
        Faults.InvalidArgumentFault($"QueryExpressionToFetchXml: the {what} has no FetchXML form.");
}
