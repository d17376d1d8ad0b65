using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Xml;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>A column of the root table (<see cref="Link"/> null) or of a link.</summary>
internal readonly record struct ColumnRef(LinkEntity? Link, string Attribute);

/// <summary>
/// A parsed FetchXML query: the equivalent <see cref="QueryExpression"/>, the aggregate part, and
/// the aliases given to plain (non-aggregate) attributes.
/// </summary>
internal sealed record FetchQuery(QueryExpression Query, AggregateSpec? Aggregate, IReadOnlyDictionary<ColumnRef, string> ColumnAliases);

/// <summary>
/// Parses FetchXML into a <see cref="FetchQuery"/>. Structure is checked strictly (unknown
/// elements or attributes, missing required attributes, bad numbers, operators, link types)
/// and reported as a fault; values stay strings here and are converted with the column's kind
/// when the query is compiled. FetchXML link-entity "from" is the linked table's column
/// (<see cref="LinkEntity.LinkToAttributeName"/>) and "to" the parent's
/// (<see cref="LinkEntity.LinkFromAttributeName"/>).
/// </summary>
internal static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["neq"] = ConditionOperator.NotEqual,
        ["ne"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["today"] = ConditionOperator.Today,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days,
        ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-week"] = ConditionOperator.LastWeek,
        ["this-week"] = ConditionOperator.ThisWeek,
        ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth,
        ["this-month"] = ConditionOperator.ThisMonth,
        ["next-month"] = ConditionOperator.NextMonth,
        ["on"] = ConditionOperator.On,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["not-on"] = ConditionOperator.NotOn,
        ["last-year"] = ConditionOperator.LastYear,
        ["this-year"] = ConditionOperator.ThisYear,
        ["next-year"] = ConditionOperator.NextYear,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks,
        ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths,
        ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears,
        ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
        ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
        ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-userteams"] = ConditionOperator.EqualUserTeams,
        ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
        ["eq-useroruserhierarchy"] = ConditionOperator.EqualUserOrUserHierarchy,
        ["eq-useroruserhierarchyandteams"] = ConditionOperator.EqualUserOrUserHierarchyAndTeams,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId,
        ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
        ["eq-userlanguage"] = ConditionOperator.EqualUserLanguage,
        ["this-fiscal-year"] = ConditionOperator.ThisFiscalYear,
        ["this-fiscal-period"] = ConditionOperator.ThisFiscalPeriod,
        ["next-fiscal-year"] = ConditionOperator.NextFiscalYear,
        ["next-fiscal-period"] = ConditionOperator.NextFiscalPeriod,
        ["last-fiscal-year"] = ConditionOperator.LastFiscalYear,
        ["last-fiscal-period"] = ConditionOperator.LastFiscalPeriod,
        ["last-x-fiscal-years"] = ConditionOperator.LastXFiscalYears,
        ["last-x-fiscal-periods"] = ConditionOperator.LastXFiscalPeriods,
        ["next-x-fiscal-years"] = ConditionOperator.NextXFiscalYears,
        ["next-x-fiscal-periods"] = ConditionOperator.NextXFiscalPeriods,
        ["in-fiscal-year"] = ConditionOperator.InFiscalYear,
        ["in-fiscal-period"] = ConditionOperator.InFiscalPeriod,
        ["in-fiscal-period-and-year"] = ConditionOperator.InFiscalPeriodAndYear,
        ["in-or-before-fiscal-period-and-year"] = ConditionOperator.InOrBeforeFiscalPeriodAndYear,
        ["in-or-after-fiscal-period-and-year"] = ConditionOperator.InOrAfterFiscalPeriodAndYear,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["under"] = ConditionOperator.Under,
        ["eq-or-under"] = ConditionOperator.UnderOrEqual,
        ["not-under"] = ConditionOperator.NotUnder,
        ["above"] = ConditionOperator.Above,
        ["eq-or-above"] = ConditionOperator.AboveOrEqual,
        ["contain-values"] = ConditionOperator.ContainValues,
        ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
    };

    private static readonly Dictionary<string, JoinOperator> LinkTypes = new(StringComparer.Ordinal)
    {
        ["inner"] = JoinOperator.Inner,
        ["outer"] = JoinOperator.LeftOuter,
        ["any"] = JoinOperator.Any,
        ["not-any"] = JoinOperator.NotAny,
        ["all"] = JoinOperator.All,
        ["not-all"] = JoinOperator.NotAll,
        ["exists"] = JoinOperator.Exists,
        ["in"] = JoinOperator.In,
        ["matchfirstrowusingcrossapply"] = JoinOperator.MatchFirstRowUsingCrossApply,
    };

    /// <summary>The FetchXML name of a condition operator (the first spelling when there are two), or null.</summary>
    internal static string? OperatorName(ConditionOperator conditionOperator) =>
        Operators.FirstOrDefault(pair => pair.Value == conditionOperator).Key;

    /// <summary>The FetchXML link-type of a join operator, or null.</summary>
    internal static string? LinkTypeName(JoinOperator joinOperator) =>
        LinkTypes.FirstOrDefault(pair => pair.Value == joinOperator).Key;

    private static readonly HashSet<string> FetchAttributes = new(StringComparer.Ordinal)
    {
        "version", "count", "page", "paging-cookie", "utc-offset", "aggregate", "distinct", "top", "mapping",
        "min-active-row-version", "output-format", "returntotalrecordcount", "no-lock", "latematerialize",
        "useraworderby", "options", "datasource", "aggregatelimit",
    };

    private static readonly HashSet<string> EntityAttributes = new(StringComparer.Ordinal)
    {
        "name", "enableprefiltering", "prefilterparametername",
    };

    private static readonly HashSet<string> LinkAttributes = new(StringComparer.Ordinal)
    {
        "name", "from", "to", "alias", "link-type", "visible", "intersect", "enableprefiltering", "prefilterparametername",
    };

    private static readonly HashSet<string> AttributeAttributes = new(StringComparer.Ordinal)
    {
        "name", "build", "addedby", "alias", "aggregate", "groupby", "dategrouping", "usertimezone", "distinct", "rowaggregate",
    };

    private static readonly HashSet<string> OrderAttributes = new(StringComparer.Ordinal) { "attribute", "alias", "descending", "entityname" };

    private static readonly HashSet<string> FilterAttributes = new(StringComparer.Ordinal)
    {
        "type", "isquickfindfields", "overridequickfindrecordlimitenabled", "overridequickfindrecordlimitdisabled", "hint",
    };

    private static readonly HashSet<string> ConditionAttributes = new(StringComparer.Ordinal)
    {
        "column", "attribute", "entityname", "operator", "value", "valueof", "aggregate", "rowaggregate", "alias",
        "uiname", "uitype", "uihidden",
    };

    public static FetchQuery Parse(string? fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml))
        {
            throw QueryFaults.InvalidFetchXml("the query is empty.");
        }

        XElement fetch;
        try
        {
            fetch = SafeXml.Parse(fetchXml);
        }
        catch (XmlException ex)
        {
            throw QueryFaults.InvalidFetchXml(ex.Message);
        }

        if (fetch.Name != "fetch")
        {
            throw QueryFaults.InvalidFetchXml(QueryFaults.Format("the root element must be <fetch>, not <{0}>.", fetch.Name));
        }

        CheckAttributes(fetch, FetchAttributes);
        var entities = fetch.Elements().Where(e => e.Name == "entity").ToList();
        if (entities.Count != 1)
        {
            throw QueryFaults.InvalidFetchXml("<fetch> must contain exactly one <entity>.");
        }

        var isAggregate = Bool(fetch, "aggregate");
        var context = new ParseContext(isAggregate);
        var entity = entities[0];
        CheckAttributes(entity, EntityAttributes);
        var query = new QueryExpression(Required(entity, "name"))
        {
            Distinct = Bool(fetch, "distinct"),
            TopCount = Int(fetch, "top"),
            NoLock = Bool(fetch, "no-lock"),
            PageInfo = new PagingInfo
            {
                Count = Int(fetch, "count") ?? 0,
                PageNumber = Int(fetch, "page") ?? 0,
                PagingCookie = (string?)fetch.Attribute("paging-cookie"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            },
        };

        foreach (var child in fetch.Elements())
        {
            if (child.Name == "order")
            {
                query.Orders.Add(ParseOrder(child));
            }
            else if (child.Name != "entity")
            {
                throw Unexpected(child, fetch);
            }
        }

        var columns = new ColumnSet();
        var sawColumns = false;
        var filters = new List<FilterExpression>();
        foreach (var child in entity.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "all-attributes":
                    columns.AllColumns = true;
                    sawColumns = true;
                    break;
                case "attribute":
                    context.AddAttribute(child, null, columns);
                    sawColumns = true;
                    break;
                case "order":
                    query.Orders.Add(ParseOrder(child));
                    break;
                case "filter":
                    filters.Add(ParseFilter(child));
                    break;
                case "link-entity":
                    query.LinkEntities.Add(ParseLink(child, query.EntityName!, context));
                    break;
                default:
                    throw Unexpected(child, entity);
            }
        }

        // FetchXML returns every column when none is named (the opposite of QueryExpression).
        query.ColumnSet = sawColumns || isAggregate ? columns : new ColumnSet(true);
        query.Criteria = Merge(filters);
        if (isAggregate && context.AggregateColumns.Count == 0)
        {
            throw QueryFaults.InvalidFetchXml("an aggregate query needs at least one attribute with aggregate or groupby.");
        }

        return new FetchQuery(query, isAggregate ? new AggregateSpec(context.AggregateColumns) : null, context.ColumnAliases);
    }

    private static LinkEntity ParseLink(XElement element, string parentTable, ParseContext context)
    {
        CheckAttributes(element, LinkAttributes);
        var linkTypeText = (string?)element.Attribute("link-type") ?? "inner";
        if (!LinkTypes.TryGetValue(linkTypeText, out var join))
        {
            throw QueryFaults.InvalidFetchXml(QueryFaults.Format("unknown link-type '{0}'.", linkTypeText));
        }

        var name = Required(element, "name");
        var link = new LinkEntity(parentTable, name, Required(element, "to"), Required(element, "from"), join)
        {
            EntityAlias = (string?)element.Attribute("alias"),
            Columns = new ColumnSet(),
        };

        var filters = new List<FilterExpression>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "all-attributes":
                    link.Columns.AllColumns = true;
                    break;
                case "attribute":
                    context.AddAttribute(child, link, link.Columns);
                    break;
                case "order":
                    link.Orders.Add(ParseOrder(child));
                    break;
                case "filter":
                    filters.Add(ParseFilter(child));
                    break;
                case "link-entity":
                    link.LinkEntities.Add(ParseLink(child, name, context));
                    break;
                default:
                    throw Unexpected(child, element);
            }
        }

        link.LinkCriteria = Merge(filters);
        return link;
    }

    private static OrderExpression ParseOrder(XElement element)
    {
        CheckAttributes(element, OrderAttributes);
        CheckNoChildren(element);
        var attribute = (string?)element.Attribute("attribute");
        var alias = (string?)element.Attribute("alias");
        if (string.IsNullOrEmpty(attribute) && string.IsNullOrEmpty(alias))
        {
            throw QueryFaults.InvalidFetchXml("<order> needs an attribute or an alias.");
        }

        return new OrderExpression
        {
            AttributeName = attribute,
            Alias = alias,
            EntityName = (string?)element.Attribute("entityname"),
            OrderType = Bool(element, "descending") ? OrderType.Descending : OrderType.Ascending,
        };
    }

    private static FilterExpression ParseFilter(XElement element)
    {
        CheckAttributes(element, FilterAttributes);
        var type = (string?)element.Attribute("type") ?? "and";
        var filter = new FilterExpression(type switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            _ => throw QueryFaults.InvalidFetchXml(QueryFaults.Format("filter type must be 'and' or 'or', not '{0}'.", type)),
        });
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition":
                    filter.AddCondition(ParseCondition(child));
                    break;
                case "filter":
                    filter.AddFilter(ParseFilter(child));
                    break;
                default:
                    throw Unexpected(child, element);
            }
        }

        return filter;
    }

    private static ConditionExpression ParseCondition(XElement element)
    {
        CheckAttributes(element, ConditionAttributes);
        var attribute = (string?)element.Attribute("attribute") ?? (string?)element.Attribute("column");
        if (string.IsNullOrEmpty(attribute))
        {
            throw QueryFaults.InvalidFetchXml("<condition> needs an attribute.");
        }

        var operatorText = Required(element, "operator");
        if (!Operators.TryGetValue(operatorText, out var op))
        {
            throw QueryFaults.InvalidFetchXml(QueryFaults.Format("unknown condition operator '{0}'.", operatorText));
        }

        var condition = new ConditionExpression { AttributeName = attribute, Operator = op };
        condition.EntityName = (string?)element.Attribute("entityname");
        var valueOf = (string?)element.Attribute("valueof");
        if (valueOf is not null)
        {
            condition.CompareColumns = true;
            condition.Values.Add(valueOf);
        }

        if (element.Attribute("value") is { } valueAttribute)
        {
            condition.Values.Add(valueAttribute.Value);
        }

        foreach (var child in element.Elements())
        {
            if (child.Name != "value")
            {
                throw Unexpected(child, element);
            }

            condition.Values.Add(child.Value);
        }

        return condition;
    }

    private static FilterExpression Merge(List<FilterExpression> filters)
    {
        if (filters.Count == 1)
        {
            return filters[0];
        }

        var merged = new FilterExpression(LogicalOperator.And);
        foreach (var filter in filters)
        {
            merged.AddFilter(filter);
        }

        return merged;
    }

    private static string Required(XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        return string.IsNullOrEmpty(value)
            ? throw QueryFaults.InvalidFetchXml(QueryFaults.Format("<{0}> needs the '{1}' attribute.", element.Name, attribute))
            : value;
    }

    private static bool Bool(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        return text switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            _ => throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                "'{0}' on <{1}> must be true, false, 1 or 0, not '{2}'.", attribute, element.Name, text)),
        };
    }

    private static int? Int(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                "'{0}' on <{1}> must be a non-negative whole number, not '{2}'.", attribute, element.Name, text));
    }

    private static void CheckAttributes(XElement element, HashSet<string> allowed)
    {
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration && !allowed.Contains(attribute.Name.ToString()))
            {
                throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                    "<{0}> does not accept the attribute '{1}'.", element.Name, attribute.Name));
            }
        }
    }

    private static void CheckNoChildren(XElement element)
    {
        if (element.HasElements)
        {
            throw Unexpected(element.Elements().First(), element);
        }
    }

    private static FaultException<OrganizationServiceFault> Unexpected(XElement child, XElement parent) =>
        QueryFaults.InvalidFetchXml(QueryFaults.Format("<{0}> is not allowed inside <{1}>.", child.Name, parent.Name));

    private sealed class ParseContext(bool isAggregate)
    {
        public List<AggregateColumn> AggregateColumns { get; } = [];

        public Dictionary<ColumnRef, string> ColumnAliases { get; } = [];

        public void AddAttribute(XElement element, LinkEntity? link, ColumnSet columns)
        {
            CheckAttributes(element, AttributeAttributes);
            CheckNoChildren(element);
            var name = Required(element, "name");
            var aggregateText = (string?)element.Attribute("aggregate");
            var groupBy = Bool(element, "groupby");
            if (!isAggregate)
            {
                if (aggregateText is not null || groupBy)
                {
                    throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                        "attribute '{0}' uses aggregate or groupby but <fetch> is not aggregate='true'.", name));
                }

                columns.AddColumn(name);
                if ((string?)element.Attribute("alias") is { Length: > 0 } columnAlias)
                {
                    ColumnAliases[new ColumnRef(link, name)] = columnAlias;
                }

                return;
            }

            var alias = (string?)element.Attribute("alias");
            if (string.IsNullOrEmpty(alias))
            {
                throw QueryFaults.InvalidFetchXml(QueryFaults.Format("aggregate attribute '{0}' needs an alias.", name));
            }

            AggregateFunction function;
            if (groupBy)
            {
                if (aggregateText is not null)
                {
                    throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                        "attribute '{0}' cannot have both aggregate and groupby.", name));
                }

                function = AggregateFunction.GroupBy;
            }
            else
            {
                function = aggregateText switch
                {
                    "count" => AggregateFunction.Count,
                    "countcolumn" => AggregateFunction.CountColumn,
                    "sum" => AggregateFunction.Sum,
                    "avg" => AggregateFunction.Avg,
                    "min" => AggregateFunction.Min,
                    "max" => AggregateFunction.Max,
                    null => throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                        "in an aggregate query, attribute '{0}' needs aggregate or groupby.", name)),
                    _ => throw QueryFaults.InvalidFetchXml(QueryFaults.Format("unknown aggregate '{0}'.", aggregateText)),
                };
            }

            var groupingText = (string?)element.Attribute("dategrouping");
            var grouping = groupingText switch
            {
                null => DateGrouping.None,
                "day" => DateGrouping.Day,
                "week" => DateGrouping.Week,
                "month" => DateGrouping.Month,
                "quarter" => DateGrouping.Quarter,
                "year" => DateGrouping.Year,
                "fiscal-period" or "fiscal-year" => throw QueryFaults.InvalidArgument(QueryFaults.Format(
                    "dategrouping '{0}' needs the fiscal calendar, which the emulator does not model.", groupingText)),
                _ => throw QueryFaults.InvalidFetchXml(QueryFaults.Format("unknown dategrouping '{0}'.", groupingText)),
            };

            AggregateColumns.Add(new AggregateColumn(link, name, alias, function, grouping, Bool(element, "distinct")));
        }
    }
}
