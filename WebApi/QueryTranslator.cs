using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// Turns the query options OData's URI parser produced ($select, $filter, $orderby) into a QueryExpression, as Dataverse
/// runs a Web API query: comparisons, and/or/not, contains/startswith/endswith, <c>eq null</c>, lookups as
/// <c>_name_value</c>. Anything else is refused by name rather than answered wrongly.
/// </summary>
internal static class QueryTranslator
{
    public static ColumnSet Columns(SelectExpandClause? select)
    {
        if (select is null || select.AllSelected)
        {
            return new ColumnSet(true);
        }

        var columns = select.SelectedItems.OfType<PathSelectItem>()
            .Select(item => item.SelectedPath.LastSegment)
            .OfType<PropertySegment>()
            .Select(segment => ServedMetadata.ColumnOf(segment.Property.Name))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return columns.Length == 0 ? new ColumnSet(true) : new ColumnSet(columns);
    }

    /// <summary>The $select property names in request order, for @odata.context and null-valued columns.</summary>
    public static IReadOnlyList<string> SelectedProperties(SelectExpandClause? select) =>
        select is null || select.AllSelected
            ? []
            : select.SelectedItems.OfType<PathSelectItem>().Select(i => i.SelectedPath.LastSegment).OfType<PropertySegment>().Select(s => s.Property.Name).ToList();

    public static void AddOrders(QueryExpression query, OrderByClause? orderBy)
    {
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            query.AddOrder(Column(clause.Expression), clause.Direction == OrderByDirection.Ascending ? OrderType.Ascending : OrderType.Descending);
        }
    }

    public static FilterExpression Filter(FilterClause clause) => AsFilter(clause.Expression, negate: false);

    private static FilterExpression AsFilter(SingleValueNode node, bool negate)
    {
        node = Unwrap(node);
        if (node is UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not)
        {
            return AsFilter(not.Operand, !negate);
        }

        if (node is BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical)
        {
            // not (a and b) = not a or not b: QueryExpression has no NOT, so negation is pushed down to the conditions.
            var isAnd = logical.OperatorKind == BinaryOperatorKind.And ^ negate;
            var filter = new FilterExpression(isAnd ? LogicalOperator.And : LogicalOperator.Or);
            filter.AddFilter(AsFilter(logical.Left, negate));
            filter.AddFilter(AsFilter(logical.Right, negate));
            return filter;
        }

        var single = new FilterExpression(LogicalOperator.And);
        single.AddCondition(Condition(node, negate));
        return single;
    }

    private static ConditionExpression Condition(SingleValueNode node, bool negate)
    {
        switch (node)
        {
            case BinaryOperatorNode binary:
                {
                    var (column, value, kind) = Unwrap(binary.Left) is ConstantNode
                        ? (Column(binary.Right), Constant(binary.Left), Flip(binary.OperatorKind))
                        : (Column(binary.Left), Constant(binary.Right), binary.OperatorKind);
                    if (value is null)
                    {
                        return kind switch
                        {
                            BinaryOperatorKind.Equal => new ConditionExpression(column, negate ? ConditionOperator.NotNull : ConditionOperator.Null),
                            BinaryOperatorKind.NotEqual => new ConditionExpression(column, negate ? ConditionOperator.Null : ConditionOperator.NotNull),
                            _ => throw new ODataException($"The operator '{kind}' cannot compare with null."),
                        };
                    }

                    return new ConditionExpression(column, Comparison(negate ? Negate(kind) : kind), value);
                }

            case SingleValueFunctionCallNode call when call.Parameters.Count() == 2:
                {
                    var arguments = call.Parameters.Cast<SingleValueNode>().ToList();
                    var column = Column(arguments[0]);
                    var text = Constant(arguments[1]) as string ?? throw new ODataException($"{call.Name} expects a text value.");
                    return call.Name switch
                    {
                        "contains" => new ConditionExpression(column, negate ? ConditionOperator.NotLike : ConditionOperator.Like, $"%{text}%"),
                        "startswith" => new ConditionExpression(column, negate ? ConditionOperator.DoesNotBeginWith : ConditionOperator.BeginsWith, text),
                        "endswith" => new ConditionExpression(column, negate ? ConditionOperator.DoesNotEndWith : ConditionOperator.EndsWith, text),
                        _ => throw new ODataException($"The function '{call.Name}' is not supported in $filter here; use contains, startswith or endswith."),
                    };
                }

            default:
                throw new ODataException($"This $filter expression ({node.Kind}) is not supported here: use comparisons, and/or/not, contains, startswith, endswith.");
        }
    }

    private static string Column(SingleValueNode node) => Unwrap(node) switch
    {
        SingleValuePropertyAccessNode property => ServedMetadata.ColumnOf(property.Property.Name),
        var other => throw new ODataException($"Expected a column, found {other.Kind}."),
    };

    private static object? Constant(SingleValueNode node) => Unwrap(node) switch
    {
        ConstantNode { Value: DateTimeOffset moment } => moment.UtcDateTime,
#pragma warning disable CS0618 // ODL 8's URI parser still gives date literals (createdon ge 2024-01-01) as Edm.Date.
        ConstantNode { Value: Microsoft.OData.Edm.Date date } => new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc),
#pragma warning restore CS0618
        ConstantNode { Value: ODataEnumValue value } => value.Value,
        ConstantNode constant => constant.Value,
        var other => throw new ODataException($"Expected a value, found {other.Kind}."),
    };

    private static SingleValueNode Unwrap(SingleValueNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static ConditionOperator Comparison(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => ConditionOperator.Equal,
        BinaryOperatorKind.NotEqual => ConditionOperator.NotEqual,
        BinaryOperatorKind.GreaterThan => ConditionOperator.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual => ConditionOperator.GreaterEqual,
        BinaryOperatorKind.LessThan => ConditionOperator.LessThan,
        BinaryOperatorKind.LessThanOrEqual => ConditionOperator.LessEqual,
        _ => throw new ODataException($"The operator '{kind}' is not supported in $filter here."),
    };

    private static BinaryOperatorKind Negate(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => BinaryOperatorKind.NotEqual,
        BinaryOperatorKind.NotEqual => BinaryOperatorKind.Equal,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
        _ => kind,
    };

    private static BinaryOperatorKind Flip(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        _ => kind,
    };
}
