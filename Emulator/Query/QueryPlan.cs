using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>How a link contributes to the result.</summary>
internal enum LinkKind
{
    /// <summary>Inner join: rows without a match are dropped.</summary>
    Inner,

    /// <summary>Left outer join: rows without a match keep an empty slot.</summary>
    Outer,

    /// <summary>Inner join keeping only the first matching linked row.</summary>
    FirstMatch,

    /// <summary>Semi-join (in, exists, any, not-all): keep parent rows with at least one match.</summary>
    Any,

    /// <summary>Anti-join: keep parent rows without any match.</summary>
    NotAny,

    /// <summary>Keep parent rows that have matches but none of them satisfies the link filter.</summary>
    All,
}

/// <summary>A resolved link: its slot (joins) or its own sub-scope (semi-joins).</summary>
internal sealed class LinkPlan
{
    public required LinkEntity Link { get; init; }

    public required LinkKind Kind { get; init; }

    public required string Alias { get; init; }

    public required SlotBinding Binding { get; init; }

    public required SlotBinding Parent { get; init; }

    /// <summary>Column on the parent table (LinkFromAttributeName / FetchXML "to").</summary>
    public required string ParentAttribute { get; init; }

    /// <summary>Column on the linked table (LinkToAttributeName / FetchXML "from").</summary>
    public required string LinkedAttribute { get; init; }

    /// <summary>For semi-joins: the linked table with its own criteria and nested links.</summary>
    public ScopePlan? SubScope { get; init; }

    public bool IsJoin => Kind is LinkKind.Inner or LinkKind.Outer or LinkKind.FirstMatch;
}

/// <summary>
/// One queried table with its joined links (each one a slot in the joined row) and semi-joins.
/// The top-level query is a scope; every semi-join link is evaluated as its own scope.
/// </summary>
internal sealed class ScopePlan
{
    private readonly Dictionary<string, SlotBinding> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<LinkEntity, LinkPlan> _byLink = new(ReferenceEqualityComparer.Instance);

    public ScopePlan(SlotBinding root) => Root = root;

    public SlotBinding Root { get; }

    /// <summary>Joined links in slot order (parents before children).</summary>
    public List<LinkPlan> Joins { get; } = [];

    public List<LinkPlan> SemiJoins { get; } = [];

    public FilterExpression? Criteria { get; set; }

    public int SlotCount => Joins.Count + 1;

    public void Register(LinkPlan plan)
    {
        _byLink[plan.Link] = plan;
        if (plan.IsJoin)
        {
            Joins.Add(plan);
            _aliases[plan.Alias] = plan.Binding;
            _aliases.TryAdd(plan.Binding.Table, plan.Binding);
        }
        else
        {
            SemiJoins.Add(plan);
        }
    }

    public SlotBinding ResolveAlias(string alias)
    {
        if (_aliases.TryGetValue(alias, out var binding))
        {
            return binding;
        }

        if (string.Equals(alias, Root.Table, StringComparison.OrdinalIgnoreCase))
        {
            return Root;
        }

        throw QueryFaults.InvalidArgument(QueryFaults.Format(
            "No joined link-entity with alias or name '{0}' in the query.", alias));
    }

    public LinkPlan? PlanOf(LinkEntity link) => _byLink.GetValueOrDefault(link);
}

/// <summary>
/// Validates tables and link columns and assigns slots and aliases. Links without an
/// <see cref="LinkEntity.EntityAlias"/> get the platform's generated alias: the linked table's
/// name followed by the link's 1-based position among all links of the query, depth first
/// (e.g. "contact1").
/// </summary>
internal sealed class QueryPlanner
{
    private readonly IQuerySource _source;
    private readonly ConditionCompiler _conditions;
    private int _linkCounter;

    public QueryPlanner(IQuerySource source, ConditionCompiler conditions)
    {
        _source = source;
        _conditions = conditions;
    }

    public ScopePlan Plan(string? table, FilterExpression? criteria, IEnumerable<LinkEntity> links)
    {
        var scope = new ScopePlan(Bind(table, 0));
        scope.Criteria = criteria;
        AddLinks(scope, scope.Root, links);
        return scope;
    }

    public SlotBinding Bind(string? table, int slot)
    {
        if (string.IsNullOrEmpty(table) || !_source.TableExists(table))
        {
            throw QueryFaults.UnknownTable(table ?? string.Empty);
        }

        return new SlotBinding(slot, table, _source.PrimaryIdAttribute(table));
    }

    private void AddLinks(ScopePlan scope, SlotBinding parent, IEnumerable<LinkEntity> links)
    {
        foreach (var link in links)
        {
            _linkCounter++;
            var kind = KindOf(link.JoinOperator);
            var isJoin = kind is LinkKind.Inner or LinkKind.Outer or LinkKind.FirstMatch;
            var binding = Bind(link.LinkToEntityName, isJoin ? scope.SlotCount : 0);
            var alias = string.IsNullOrEmpty(link.EntityAlias)
                ? link.LinkToEntityName + _linkCounter.ToString(CultureInfo.InvariantCulture)
                : link.EntityAlias;
            var parentAttribute = Require(link.LinkFromAttributeName, "LinkFromAttributeName (FetchXML 'to')", link);
            var linkedAttribute = Require(link.LinkToAttributeName, "LinkToAttributeName (FetchXML 'from')", link);
            _conditions.KindOf(parent, parentAttribute);
            _conditions.KindOf(binding, linkedAttribute);

            ScopePlan? subScope = null;
            if (!isJoin)
            {
                subScope = new ScopePlan(binding) { Criteria = link.LinkCriteria };
                AddLinks(subScope, binding, link.LinkEntities);
            }

            scope.Register(new LinkPlan
            {
                Link = link,
                Kind = kind,
                Alias = alias,
                Binding = binding,
                Parent = parent,
                ParentAttribute = parentAttribute,
                LinkedAttribute = linkedAttribute,
                SubScope = subScope,
            });

            if (isJoin)
            {
                AddLinks(scope, binding, link.LinkEntities);
            }
        }
    }

    private static string Require(string? value, string what, LinkEntity link) =>
        string.IsNullOrEmpty(value)
            ? throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The link to '{0}' has no {1}.", link.LinkToEntityName, what))
            : value;

    private static LinkKind KindOf(JoinOperator join) => join switch
    {
        JoinOperator.Inner => LinkKind.Inner,
        JoinOperator.LeftOuter => LinkKind.Outer,
        JoinOperator.MatchFirstRowUsingCrossApply => LinkKind.FirstMatch,
        JoinOperator.In or JoinOperator.Exists or JoinOperator.Any or JoinOperator.NotAll => LinkKind.Any,
        JoinOperator.NotAny => LinkKind.NotAny,
        JoinOperator.All => LinkKind.All,
        _ => throw QueryFaults.InvalidArgument(QueryFaults.Format(
            "The join operator '{0}' is not supported by the emulator.", join)),
    };
}
