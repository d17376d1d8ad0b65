using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Produces the filtered joined rows of a scope: each row is an array of entities, slot 0 the
/// queried table and one slot per joined link (null for an unmatched outer link). Linked tables
/// are indexed once by their join column (after their link criteria); semi-joins become key-set
/// tests on the parent slot. Stored entities are only read, never copied or changed here.
/// </summary>
internal sealed class JoinStep
{
    private readonly IQuerySource _source;
    private readonly ConditionCompiler _conditions;

    public JoinStep(IQuerySource source, ConditionCompiler conditions)
    {
        _source = source;
        _conditions = conditions;
    }

    public List<Entity?[]> Run(ScopePlan scope, bool applyCriteria = true, int limit = int.MaxValue)
    {
        // Tests that only read the queried table run before any join expansion.
        var filters = new FilterCompiler(_conditions, scope.ResolveAlias);
        var before = new List<RowPredicate>();
        var after = new List<RowPredicate>();
        if (applyCriteria && filters.Compile(scope.Criteria, scope.Root) is { } criteria)
        {
            (ReadsLinkedSlots(scope.Criteria, scope.Root.Table) ? after : before).Add(criteria);
        }

        foreach (var semi in scope.SemiJoins)
        {
            (semi.Parent.Slot == 0 ? before : after).Add(CompileSemiJoin(semi));
        }

        var preFilter = FilterCompiler.Combine(before, any: false);
        var filter = FilterCompiler.Combine(after, any: false);
        var joins = new JoinIndex[scope.Joins.Count];
        for (var i = 0; i < joins.Length; i++)
        {
            joins[i] = BuildIndex(scope.Joins[i], scope, filters);
        }

        var result = new List<Entity?[]>();
        var row = new Entity?[scope.SlotCount];
        foreach (var entity in applyCriteria ? CandidateRows(scope) : _source.Rows(scope.Root.Table))
        {
            row[0] = entity;
            if (preFilter is not null && !preFilter(row))
            {
                continue;
            }

            if (joins.Length == 0)
            {
                if (filter is null || filter(row))
                {
                    result.Add([entity]);
                }
            }
            else
            {
                Expand(joins, 0, row, filter, result);
            }

            if (result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// The queried table's rows, narrowed through the source's equality index when the criteria require an Equal on
    /// one of its columns (a top-level AND, or a lone condition). Only a candidate selection: the full filter still
    /// runs on every row, and the index hands rows out in store order, so results and their order match a full scan.
    /// </summary>
    private IEnumerable<Entity> CandidateRows(ScopePlan scope)
    {
        var criteria = scope.Criteria;
        if (criteria is null
            || (criteria.FilterOperator != LogicalOperator.And && criteria.Conditions.Count + criteria.Filters.Count != 1))
        {
            return _source.Rows(scope.Root.Table);
        }

        IEnumerable<Entity>? best = null;
        var bestCount = int.MaxValue;
        foreach (var condition in criteria.Conditions)
        {
            // A condition naming an entity may point at a joined link (even one named like the queried table).
            if (!string.IsNullOrEmpty(condition.EntityName)
                || condition.AttributeName is not { } attribute
                || _conditions.EqualityKey(condition, scope.Root) is not { } key
                || _source.RowsWhereEqual(scope.Root.Table, attribute, key) is not { } rows)
            {
                continue;
            }

            // The most selective index wins; a source without counts keeps its first answer.
            var count = rows is IReadOnlyCollection<Entity> sized ? sized.Count : int.MaxValue - 1;
            if (count < bestCount)
            {
                best = rows;
                bestCount = count;
            }

            // Already narrow (at most 1/16 of the table): building indexes on the other columns would cost more
            // than scanning these candidates.
            if (_source.Rows(scope.Root.Table).TryGetNonEnumeratedCount(out var total) && (long)bestCount * 16 <= total)
            {
                break;
            }
        }

        return best ?? _source.Rows(scope.Root.Table);
    }

    private static bool ReadsLinkedSlots(FilterExpression? filter, string rootTable)
    {
        if (filter is null)
        {
            return false;
        }

        foreach (var condition in filter.Conditions)
        {
            if (!string.IsNullOrEmpty(condition.EntityName)
                && !string.Equals(condition.EntityName, rootTable, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var child in filter.Filters)
        {
            if (ReadsLinkedSlots(child, rootTable))
            {
                return true;
            }
        }

        return false;
    }

    private static void Expand(JoinIndex[] joins, int index, Entity?[] row, RowPredicate? filter, List<Entity?[]> result)
    {
        if (index == joins.Length)
        {
            if (filter is null || filter(row))
            {
                result.Add((Entity?[])row.Clone());
            }

            return;
        }

        var join = joins[index];
        var matches = join.Find(row);
        var slot = join.Plan.Binding.Slot;
        if (matches is null || matches.Count == 0)
        {
            if (join.Plan.Kind == LinkKind.Outer)
            {
                row[slot] = null;
                Expand(joins, index + 1, row, filter, result);
            }

            return;
        }

        var take = join.Plan.Kind == LinkKind.FirstMatch ? 1 : matches.Count;
        for (var i = 0; i < take; i++)
        {
            row[slot] = matches[i];
            Expand(joins, index + 1, row, filter, result);
        }

        row[slot] = null;
    }

    private JoinIndex BuildIndex(LinkPlan plan, ScopePlan scope, FilterCompiler filters) =>
        new(plan, _source, filters.Compile(plan.Link.LinkCriteria, plan.Binding), scope.SlotCount);

    private RowPredicate CompileSemiJoin(LinkPlan plan)
    {
        var subScope = plan.SubScope!;
        var matching = KeysOf(Run(subScope), plan);
        var parentSlot = plan.Parent.Slot;
        var parentAttribute = plan.ParentAttribute;
        var parentIsPrimaryId = plan.Parent.IsPrimaryId(parentAttribute);

        object? ParentKey(Entity?[] row) =>
            QueryValues.Normalize(QueryValues.Read(row[parentSlot], parentAttribute, parentIsPrimaryId));

        switch (plan.Kind)
        {
            case LinkKind.NotAny:
                return row => ParentKey(row) is not { } key || !matching.Contains(key);
            case LinkKind.All:
                {
                    var related = KeysOf(Run(subScope, applyCriteria: false), plan);
                    return row => ParentKey(row) is { } key && related.Contains(key) && !matching.Contains(key);
                }

            default:
                return row => ParentKey(row) is { } key && matching.Contains(key);
        }
    }

    private static HashSet<object> KeysOf(List<Entity?[]> rows, LinkPlan plan)
    {
        var isPrimaryId = plan.Binding.IsPrimaryId(plan.LinkedAttribute);
        var keys = new HashSet<object>(QueryValueComparer.Instance);
        foreach (var row in rows)
        {
            if (QueryValues.Normalize(QueryValues.Read(row[0], plan.LinkedAttribute, isPrimaryId)) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>
    /// The linked rows by join key. Each parent key is looked up through the source's equality index on the linked
    /// column where there is one (a join from a few rows then costs the same at any size of the linked table); without
    /// an index the linked table is read once, after its link criteria, into a dictionary. Both keep store order.
    /// </summary>
    private sealed class JoinIndex
    {
        private readonly IQuerySource _source;
        private readonly RowPredicate? _criteria;
        private readonly Entity?[] _scratch;
        private readonly bool _parentIsPrimaryId;
        private readonly bool _linkedIsPrimaryId;
        private readonly Dictionary<object, List<Entity>> _byKey = new(QueryValueComparer.Instance);
        private Dictionary<object, List<Entity>>? _all;

        public JoinIndex(LinkPlan plan, IQuerySource source, RowPredicate? criteria, int slotCount)
        {
            Plan = plan;
            _source = source;
            _criteria = criteria;
            _scratch = new Entity?[slotCount];
            _parentIsPrimaryId = plan.Parent.IsPrimaryId(plan.ParentAttribute);
            _linkedIsPrimaryId = plan.Binding.IsPrimaryId(plan.LinkedAttribute);
        }

        public LinkPlan Plan { get; }

        public List<Entity>? Find(Entity?[] row)
        {
            var key = QueryValues.Normalize(QueryValues.Read(row[Plan.Parent.Slot], Plan.ParentAttribute, _parentIsPrimaryId));
            if (key is null)
            {
                return null;
            }

            if (_all is null && !_byKey.ContainsKey(key) && _source.RowsWhereEqual(Plan.Binding.Table, Plan.LinkedAttribute, key) is { } candidates)
            {
                // Candidates are a superset: the key and the link criteria are checked on each.
                var list = new List<Entity>();
                foreach (var entity in candidates)
                {
                    if (QueryValueComparer.Instance.Equals(KeyOf(entity), key) && Passes(entity))
                    {
                        list.Add(entity);
                    }
                }

                _byKey[key] = list;
            }

            if (_byKey.TryGetValue(key, out var found))
            {
                return found;
            }

            _all ??= ReadAll();
            return _all.TryGetValue(key, out var matches) ? matches : null;
        }

        private object? KeyOf(Entity entity) => QueryValues.Normalize(QueryValues.Read(entity, Plan.LinkedAttribute, _linkedIsPrimaryId));

        private bool Passes(Entity entity)
        {
            if (_criteria is null)
            {
                return true;
            }

            _scratch[Plan.Binding.Slot] = entity;
            return _criteria(_scratch);
        }

        private Dictionary<object, List<Entity>> ReadAll()
        {
            var index = new Dictionary<object, List<Entity>>(QueryValueComparer.Instance);
            foreach (var entity in _source.Rows(Plan.Binding.Table))
            {
                if (!Passes(entity) || KeyOf(entity) is not { } key)
                {
                    continue;
                }

                if (!index.TryGetValue(key, out var list))
                {
                    list = [];
                    index[key] = list;
                }

                list.Add(entity);
            }

            return index;
        }
    }
}
