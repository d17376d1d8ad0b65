using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>The operator that ends a query and returns one row instead of a sequence.</summary>
internal enum Terminal
{
    None,
    First,
    FirstOrDefault,
    Single,
    SingleOrDefault,
}

/// <summary>A translated query: the QueryExpression for the server and what the client does with its rows.</summary>
internal sealed class QueryPlan
{
    public QueryPlan(IQueryRoot root)
    {
        Root = new QuerySource(root.EntityLogicalName, root.ElementType, null, null);
        Sources.Add(Root);
        Query = new QueryExpression(root.EntityLogicalName);
        Shape = new EntityShape(Root);
    }

    public QueryExpression Query { get; }

    public QuerySource Root { get; }

    public List<QuerySource> Sources { get; } = [];

    /// <summary>What each result is made of.</summary>
    public Shape Shape { get; set; }

    public int Skip { get; set; }

    public int? Take { get; set; }

    public Terminal Terminal { get; set; }

    public bool Distinct
    {
        get => Query.Distinct;
        set => Query.Distinct = value;
    }

    public bool IsPaged => Skip > 0 || Take is not null;
}

/// <summary>
/// Translates the operator chain of a LINQ query (Queryable calls on a <see cref="Query{T}"/> root) into a
/// <see cref="QueryPlan"/>. Supported: Where, OrderBy/ThenBy (descending), Select, Join on lookups, Distinct, Skip,
/// Take, First, FirstOrDefault, Single, SingleOrDefault; every other operator is refused with NotSupportedException.
/// </summary>
internal static class QueryTranslator
{
    public static QueryPlan Translate(Expression expression)
    {
        var calls = new Stack<MethodCallExpression>();
        var current = expression;
        while (current is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            calls.Push(call);
            current = call.Arguments[0];
        }

        if (current is MethodCallExpression other)
        {
            throw LinqErrors.Method(other.Method.Name);
        }

        var root = RootOf(current) ?? throw new NotSupportedException("A query must start from OrganizationServiceContext.CreateQuery.");
        var plan = new QueryPlan(root);
        while (calls.Count > 0)
        {
            var call = calls.Pop();
            Apply(plan, call, isLast: calls.Count == 0);
        }

        Finish(plan);
        return plan;
    }

    private static IQueryRoot? RootOf(Expression expression) =>
        expression is ConstantExpression { Value: IQueryRoot root } && root.EntityLogicalName.Length > 0 ? root : null;

    private static LambdaExpression Lambda(Expression argument) => (LambdaExpression)ExpressionReader.StripConversions(argument);

    private static bool HasLambda(MethodCallExpression call, int index) =>
        call.Arguments.Count > index && ExpressionReader.StripConversions(call.Arguments[index]) is LambdaExpression;

