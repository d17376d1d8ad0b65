using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>FetchXML aggregate functions plus group-by.</summary>
internal enum AggregateFunction
{
    GroupBy,
    Count,
    CountColumn,
    Sum,
    Avg,
    Min,
    Max,
}

/// <summary>FetchXML dategrouping values the emulator evaluates (UTC, Sunday-start weeks).</summary>
internal enum DateGrouping
{
    None,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>One attribute of an aggregate FetchXML query; <see cref="Link"/> null = the root table.</summary>
internal sealed record AggregateColumn(
    LinkEntity? Link, string Attribute, string Alias, AggregateFunction Function, DateGrouping Grouping, bool Distinct);

/// <summary>The aggregate part of a FetchXML query.</summary>
internal sealed record AggregateSpec(IReadOnlyList<AggregateColumn> Columns);

/// <summary>
/// Groups joined rows and computes count, countcolumn, sum, avg, min and max. Each result row is
/// an entity of the queried table holding one <see cref="AliasedValue"/> per alias. Result
/// types: counts are int; sum and avg of money are <see cref="Money"/>; sum keeps the column's
/// number type; avg of whole numbers and decimals is decimal, of floats double; min and max
/// keep the column's value. Aggregates over no rows are omitted (null), counts are 0.
/// </summary>
internal static class Aggregator
{
    /// <summary>The platform's AggregateQueryRecordLimit.</summary>
    public const int RecordLimit = 50000;

    public static List<Entity> Run(List<Entity?[]> rows, AggregateSpec spec, ScopePlan scope, ConditionCompiler conditions)
    {
        if (rows.Count > RecordLimit)
        {
            throw QueryFaults.AggregateLimitExceeded();
        }

        var columns = spec.Columns.Select(c => Resolve(c, scope, conditions)).ToArray();
        var groupColumns = columns.Where(c => c.Column.Function == AggregateFunction.GroupBy).ToArray();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        foreach (var row in rows)
        {
            var key = string.Join("\u0001", groupColumns.Select(c => KeyText(c.GroupValue(row))));
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(row, columns.Length);
                groups[key] = group;
                order.Add(group);
            }

            for (var i = 0; i < columns.Length; i++)
            {
                group.Add(i, columns[i], row);
            }
        }

        if (order.Count == 0 && groupColumns.Length == 0)
        {
            order.Add(new Group(null, columns.Length));
        }

        return order.ConvertAll(g => g.ToEntity(scope.Root.Table, columns));
    }

    private static ResolvedColumn Resolve(AggregateColumn column, ScopePlan scope, ConditionCompiler conditions)
    {
        SlotBinding binding;
        if (column.Link is null)
        {
            binding = scope.Root;
        }
        else
        {
            var plan = scope.PlanOf(column.Link);
            if (plan is null || !plan.IsJoin)
            {
                throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                    "aggregate attribute '{0}' must be in an inner or outer link-entity.", column.Alias));
            }

