using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Builds the returned entities: a fresh <see cref="Entity"/> per row with only the requested
/// columns (the primary id always, except for distinct queries that did not ask for it), joined
/// columns as <see cref="AliasedValue"/> named "alias.column", every value cloned. A FetchXML
/// column alias renames the value: it is returned as an <see cref="AliasedValue"/> under the alias.
/// </summary>
internal sealed class RowProjector
{
    private readonly SlotBinding _root;
    private readonly Selection _rootSelection;
    private readonly List<(LinkPlan Link, Selection Columns)> _linked = [];
    private readonly bool _includeId;
    private readonly IReadOnlyDictionary<ColumnRef, string>? _aliases;

    public RowProjector(
        ScopePlan scope,
        ColumnSet? rootColumns,
        ConditionCompiler conditions,
        bool distinct,
        IReadOnlyDictionary<ColumnRef, string>? aliases = null)
    {
        _aliases = aliases is { Count: > 0 } ? aliases : null;
        _root = scope.Root;
        _rootSelection = Selection.From(rootColumns, scope.Root, conditions);
        _includeId = !distinct || _rootSelection.All
            || _rootSelection.Columns.Contains(_root.PrimaryId, StringComparer.OrdinalIgnoreCase);
        foreach (var join in scope.Joins)
        {
            var selection = Selection.From(join.Link.Columns, join.Binding, conditions);
            if (selection.All || selection.Columns.Length > 0)
            {
                _linked.Add((join, selection));
            }
        }
    }

    public Entity Project(Entity?[] row)
    {
        var source = row[0]!;
        var id = QueryValues.ReadId(source, _root.PrimaryId);
        var result = new Entity(_root.Table, _includeId ? id : Guid.Empty);
        if (_includeId)
        {
            result[_root.PrimaryId] = id;
        }

        foreach (var (name, value) in _rootSelection.Values(source))
        {
            if (AliasOf(null, name) is { } alias)
            {
                result[alias] = new AliasedValue(_root.Table, name, EntityCloner.CloneValue(value));
            }
            else if (_includeId || !string.Equals(name, _root.PrimaryId, StringComparison.OrdinalIgnoreCase))
            {
                result[name] = EntityCloner.CloneValue(value);
            }
        }

        foreach (var (link, selection) in _linked)
        {
            var linked = row[link.Binding.Slot];
            if (linked is null)
            {
                continue;
            }

            foreach (var (name, value) in selection.Values(linked))
            {
                var key = AliasOf(link.Link, name) ?? link.Alias + "." + name;
                result[key] = new AliasedValue(link.Binding.Table, name, EntityCloner.CloneValue(value));
            }
        }

        return result;
    }

    private string? AliasOf(LinkEntity? link, string attribute) =>
        _aliases is not null && _aliases.TryGetValue(new ColumnRef(link, attribute), out var alias) ? alias : null;

    /// <summary>A key equal for entities with the same returned values (for distinct).</summary>
    public static string DistinctKey(Entity entity)
    {
        var builder = new StringBuilder();
        foreach (var pair in entity.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var value = QueryValues.Normalize(pair.Value);
            var text = value switch
            {
                null => "\u0000",
                string s => s.ToUpperInvariant(),
                DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
                OptionSetValueCollection c => string.Join(",", c.Select(o => o.Value).Order()),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            builder.Append(pair.Key).Append('\u0001').Append(text).Append('\u0002');
        }

        return builder.ToString();
    }

    private sealed class Selection
    {
        private Selection(bool all, string[] columns)
        {
            All = all;
            Columns = columns;
        }

        public bool All { get; }

        public string[] Columns { get; }

        public static Selection From(ColumnSet? columns, SlotBinding binding, ConditionCompiler conditions)
        {
            if (columns is null)
            {
                return new Selection(false, []);
            }

            if (columns.AllColumns)
            {
                return new Selection(true, []);
            }

            var names = columns.Columns.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            foreach (var name in names)
            {
                conditions.KindOf(binding, name);
            }

            return new Selection(false, names);
        }

        public IEnumerable<(string Name, object Value)> Values(Entity entity)
        {
            if (All)
            {
                foreach (var pair in entity.Attributes)
                {
                    if (pair.Value is not null)
                    {
                        yield return (pair.Key, pair.Value);
                    }
                }

                yield break;
            }

            foreach (var name in Columns)
            {
                if (entity.Attributes.TryGetValue(name, out var value) && value is not null)
                {
                    yield return (name, value);
                }
            }
        }
    }
}
