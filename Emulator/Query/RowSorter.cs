using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>One order: a column of a slot, ascending or descending.</summary>
internal sealed record SortKey(SlotBinding Binding, string Attribute, bool Descending);

/// <summary>
/// Sorts joined rows. Sort values are read once per row (not per comparison); nulls sort first
/// ascending, as in SQL; lookups sort by their name when the stored reference carries one, else
/// by id; choices sort by value (the emulator has no labels). Ties keep store order.
/// </summary>
internal static class RowSorter
{
    public static List<Entity?[]> Sort(List<Entity?[]> rows, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0 || rows.Count < 2)
        {
            return rows;
        }

        var values = new object?[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var rowValues = new object?[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                var key = keys[k];
                var isPrimaryId = string.Equals(key.Attribute, key.Binding.PrimaryId, StringComparison.OrdinalIgnoreCase);
                rowValues[k] = SortValue(QueryValues.Read(rows[i][key.Binding.Slot], key.Attribute, isPrimaryId));
            }

            values[i] = rowValues;
        }

        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var c = QueryValues.CompareNullable(values[a][k], values[b][k]);
                if (c != 0)
                {
                    return keys[k].Descending ? -c : c;
                }
            }

            return a.CompareTo(b);
        });

        var sorted = new List<Entity?[]>(rows.Count);
        foreach (var i in order)
        {
            sorted.Add(rows[i]);
        }

        return sorted;
    }

    public static object? SortValue(object? value) =>
        value is EntityReference { Name: { Length: > 0 } name } ? name : QueryValues.Normalize(value);
}
