using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>
/// Runs a <see cref="QueryPlan"/>: retrieves the rows through the context (RetrieveMultiple, server-side paging for
/// Skip/Take), splits each row into the entities of its tables, and builds the results (entities, or projections
/// evaluated on the client).
/// </summary>
internal sealed class QueryRunner(OrganizationServiceContext context)
{
    // Rows per request when the whole result is read page by page (the platform's maximum page size).
    private const int PageSize = 5000;

    private Delegate? _projection;

    public object? Run(QueryPlan plan)
    {
        var results = new List<object?>();
        foreach (var row in Retrieve(plan))
        {
            var entities = Split(plan, row);
            results.Add(Build(plan.Shape, entities, track: true));
        }

        if (plan.Distinct && plan.Shape is not EntityShape)
        {
            results = results.Distinct().ToList();
        }

        return plan.Terminal switch
        {
            Terminal.None => results,
            Terminal.First => results.Count > 0 ? results[0] : throw new InvalidOperationException("Sequence contains no elements"),
            Terminal.FirstOrDefault => results.Count > 0 ? results[0] : null,
            Terminal.Single => results.Count == 1 ? results[0] : throw SingleError(results.Count),
            Terminal.SingleOrDefault => results.Count switch
            {
                0 => null,
                1 => results[0],
                _ => throw SingleError(results.Count),
            },
            _ => throw new InvalidOperationException(plan.Terminal.ToString()),
        };
    }

    private static InvalidOperationException SingleError(int count) =>
        new(count == 0 ? "Sequence contains no elements" : "Sequence contains more than one element");

    /// <summary>The rows of the plan, Skip and Take applied (by the server when they map to a page).</summary>
    private List<Entity> Retrieve(QueryPlan plan)
    {
        var limit = plan.Take;
        if (plan.Terminal is Terminal.First or Terminal.FirstOrDefault)
        {
            limit = Math.Min(limit ?? 1, 1);
        }
        else if (plan.Terminal is Terminal.Single or Terminal.SingleOrDefault)
        {
            limit = Math.Min(limit ?? 2, 2);
        }

        if (plan.Skip > 0 && plan.Take is int take && plan.Skip < take)
        {
            throw LinqErrors.SkipLessThanTake();
        }

        var query = plan.Query;
        if (limit == 0)
        {
            return [];
        }

        if (limit is int top && plan.Skip == 0)
        {
            query.TopCount = top;
            return [.. context.RetrieveMultiple(query).Entities];
        }

        if (limit is int count && plan.Skip % count == 0)
        {
            query.PageInfo = new PagingInfo { Count = count, PageNumber = (plan.Skip / count) + 1 };
            return [.. context.RetrieveMultiple(query).Entities.Take(count)];
        }

        var rows = AllPages(query);
        var skipped = rows.Skip(plan.Skip);
        return (limit is int rest ? skipped.Take(rest) : skipped).ToList();
    }

    private List<Entity> AllPages(QueryExpression query)
    {
        var rows = new List<Entity>();
        query.PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 };
        while (true)
        {
            var page = context.RetrieveMultiple(query);
            rows.AddRange(page.Entities);
            if (!page.MoreRecords)
            {
                return rows;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    /// <summary>One entity per table of the query: the root's own columns, each joined table's from its aliased values.</summary>
    private static Dictionary<QuerySource, Entity?> Split(QueryPlan plan, Entity row)
    {
        var entities = new Dictionary<QuerySource, Entity?>();
        if (plan.Sources.Count == 1)
        {
            entities[plan.Root] = row;
            return entities;
        }

        var root = new Entity(row.LogicalName, row.Id);
        var links = plan.Sources.Where(s => s.Alias is not null).ToDictionary(s => s.Alias! + ".", s => new Entity(s.LogicalName), StringComparer.Ordinal);
        foreach (var pair in row.Attributes)
        {
            var prefix = links.Keys.FirstOrDefault(p => pair.Key.StartsWith(p, StringComparison.Ordinal));
            if (prefix is not null && pair.Value is AliasedValue aliased)
            {
                links[prefix][pair.Key.Substring(prefix.Length)] = aliased.Value!;
            }
            else
            {
                root.Attributes[pair.Key] = pair.Value;
            }
        }

        foreach (var pair in row.FormattedValues)
        {
            root.FormattedValues[pair.Key] = pair.Value;
        }

        entities[plan.Root] = root;
        foreach (var source in plan.Sources.Where(s => s.Alias is not null))
        {
            var linked = links[source.Alias + "."];
            if (linked.Attributes.TryGetValue(source.PrimaryId, out var id) && id is Guid guid)
            {
                linked.Id = guid;
            }

            entities[source] = source.IsOuter && linked.Attributes.Count == 0 ? null : linked;
        }

        return entities;
    }

    /// <summary>An entity as the class the query names: early-bound rows become instances of that class.</summary>
    private static Entity As(Entity entity, Type type)
    {
        if (type.IsInstanceOfType(entity) && (type == typeof(Entity) || entity.GetType() == type))
        {
            return entity;
        }

        var typed = (Entity)Activator.CreateInstance(type)!;
        typed.LogicalName = entity.LogicalName;
        typed.Id = entity.Id;
        typed.Attributes = entity.Attributes;
        typed.FormattedValues = entity.FormattedValues;
        typed.KeyAttributes = entity.KeyAttributes;
        typed.RelatedEntities = entity.RelatedEntities;
        typed.RowVersion = entity.RowVersion;
        typed.EntityState = entity.EntityState;
        return typed;
    }

    private object? Build(Shape shape, Dictionary<QuerySource, Entity?> entities, bool track)
    {
        switch (shape)
        {
            case EntityShape entity:
                if (entities[entity.Source] is not { } row)
                {
                    return null;
                }

                var typed = As(row, entity.Source.ClrType);
                return track ? context.Merge(typed) : typed;
            case GroupShape group:
                // Only the compiler's transparent identifier carries the group; nothing reads it after SelectMany.
                return Array.CreateInstance(group.Source.ClrType, 0);
            case RecordShape record:
                var members = record.Members.Select(m => Build(m, entities, track: false)).ToArray();
                return record.Constructor.Constructor!.Invoke(members);
            case ProjectionShape projection:
                _projection ??= projection.Selector.Compile();
                var arguments = projection.Arguments.Select(a => Build(a, entities, track: false)).ToArray();
                try
                {
                    return _projection.DynamicInvoke(arguments);
                }
                catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
                {
                    // The selector's own exception (e.g. KeyNotFoundException for entity["missing"]), not reflection's wrapper.
                    ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
                    throw;
                }
            default:
                throw new InvalidOperationException(shape.GetType().Name);
        }
    }
}
