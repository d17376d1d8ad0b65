using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Reads QueryExpression aggregates (<see cref="ColumnSet.AttributeExpressions"/> on the query
/// and its links) into the same <see cref="AggregateSpec"/> FetchXML aggregates use.
/// </summary>
internal static class AttributeExpressionAggregates
{
    /// <summary>Returns null when no column set of the query carries attribute expressions.</summary>
    public static AggregateSpec? From(QueryExpression query)
    {
        var columns = new List<AggregateColumn>();
        Add(columns, null, query.ColumnSet);
        AddLinks(columns, query.LinkEntities);
        return columns.Count == 0 ? null : new AggregateSpec(columns);
    }

    private static void AddLinks(List<AggregateColumn> columns, IEnumerable<LinkEntity> links)
    {
        foreach (var link in links)
        {
            Add(columns, link, link.Columns);
            AddLinks(columns, link.LinkEntities);
        }
    }

    private static void Add(List<AggregateColumn> columns, LinkEntity? link, ColumnSet? columnSet)
    {
        if (columnSet is null)
        {
            return;
        }

        foreach (var expression in columnSet.AttributeExpressions)
        {
            if (string.IsNullOrEmpty(expression.AttributeName) || string.IsNullOrEmpty(expression.Alias))
            {
                throw QueryFaults.InvalidArgument("An aggregate attribute expression needs an attribute name and an alias.");
            }

            var function = expression.AggregateType switch
            {
                XrmAggregateType.None when expression.HasGroupBy => AggregateFunction.GroupBy,
                XrmAggregateType.Count => AggregateFunction.Count,
                XrmAggregateType.CountColumn => AggregateFunction.CountColumn,
                XrmAggregateType.Sum => AggregateFunction.Sum,
                XrmAggregateType.Avg => AggregateFunction.Avg,
                XrmAggregateType.Min => AggregateFunction.Min,
                XrmAggregateType.Max => AggregateFunction.Max,
                _ => throw QueryFaults.InvalidArgument(QueryFaults.Format(
                    "Attribute expression '{0}' needs an aggregate type or HasGroupBy.", expression.Alias)),
            };
            var grouping = expression.DateTimeGrouping switch
            {
                XrmDateTimeGrouping.None => DateGrouping.None,
                XrmDateTimeGrouping.Day => DateGrouping.Day,
                XrmDateTimeGrouping.Week => DateGrouping.Week,
                XrmDateTimeGrouping.Month => DateGrouping.Month,
                XrmDateTimeGrouping.Quarter => DateGrouping.Quarter,
                XrmDateTimeGrouping.Year => DateGrouping.Year,
                _ => throw QueryFaults.InvalidArgument(QueryFaults.Format(
                    "Date grouping '{0}' needs the fiscal calendar, which the emulator does not model.", expression.DateTimeGrouping)),
            };
            columns.Add(new AggregateColumn(link, expression.AttributeName, expression.Alias, function, grouping, Distinct: false));
        }
    }
}
