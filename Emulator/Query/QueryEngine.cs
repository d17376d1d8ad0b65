using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Runs RetrieveMultiple queries (<see cref="QueryExpression"/>, <see cref="QueryByAttribute"/>
/// and <see cref="FetchExpression"/>) against an <see cref="IQuerySource"/>: filter, join,
/// sort, distinct, page and project, or aggregate for FetchXML with aggregate="true".
/// Relative date operators use <see cref="QueryEnvironment.UtcNow"/> and UTC calendar days.
/// Returned entities are fresh copies; the source's rows are never modified.
/// </summary>
internal sealed class QueryEngine
{
    /// <summary>Executes <paramref name="query"/> and returns one page of results.</summary>
    /// <param name="query">The query.</param>
    /// <param name="source">Tables, column metadata and stored rows.</param>
    /// <param name="environment">Clock, calling user and business unit.</param>
    /// <returns>The matching rows (copies), with paging information.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API by contract; hosts hold one engine.")]
    public EntityCollection Execute(QueryBase query, IQuerySource source, QueryEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(environment);

        return query switch
        {
            QueryExpression expression => new Execution(source, environment).Run(
                expression, AttributeExpressionAggregates.From(expression), null),
            QueryByAttribute byAttribute => new Execution(source, environment).Run(ToExpression(byAttribute), null, null),
            FetchExpression fetch => RunFetch(fetch, source, environment),
            _ => throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The query type '{0}' is not supported.", query.GetType().Name)),
        };
    }

    private static EntityCollection RunFetch(FetchExpression fetch, IQuerySource source, QueryEnvironment environment)
    {
        var parsed = FetchXmlParser.Parse(fetch.Query);
        return new Execution(source, environment).Run(parsed.Query, parsed.Aggregate, parsed.ColumnAliases);
    }

    private static QueryExpression ToExpression(QueryByAttribute query)
    {
        if (query.Attributes.Count == 0 || query.Attributes.Count != query.Values.Count)
        {
            throw QueryFaults.InvalidArgument(
                "QueryByAttribute needs at least one attribute and exactly one value per attribute.");
        }

        var expression = new QueryExpression
        {
            EntityName = query.EntityName,
            ColumnSet = query.ColumnSet ?? new ColumnSet(),
            TopCount = query.TopCount,
            PageInfo = query.PageInfo ?? new PagingInfo(),
        };
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            var value = query.Values[i];
            expression.Criteria.AddCondition(value is null
                ? new ConditionExpression(query.Attributes[i], ConditionOperator.Null)
                : new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, value));
        }

        foreach (var order in query.Orders)
        {
            expression.Orders.Add(order);
        }

        return expression;
    }

    /// <summary>One query run: owns the compiled pieces for that query only.</summary>
    private sealed class Execution
    {
        private readonly IQuerySource _source;
        private readonly ConditionCompiler _conditions;

        public Execution(IQuerySource source, QueryEnvironment environment)
        {
            _source = source;
            _conditions = new ConditionCompiler(source, environment);
        }

        public EntityCollection Run(
            QueryExpression query, AggregateSpec? aggregate, IReadOnlyDictionary<ColumnRef, string>? columnAliases)
        {
            var scope = new QueryPlanner(_source, _conditions).Plan(query.EntityName, query.Criteria, query.LinkEntities);
            var sortKeys = aggregate is null ? SortKeys(query, scope) : [];
            var rows = new JoinStep(_source, _conditions).Run(scope, limit: EarlyStop(query, aggregate, sortKeys));
            if (aggregate is not null)
            {
                return RunAggregate(query, aggregate, scope, rows);
            }

            rows = RowSorter.Sort(rows, sortKeys);
            var projector = new RowProjector(scope, query.ColumnSet, _conditions, query.Distinct, columnAliases);
            var primaryId = scope.Root.PrimaryId;
            List<Entity> page;
            PageSlice slice;
            int total;
            if (query.Distinct)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var distinct = new List<Entity>();
                foreach (var row in rows)
                {
                    var entity = projector.Project(row);
                    if (seen.Add(RowProjector.DistinctKey(entity)))
                    {
                        distinct.Add(entity);
                    }
                }

                total = distinct.Count;
                slice = Pager.Slice(total, query.PageInfo, query.TopCount, id => distinct.FindIndex(e => e.Id == id), primaryId);
                page = distinct.GetRange(slice.Start, slice.Count);
            }
            else
            {
                total = rows.Count;
                slice = Pager.Slice(total, query.PageInfo, query.TopCount, id => rows.FindIndex(r => QueryValues.ReadId(r[0]!, primaryId) == id), primaryId);
                page = rows.GetRange(slice.Start, slice.Count).ConvertAll(projector.Project);
            }

            var result = new EntityCollection(page) { EntityName = scope.Root.Table, MoreRecords = slice.MoreRecords };
            if (page.Count > 0 && query.TopCount is null)
            {
                result.PagingCookie = Pager.CreateCookie(primaryId, slice.PageNumber, page[0].Id, page[^1].Id);
            }

            SetTotal(result, query.PageInfo, total);
            return result;
        }

        private EntityCollection RunAggregate(QueryExpression query, AggregateSpec aggregate, ScopePlan scope, List<Entity?[]> rows)
        {
            var entities = Aggregator.Run(rows, aggregate, scope, _conditions);
            var aliases = new List<(string Alias, bool Descending)>();
            foreach (var order in query.Orders)
            {
                var alias = order.Alias ?? AliasOfGroup(aggregate, order.AttributeName);
                aliases.Add((alias, order.OrderType == OrderType.Descending));
            }

            if (aliases.Count > 0)
            {
                // Stable: groups that tie keep the order in which they were first met.
                var position = new Dictionary<Entity, int>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < entities.Count; i++)
                {
                    position[entities[i]] = i;
                }

                entities.Sort((a, b) =>
                {
                    foreach (var (alias, descending) in aliases)
                    {
                        var c = QueryValues.CompareNullable(AggregateValue(a, alias), AggregateValue(b, alias));
                        if (c != 0)
                        {
                            return descending ? -c : c;
                        }
                    }

                    return position[a].CompareTo(position[b]);
                });
            }

            var slice = Pager.Slice(entities.Count, query.PageInfo, query.TopCount, _ => -1, scope.Root.PrimaryId);
            var result = new EntityCollection(entities.GetRange(slice.Start, slice.Count))
            {
                EntityName = scope.Root.Table,
                MoreRecords = slice.MoreRecords,
            };
            SetTotal(result, query.PageInfo, entities.Count);
            return result;
        }

        private static string AliasOfGroup(AggregateSpec aggregate, string? attribute)
        {
            foreach (var column in aggregate.Columns)
            {
                if (column.Function == AggregateFunction.GroupBy
                    && string.Equals(column.Attribute, attribute, StringComparison.OrdinalIgnoreCase))
                {
                    return column.Alias;
                }
            }

            throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                "an aggregate query can only order by an alias or a groupby attribute; '{0}' is neither.", attribute));
        }

        private static object? AggregateValue(Entity entity, string alias) =>
            entity.Attributes.TryGetValue(alias, out var value) ? QueryValues.Normalize(value) : null;

        private List<SortKey> SortKeys(QueryExpression query, ScopePlan scope)
        {
            var keys = new List<SortKey>();
            foreach (var order in query.Orders)
            {
                var binding = string.IsNullOrEmpty(order.EntityName) ? scope.Root : scope.ResolveAlias(order.EntityName);
                keys.Add(Key(order, binding));
            }

            foreach (var join in scope.Joins)
            {
                foreach (var order in join.Link.Orders)
                {
                    keys.Add(Key(order, join.Binding));
                }
            }

            return keys;
        }

        private SortKey Key(OrderExpression order, SlotBinding binding)
        {
            if (string.IsNullOrEmpty(order.AttributeName))
            {
                throw QueryFaults.InvalidArgument("An order needs an attribute name outside aggregate queries.");
            }

            _conditions.KindOf(binding, order.AttributeName);
            return new SortKey(binding, order.AttributeName, order.OrderType == OrderType.Descending);
        }

        // TopCount without ordering takes the first rows met: the join stops once it has that many. Not with distinct
        // (duplicates drop out later), aggregates, ordering, paging (a fault) or a total count (it needs every row).
        private static int EarlyStop(QueryExpression query, AggregateSpec? aggregate, List<SortKey> sortKeys) =>
            query.TopCount is { } top && top >= 0 && aggregate is null && !query.Distinct && sortKeys.Count == 0
                && (query.PageInfo?.Count ?? 0) == 0 && query.PageInfo?.ReturnTotalRecordCount != true
                ? top
                : int.MaxValue;

        private static void SetTotal(EntityCollection result, PagingInfo? paging, int total)
        {
            if (paging?.ReturnTotalRecordCount == true)
            {
                result.TotalRecordCount = Math.Min(total, Pager.MaxPageSize);
                result.TotalRecordCountLimitExceeded = total > Pager.MaxPageSize;
            }
            else
            {
                result.TotalRecordCount = -1;
            }
        }
    }
}