            binding = plan.Binding;
        }

        var kind = conditions.KindOf(binding, column.Attribute);
        if (column.Grouping != DateGrouping.None && kind != ColumnKind.DateTime)
        {
            throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                "dategrouping needs a date and time column; '{0}' is {1}.", column.Attribute, kind));
        }

        if (column.Function is AggregateFunction.Sum or AggregateFunction.Avg
            && kind is not (ColumnKind.Integer or ColumnKind.BigInt or ColumnKind.Decimal or ColumnKind.Double or ColumnKind.Money))
        {
            throw QueryFaults.InvalidFetchXml(QueryFaults.Format(
                "{0} needs a number or currency column; '{1}' is {2}.", column.Function, column.Attribute, kind));
        }

        return new ResolvedColumn(column, binding, kind);
    }

    private static string KeyText(object? value) => QueryValues.Normalize(value) switch
    {
        null => "\u0000",
        string s => s.ToUpperInvariant(),
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private sealed record ResolvedColumn(AggregateColumn Column, SlotBinding Binding, ColumnKind Kind)
    {
        public object? Raw(Entity?[] row) => QueryValues.Read(
            row[Binding.Slot],
            Column.Attribute,
            string.Equals(Column.Attribute, Binding.PrimaryId, StringComparison.OrdinalIgnoreCase));

        public object? GroupValue(Entity?[] row)
        {
            var raw = Raw(row);
            if (Column.Grouping == DateGrouping.None || raw is not DateTime date)
            {
                return raw;
            }

            date = QueryValues.ToUtc(date);
            return Column.Grouping switch
            {
                DateGrouping.Day => date.Day,
                DateGrouping.Week => CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date, CalendarWeekRule.FirstDay, DayOfWeek.Sunday),
                DateGrouping.Month => date.Month,
                DateGrouping.Quarter => ((date.Month - 1) / 3) + 1,
                _ => date.Year,
            };
        }
    }

    private sealed class Group
    {
        private readonly Entity?[]? _first;
        private readonly int[] _counts;
        private readonly decimal[] _sums;
        private readonly double[] _doubleSums;
        private readonly object?[] _extremes;
        private readonly HashSet<object>?[] _distinct;

        public Group(Entity?[]? first, int size)
        {
            _first = first;
            _counts = new int[size];
            _sums = new decimal[size];
            _doubleSums = new double[size];
            _extremes = new object?[size];
            _distinct = new HashSet<object>?[size];
        }

        public void Add(int i, ResolvedColumn column, Entity?[] row)
        {
            var function = column.Column.Function;
            if (function == AggregateFunction.Count)
            {
                _counts[i]++;
                return;
            }

            if (function == AggregateFunction.GroupBy)
            {
                return;
            }

            var raw = column.Raw(row);
            var value = QueryValues.Normalize(raw);
            if (value is null)
            {
                return;
            }

            if (column.Column.Distinct)
            {
                _distinct[i] ??= new HashSet<object>(QueryValueComparer.Instance);
                if (!_distinct[i]!.Add(value))
                {
                    return;
                }
            }

            _counts[i]++;
            switch (function)
            {
                case AggregateFunction.Sum:
                case AggregateFunction.Avg:
                    if (column.Kind == ColumnKind.Double)
                    {
                        _doubleSums[i] += Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        _sums[i] += Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    }

                    break;
                case AggregateFunction.Min:
                    if (_extremes[i] is null || QueryValues.Compare(value, QueryValues.Normalize(_extremes[i])!) < 0)
                    {
                        _extremes[i] = raw;
                    }

                    break;
                case AggregateFunction.Max:
                    if (_extremes[i] is null || QueryValues.Compare(value, QueryValues.Normalize(_extremes[i])!) > 0)
                    {
                        _extremes[i] = raw;
                    }

                    break;
            }
        }

        public Entity ToEntity(string table, ResolvedColumn[] columns)
        {
            var entity = new Entity(table);
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                var value = Result(i, column);
                if (value is not null)
                {
                    entity[column.Column.Alias] = new AliasedValue(column.Binding.Table, column.Column.Attribute, value);
                }
            }

            return entity;
        }

        private object? Result(int i, ResolvedColumn column)
        {
            switch (column.Column.Function)
            {
                case AggregateFunction.GroupBy:
                    return _first is null ? null : EntityCloner.CloneValue(column.GroupValue(_first));
                case AggregateFunction.Count:
                case AggregateFunction.CountColumn:
                    return _counts[i];
                case AggregateFunction.Min:
                case AggregateFunction.Max:
                    return EntityCloner.CloneValue(_extremes[i]);
            }

            if (_counts[i] == 0)
            {
                return null;
            }

            var isAvg = column.Column.Function == AggregateFunction.Avg;
            return column.Kind switch
            {
                ColumnKind.Double => isAvg ? _doubleSums[i] / _counts[i] : _doubleSums[i],
                ColumnKind.Money => new Money(isAvg ? _sums[i] / _counts[i] : _sums[i]),
                ColumnKind.Integer when !isAvg => (int)_sums[i],
                ColumnKind.BigInt when !isAvg => (long)_sums[i],
                _ => isAvg ? _sums[i] / _counts[i] : _sums[i],
            };
        }
    }
}
