using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Compiles a (nested) <see cref="FilterExpression"/> into one <see cref="RowPredicate"/>.
/// Conditions naming an entity (alias) are bound to that link's slot; the others to the
/// filter's own table. Empty filters accept every row, as on the platform.
/// </summary>
internal sealed class FilterCompiler
{
    private readonly ConditionCompiler _conditions;
    private readonly Func<string, SlotBinding> _resolveAlias;

    public FilterCompiler(ConditionCompiler conditions, Func<string, SlotBinding> resolveAlias)
    {
        _conditions = conditions;
        _resolveAlias = resolveAlias;
    }

    /// <summary>Returns null when the filter has no conditions at all (accept everything).</summary>
    public RowPredicate? Compile(FilterExpression? filter, SlotBinding ownTable)
    {
        if (filter is null)
        {
            return null;
        }

        var parts = new List<RowPredicate>();
        foreach (var condition in filter.Conditions)
        {
            var binding = string.IsNullOrEmpty(condition.EntityName) ? ownTable : _resolveAlias(condition.EntityName);
            parts.Add(_conditions.Compile(condition, binding));
        }

        foreach (var child in filter.Filters)
        {
            var compiled = Compile(child, ownTable);
            if (compiled is not null)
            {
                parts.Add(compiled);
            }
        }

        return Combine(parts, filter.FilterOperator == LogicalOperator.Or);
    }

    public static RowPredicate? Combine(List<RowPredicate> parts, bool any)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var array = parts.ToArray();
        if (any)
        {
            return row =>
            {
                foreach (var part in array)
                {
                    if (part(row))
                    {
                        return true;
                    }
                }

                return false;
            };
        }

        return row =>
        {
            foreach (var part in array)
            {
                if (!part(row))
                {
                    return false;
                }
            }

            return true;
        };
    }
}
