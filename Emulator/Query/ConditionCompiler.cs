using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>A compiled test over one joined row (slot 0 = the queried table, then joined links).</summary>
internal delegate bool RowPredicate(Entity?[] row);

/// <summary>Where a condition reads its column: slot in the joined row, table and its primary id.</summary>
internal readonly record struct SlotBinding(int Slot, string Table, string PrimaryId)
{
    /// <summary>True when <paramref name="attribute"/> names the table's primary id (read with the Entity.Id fallback).</summary>
    public bool IsPrimaryId(string attribute) => string.Equals(attribute, PrimaryId, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Compiles one <see cref="ConditionExpression"/> into a delegate once per query: values are
/// converted to the column's kind up front so the per-row work is a read, a normalization and a
/// comparison. Operators that need server state the emulator lacks raise a fault naming them.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly IQuerySource _source;
    private readonly QueryEnvironment _environment;
    private readonly DateTime _utcNow;

    public ConditionCompiler(IQuerySource source, QueryEnvironment environment)
    {
        _source = source;
        _environment = environment;
        _utcNow = QueryValues.ToUtc(environment.UtcNow);
    }

    public RowPredicate Compile(ConditionExpression condition, SlotBinding binding)
    {
        var attribute = condition.AttributeName;
        if (string.IsNullOrEmpty(attribute))
        {
            throw QueryFaults.InvalidArgument("A condition has no attribute name.");
        }

        var kind = KindOf(binding, attribute);
        var isPrimaryId = binding.IsPrimaryId(attribute);
        var values = Flatten(condition.Values);
        var slot = binding.Slot;

        if (condition.CompareColumns)
        {
            return CompileColumnComparison(condition.Operator, binding, attribute, isPrimaryId, values);
        }

        var test = BuildTest(condition.Operator, kind, attribute, values);
        return row => test(QueryValues.Normalize(QueryValues.Read(row[slot], attribute, isPrimaryId)));
    }

    /// <summary>
    /// The value an equality index can look up for <paramref name="condition"/>: an Equal on one value of a single-valued
    /// column (no column comparison, no multi-select choices), converted exactly as <see cref="Compile"/> converts it;
    /// null when the condition is of any other shape.
    /// </summary>
    public object? EqualityKey(ConditionExpression condition, SlotBinding binding)
    {
        var attribute = condition.AttributeName;
        if (condition.Operator != ConditionOperator.Equal || condition.CompareColumns || string.IsNullOrEmpty(attribute))
        {
            return null;
        }

        var kind = KindOf(binding, attribute);
        var values = Flatten(condition.Values);
        return kind == ColumnKind.MultiSelectPicklist || values.Count != 1
            ? null
            : QueryValues.ConvertForColumn(values[0], kind, attribute);
    }

    public ColumnKind KindOf(SlotBinding binding, string attribute)
    {
        var kind = _source.ColumnKindOf(binding.Table, attribute);
        if (kind is not null)
        {
            return kind.Value;
        }

        if (binding.IsPrimaryId(attribute))
        {
            return ColumnKind.Uniqueidentifier;
        }

        throw QueryFaults.UnknownAttribute(binding.Table, attribute);
    }

    private RowPredicate CompileColumnComparison(
        ConditionOperator op, SlotBinding binding, string attribute, bool isPrimaryId, List<object?> values)
    {
        if (values.Count != 1 || values[0] is not string other || other.Length == 0)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "Column comparison on '{0}' needs exactly one value: the name of the other column.", attribute));
        }

        KindOf(binding, other);
        var otherIsPrimaryId = binding.IsPrimaryId(other);
        Func<int, bool> accept = op switch
        {
            ConditionOperator.Equal => c => c == 0,
            ConditionOperator.NotEqual => c => c != 0,
            ConditionOperator.GreaterThan => c => c > 0,
            ConditionOperator.GreaterEqual => c => c >= 0,
            ConditionOperator.LessThan => c => c < 0,
            ConditionOperator.LessEqual => c => c <= 0,
            _ => throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' cannot compare two columns.", op)),
        };
        var slot = binding.Slot;
        return row =>
        {
            var entity = row[slot];
            var left = QueryValues.Normalize(QueryValues.Read(entity, attribute, isPrimaryId));
            var right = QueryValues.Normalize(QueryValues.Read(entity, other, otherIsPrimaryId));
            return left is not null && right is not null && accept(QueryValues.Compare(left, right));
        };
    }

    private Func<object?, bool> BuildTest(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        switch (op)
        {
            case ConditionOperator.Null:
                return x => IsNullValue(x);
            case ConditionOperator.NotNull:
                return x => !IsNullValue(x);
            case ConditionOperator.Equal when kind == ColumnKind.MultiSelectPicklist:
                return BuildSetEquality(Converted(values, kind, attribute), negate: false);
            case ConditionOperator.NotEqual when kind == ColumnKind.MultiSelectPicklist:
                return BuildSetEquality(Converted(values, kind, attribute), negate: true);
            case ConditionOperator.Equal:
                {
                    var v = One(op, kind, attribute, values);
                    return x => x is not null && v is not null && QueryValues.AreEqual(x, v);
                }

            case ConditionOperator.NotEqual:
                {
                    var v = One(op, kind, attribute, values);
                    return x => x is not null && v is not null && !QueryValues.AreEqual(x, v);
                }

            case ConditionOperator.GreaterThan:
                return Ordered(op, kind, attribute, values, c => c > 0);
            case ConditionOperator.GreaterEqual:
                return Ordered(op, kind, attribute, values, c => c >= 0);
            case ConditionOperator.LessThan:
                return Ordered(op, kind, attribute, values, c => c < 0);
            case ConditionOperator.LessEqual:
                return Ordered(op, kind, attribute, values, c => c <= 0);
            case ConditionOperator.Like:
            case ConditionOperator.NotLike:
                {
                    var match = LikeMatcher(Text(op, attribute, values));
                    var negate = op == ConditionOperator.NotLike;
                    return x => x is not null && match(AsText(x)) != negate;
                }

            case ConditionOperator.BeginsWith:
            case ConditionOperator.DoesNotBeginWith:
                {
                    var text = Text(op, attribute, values);
                    var negate = op == ConditionOperator.DoesNotBeginWith;
                    return x => x is not null && AsText(x).StartsWith(text, StringComparison.OrdinalIgnoreCase) != negate;
                }

            case ConditionOperator.EndsWith:
            case ConditionOperator.DoesNotEndWith:
                {
                    var text = Text(op, attribute, values);
                    var negate = op == ConditionOperator.DoesNotEndWith;
                    return x => x is not null && AsText(x).EndsWith(text, StringComparison.OrdinalIgnoreCase) != negate;
                }

            case ConditionOperator.Contains:
            case ConditionOperator.DoesNotContain:
                {
                    var text = Text(op, attribute, values);
                    var negate = op == ConditionOperator.DoesNotContain;
                    return x => x is not null && AsText(x).Contains(text, StringComparison.OrdinalIgnoreCase) != negate;
                }

            case ConditionOperator.In:
            case ConditionOperator.NotIn:
                return BuildIn(op, kind, attribute, values);
            case ConditionOperator.Between:
            case ConditionOperator.NotBetween:
                return BuildBetween(op, kind, attribute, values);
            case ConditionOperator.On:
            case ConditionOperator.NotOn:
            case ConditionOperator.OnOrBefore:
            case ConditionOperator.OnOrAfter:
                return BuildOn(op, kind, attribute, values);
            case ConditionOperator.EqualUserId:
                return EqualsGuid(op, kind, attribute, values, _environment.UserId, negate: false);
            case ConditionOperator.NotEqualUserId:
                return EqualsGuid(op, kind, attribute, values, _environment.UserId, negate: true);
            case ConditionOperator.EqualBusinessId:
                return EqualsGuid(op, kind, attribute, values, _environment.BusinessUnitId, negate: false);
            case ConditionOperator.NotEqualBusinessId:
                return EqualsGuid(op, kind, attribute, values, _environment.BusinessUnitId, negate: true);
            case ConditionOperator.ContainValues:
            case ConditionOperator.DoesNotContainValues:
                return BuildContainValues(op, kind, attribute, values);
            default:
                return BuildRelativeDate(op, kind, attribute, values);
        }
    }

    private Func<object?, bool> BuildRelativeDate(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        var fixedWindow = RelativeDates.Fixed(op, _utcNow);
        if (fixedWindow is { } window)
        {
            RequireDate(op, kind, attribute);
            RequireCount(op, attribute, values, 0);
            return x => x is DateTime d && window.Contains(d);
        }

        if (RelativeDates.WithArgument(op, _utcNow, 0) is not null)
        {
            RequireDate(op, kind, attribute);
            RequireCount(op, attribute, values, 1);
            int count;
            try
            {
                count = values[0] is string s
                    ? int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)
                    : Convert.ToInt32(values[0], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                throw QueryFaults.InvalidArgument(QueryFaults.Format(
                    "The operator '{0}' on '{1}' needs a whole number, got '{2}'.", op, attribute, values[0]));
            }

            var argumentWindow = RelativeDates.WithArgument(op, _utcNow, count)!.Value;
            return x => x is DateTime d && argumentWindow.Contains(d);
        }

        throw QueryFaults.UnsupportedOperator(op.ToString());
    }

    private static bool IsNullValue(object? x) => x is null || (x is OptionSetValueCollection c && c.Count == 0);

    private static Func<object?, bool> Ordered(
        ConditionOperator op, ColumnKind kind, string attribute, List<object?> values, Func<int, bool> accept)
    {
        var v = One(op, kind, attribute, values);
        return x => x is not null && v is not null && accept(QueryValues.Compare(x, v));
    }

    private static Func<object?, bool> BuildIn(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        if (values.Count == 0)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' on '{1}' needs at least one value.", op, attribute));
        }

        var set = new HashSet<object>(QueryValueComparer.Instance);
        foreach (var value in Converted(values, kind, attribute))
        {
            if (value is not null)
            {
                set.Add(value);
            }
        }

        var negate = op == ConditionOperator.NotIn;
        if (kind == ColumnKind.MultiSelectPicklist)
        {
            return x => x is OptionSetValueCollection c && c.Count > 0 && c.Any(o => set.Contains(o.Value)) != negate;
        }

        return x => x is not null && set.Contains(x) != negate;
    }

    private static Func<object?, bool> BuildBetween(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        RequireCount(op, attribute, values, 2);
        var converted = Converted(values, kind, attribute);
        var low = converted[0] ?? throw NullValue(op, attribute);
        var high = converted[1] ?? throw NullValue(op, attribute);
        var negate = op == ConditionOperator.NotBetween;
        return x => x is not null
            && (QueryValues.Compare(x, low) >= 0 && QueryValues.Compare(x, high) <= 0) != negate;
    }

    private static Func<object?, bool> BuildOn(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        RequireDate(op, kind, attribute);
        var day = ((DateTime)(One(op, kind, attribute, values) ?? throw NullValue(op, attribute))).Date;
        return op switch
        {
            ConditionOperator.On => x => x is DateTime d && d.Date == day,
            ConditionOperator.NotOn => x => x is DateTime d && d.Date != day,
            ConditionOperator.OnOrBefore => x => x is DateTime d && d.Date <= day,
            _ => x => x is DateTime d && d.Date >= day,
        };
    }

    private static Func<object?, bool> EqualsGuid(
        ConditionOperator op, ColumnKind kind, string attribute, List<object?> values, Guid expected, bool negate)
    {
        RequireCount(op, attribute, values, 0);
        if (kind is not (ColumnKind.Lookup or ColumnKind.Owner or ColumnKind.Customer or ColumnKind.Uniqueidentifier))
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' needs a lookup or unique identifier column; '{1}' is {2}.", op, attribute, kind));
        }

        return x => x is Guid g && (g == expected) != negate;
    }

    private static Func<object?, bool> BuildContainValues(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        if (kind != ColumnKind.MultiSelectPicklist)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' needs a multi-select choice column; '{1}' is {2}.", op, attribute, kind));
        }

        if (values.Count == 0)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' on '{1}' needs at least one value.", op, attribute));
        }

        var wanted = new HashSet<int>(Converted(values, kind, attribute).OfType<int>());
        if (op == ConditionOperator.ContainValues)
        {
            return x => x is OptionSetValueCollection c && c.Any(o => wanted.Contains(o.Value));
        }

        // Rows without any choice contain none of the values, so they match (a NOT EXISTS on the platform).
        return x => x is not OptionSetValueCollection c || !c.Any(o => wanted.Contains(o.Value));
    }

    private static Func<object?, bool> BuildSetEquality(List<object?> converted, bool negate)
    {
        var wanted = new HashSet<int>(converted.OfType<int>());
        return x => x is OptionSetValueCollection c && c.Count > 0
            && (c.Select(o => o.Value).ToHashSet().SetEquals(wanted) != negate);
    }

    private static object? One(ConditionOperator op, ColumnKind kind, string attribute, List<object?> values)
    {
        RequireCount(op, attribute, values, 1);
        return QueryValues.ConvertForColumn(values[0], kind, attribute);
    }

    private static string Text(ConditionOperator op, string attribute, List<object?> values)
    {
        RequireCount(op, attribute, values, 1);
        return values[0] is null ? throw NullValue(op, attribute) : AsText(QueryValues.Normalize(values[0])!);
    }

    private static string AsText(object value) =>
        value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static List<object?> Converted(List<object?> values, ColumnKind kind, string attribute) =>
        values.ConvertAll(v => QueryValues.ConvertForColumn(v, kind, attribute));

    private static void RequireCount(ConditionOperator op, string attribute, List<object?> values, int count)
    {
        if (values.Count != count)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' on '{1}' needs {2} value(s) but got {3}.", op, attribute, count, values.Count));
        }
    }

    private static void RequireDate(ConditionOperator op, ColumnKind kind, string attribute)
    {
        if (kind != ColumnKind.DateTime)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "The operator '{0}' needs a date and time column; '{1}' is {2}.", op, attribute, kind));
        }
    }

    private static FaultException<OrganizationServiceFault> NullValue(ConditionOperator op, string attribute) =>
        QueryFaults.InvalidArgument(QueryFaults.Format("The operator '{0}' on '{1}' does not accept null.", op, attribute));

    /// <summary>Arrays and option collections passed as one value count as several values.</summary>
    private static List<object?> Flatten(IEnumerable<object>? values)
    {
        var result = new List<object?>();
        if (values is null)
        {
            return result;
        }

        foreach (var value in values)
        {
            if (value is IEnumerable sequence and not string and not byte[])
            {
                foreach (var item in sequence)
                {
                    result.Add(item);
                }
            }
            else
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>
    /// SQL LIKE, case-insensitive. The common shapes (text, text%, %text, %text%) become plain
    /// string tests; anything with _ or [..] is compiled to a regular expression once per query.
    /// </summary>
    private static Func<string, bool> LikeMatcher(string pattern)
    {
        var core = pattern.Trim('%');
        if (core.AsSpan().IndexOfAny("%_[") < 0)
        {
            var leading = pattern.StartsWith('%');
            var trailing = pattern.Length > core.Length && pattern.EndsWith('%');
            return (leading, trailing) switch
            {
                (true, true) => x => x.Contains(core, StringComparison.OrdinalIgnoreCase),
                (false, true) => x => x.StartsWith(core, StringComparison.OrdinalIgnoreCase),
                (true, false) => x => x.EndsWith(core, StringComparison.OrdinalIgnoreCase),
                _ => x => x.Equals(core, StringComparison.OrdinalIgnoreCase),
            };
        }

        var regex = LikeToRegex(pattern);
        return regex.IsMatch;
    }

    /// <summary>SQL LIKE: % any run, _ one character, [..] a character class; case-insensitive.</summary>
    private static Regex LikeToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    builder.Append(".*");
                    break;
                case '_':
                    builder.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close > i + 1)
                    {
                        var body = pattern.Substring(i + 1, close - i - 1);
                        builder.Append('[')
                            .Append(body.StartsWith('^') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body))
                            .Append(']');
                        i = close;
                    }
                    else
                    {
                        builder.Append(Regex.Escape("["));
                    }

                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        builder.Append('$');

        // Interpreted, not RegexOptions.Compiled: the regex lives for one query over a few rows, so generating IL costs more than it saves.
        return new Regex(
            builder.ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
    }
}