    private static void Apply(QueryPlan plan, MethodCallExpression call, bool isLast)
    {
        var name = call.Method.Name;
        switch (name)
        {
            case nameof(Queryable.Where) when HasLambda(call, 1) && Lambda(call.Arguments[1]).Parameters.Count == 1:
                Where(plan, Lambda(call.Arguments[1]), name);
                break;
            case nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending)
                when call.Arguments.Count == 2:
                OrderBy(plan, Lambda(call.Arguments[1]), name);
                break;
            case nameof(Queryable.Select) when HasLambda(call, 1) && Lambda(call.Arguments[1]).Parameters.Count == 1:
                Select(plan, Lambda(call.Arguments[1]));
                break;
            case nameof(Queryable.Join) when call.Arguments.Count == 5:
                Join(plan, call, JoinOperator.Inner);
                break;
            case nameof(Queryable.GroupJoin) when call.Arguments.Count == 5:
                Join(plan, call, JoinOperator.LeftOuter);
                break;
            case nameof(Queryable.SelectMany) when call.Arguments.Count == 3 && plan.Shape is not ProjectionShape:
                FlattenGroup(plan, Lambda(call.Arguments[1]), Lambda(call.Arguments[2]));
                break;
            case nameof(Queryable.Distinct) when call.Arguments.Count == 1:
                plan.Distinct = true;
                break;
            case nameof(Queryable.Skip):
                if (plan.Take is not null)
                {
                    throw LinqErrors.AfterPaging(name);
                }

                plan.Skip += Count(call);
                break;
            case nameof(Queryable.Take):
                var take = Count(call);
                plan.Take = plan.Take is null ? take : Math.Min(plan.Take.Value, take);
                break;
            case nameof(Queryable.First) or nameof(Queryable.FirstOrDefault) or nameof(Queryable.Single) or nameof(Queryable.SingleOrDefault)
                when isLast && (call.Arguments.Count == 1 || HasLambda(call, 1)):
                if (call.Arguments.Count == 2)
                {
                    Where(plan, Lambda(call.Arguments[1]), name);
                }

                plan.Terminal = (Terminal)Enum.Parse(typeof(Terminal), name);
                break;
            default:
                throw LinqErrors.Method(name);
        }
    }

    private static int Count(MethodCallExpression call)
    {
        var value = new ExpressionReader(Expression.Lambda(call.Arguments[0])).Value(call.Arguments[1]);
        return value is int count && count >= 0 ? count : throw LinqErrors.Method(call.Method.Name);
    }

    private static void Where(QueryPlan plan, LambdaExpression predicate, string name)
    {
        if (plan.Shape is ProjectionShape)
        {
            throw LinqErrors.AfterProjection(name);
        }

        if (plan.IsPaged)
        {
            throw LinqErrors.AfterPaging(name);
        }

        var translator = new FilterTranslator(new ExpressionReader(predicate, plan.Shape));
        var filter = translator.Translate(predicate.Body);
        if (translator.Source is not { } source)
        {
            return;
        }

        // Conditions on an outer-joined table filter the result rows (as LINQ's where does), not the join: they go to the
        // root criteria, addressed by the link's alias; an inner join's may sit in its link criteria.
        if (source.IsOuter)
        {
            Address(filter, source.Alias!);
        }

        var criteria = source.IsOuter ? plan.Query.Criteria : source.Link?.LinkCriteria ?? plan.Query.Criteria;
        if (criteria.FilterOperator == LogicalOperator.And && filter.FilterOperator == LogicalOperator.And)
        {
            criteria.Conditions.AddRange(filter.Conditions);
            criteria.Filters.AddRange(filter.Filters);
        }
        else
        {
            criteria.AddFilter(filter);
        }
    }

    private static void Address(FilterExpression filter, string alias)
    {
        foreach (var condition in filter.Conditions)
        {
            condition.EntityName = alias;
        }

        foreach (var child in filter.Filters)
        {
            Address(child, alias);
        }
    }

    private static void OrderBy(QueryPlan plan, LambdaExpression key, string name)
    {
        if (plan.Shape is ProjectionShape)
        {
            throw LinqErrors.AfterProjection(name);
        }

        if (plan.IsPaged)
        {
            throw LinqErrors.AfterPaging(name);
        }

        var column = new ExpressionReader(key, plan.Shape).Column(key.Body);
        if (column is null || !column.Source.IsRoot)
        {
            throw LinqErrors.InvalidOrderBy();
        }

        if (name.StartsWith("OrderBy", StringComparison.Ordinal))
        {
            plan.Query.Orders.Clear();
        }

        var descending = name.EndsWith("Descending", StringComparison.Ordinal);
        plan.Query.AddOrder(column.Attribute, descending ? OrderType.Descending : OrderType.Ascending);
    }

    private static void Select(QueryPlan plan, LambdaExpression selector)
    {
        if (plan.Shape is ProjectionShape)
        {
            throw LinqErrors.AfterProjection(nameof(Queryable.Select));
        }

        var reader = new ExpressionReader(selector, plan.Shape);
        plan.Shape = reader.Shape(selector.Body) ?? new ProjectionShape(selector, [plan.Shape]);
    }

    private static void Join(QueryPlan plan, MethodCallExpression call, JoinOperator joinOperator)
    {
        var name = call.Method.Name;
        if (plan.Shape is ProjectionShape)
        {
            throw LinqErrors.AfterProjection(name);
        }

        if (plan.IsPaged)
        {
            throw LinqErrors.AfterPaging(name);
        }

        var inner = RootOf(call.Arguments[1])
            ?? throw LinqErrors.InvalidJoin("Join a table straight from CreateQuery and filter it in a where clause.");
        var outerKey = Lambda(call.Arguments[2]);
        var innerKey = Lambda(call.Arguments[3]);
        var result = Lambda(call.Arguments[4]);

        var from = new ExpressionReader(outerKey, plan.Shape).Column(outerKey.Body)
            ?? throw LinqErrors.InvalidJoin($"The key '{outerKey.Body}' is not a column.");
        var alias = UniqueAlias(plan, innerKey.Parameters[0].Name ?? inner.EntityLogicalName);
        var link = new LinkEntity(from.Source.LogicalName, inner.EntityLogicalName, from.Attribute, string.Empty, joinOperator)
        {
            EntityAlias = alias,
            Columns = new ColumnSet(),
        };
        var source = new QuerySource(inner.EntityLogicalName, inner.ElementType, alias, link);
        var to = new ExpressionReader(innerKey, new EntityShape(source)).Column(innerKey.Body);
        if (to is null || !ReferenceEquals(to.Source, source))
        {
            throw LinqErrors.InvalidJoin($"The key '{innerKey.Body}' is not a column of '{inner.EntityLogicalName}'.");
        }

        link.LinkToAttributeName = to.Attribute;
        (from.Source.Link?.LinkEntities ?? plan.Query.LinkEntities).Add(link);
        plan.Sources.Add(source);

        // Join: (outer, inner) => …; GroupJoin: (outer, group) => … where only SelectMany may open the group.
        Shape innerShape = joinOperator == JoinOperator.Inner ? new EntityShape(source) : new GroupShape(source);
        var reader = new ExpressionReader(result, plan.Shape, innerShape);
        plan.Shape = reader.Shape(result.Body)
            ?? (joinOperator == JoinOperator.Inner
                ? new ProjectionShape(result, [plan.Shape, innerShape])
                : throw LinqErrors.InvalidJoin("Only a left outer join (join … into g from x in g.DefaultIfEmpty()) can use the group."));
    }

    /// <summary>
    /// <c>from x in g.DefaultIfEmpty()</c> after a GroupJoin: the left outer join's rows (x null without a match);
    /// <c>from x in g</c> makes it an inner join.
    /// </summary>
    private static void FlattenGroup(QueryPlan plan, LambdaExpression collection, LambdaExpression result)
    {
        var reader = new ExpressionReader(collection, plan.Shape);
        var body = ExpressionReader.StripConversions(collection.Body);
        var outer = body is MethodCallExpression { Method.Name: nameof(Enumerable.DefaultIfEmpty), Arguments.Count: 1 } call
            && call.Method.DeclaringType == typeof(Enumerable);
        var group = reader.Shape(outer ? ((MethodCallExpression)body).Arguments[0] : body) as GroupShape
            ?? throw LinqErrors.Method(nameof(Queryable.SelectMany));
        if (!outer)
        {
            group.Source.Link!.JoinOperator = JoinOperator.Inner;
        }

        var innerShape = new EntityShape(group.Source);
        var resultReader = new ExpressionReader(result, plan.Shape, innerShape);
        plan.Shape = resultReader.Shape(result.Body) ?? new ProjectionShape(result, [plan.Shape, innerShape]);
    }

    private static string UniqueAlias(QueryPlan plan, string wanted)
    {
        var alias = wanted;
        for (var n = 2; plan.Sources.Any(s => string.Equals(s.Alias, alias, StringComparison.Ordinal)); n++)
        {
            alias = wanted + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return alias;
    }

    /// <summary>Asks the server for the columns the result reads: whole entities get every column, projections theirs.</summary>
    private static void Finish(QueryPlan plan)
    {
        MarkColumns(plan.Shape);
        var withIds = !plan.Distinct;
        plan.Query.ColumnSet = plan.Root.ToColumnSet(withIds);
        foreach (var source in plan.Sources.Where(s => s.Link is not null))
        {
            var used = source.AllColumns || source.Columns.Count > 0;
            source.Link!.Columns = used ? source.ToColumnSet(withIds) : new ColumnSet();
        }
    }

    private static void MarkColumns(Shape shape)
    {
        switch (shape)
        {
            case EntityShape entity:
                entity.Source.AllColumns = true;
                break;
            case RecordShape record:
                foreach (var member in record.Members)
                {
                    MarkColumns(member);
                }

                break;
            case ProjectionShape projection:
                new ColumnCollector(new ExpressionReader(projection.Selector, projection.Arguments.ToArray())).Visit(projection.Selector.Body);
                break;
            default:
                break;
        }
    }

    /// <summary>Records the columns a projection reads; an entity used whole needs all of its columns.</summary>
    private sealed class ColumnCollector(ExpressionReader reader) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            if (node is MemberExpression or MethodCallExpression && reader.Column(node) is { } column)
            {
                column.Source.Columns.Add(column.Attribute);
                return node;
            }

            if (node is ParameterExpression or MemberExpression && reader.Shape(node) is { } shape)
            {
                MarkColumns(shape);
                return node;
            }

            return base.Visit(node);
        }
    }
}
