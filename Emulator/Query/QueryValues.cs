using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Value handling shared by filters, joins, sorting and aggregates: normalization to comparable
/// primitives (lookups by id, choices and money by value), Dataverse-like comparison
/// (case-insensitive strings, nulls never equal), conversion of condition values to a column's
/// kind, and cloning of returned values.
/// </summary>
internal static class QueryValues
{
    /// <summary>Reads a column, falling back to <see cref="Entity.Id"/> for the primary id.</summary>
    public static object? Read(Entity? entity, string attribute, bool isPrimaryId)
    {
        if (entity is null)
        {
            return null;
        }

        if (entity.Attributes.TryGetValue(attribute, out var value) && value is not null)
        {
            return value;
        }

        return isPrimaryId && entity.Id != Guid.Empty ? entity.Id : null;
    }

    /// <summary>The row's id: the primary id column when set, else <see cref="Entity.Id"/>.</summary>
    public static Guid ReadId(Entity entity, string primaryId) =>
        Read(entity, primaryId, isPrimaryId: true) is Guid id ? id : entity.Id;

    /// <summary>Reduces SDK wrapper types to the primitive the platform compares.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or int or Guid or bool or decimal => value,
        EntityReference reference => reference.Id,
        OptionSetValue option => option.Value,
        Money money => money.Value,
        AliasedValue aliased => Normalize(aliased.Value),
        DateTime dateTime => ToUtc(dateTime),
        DateTimeOffset offset => offset.UtcDateTime,
        Enum enumValue => Convert.ToInt32(enumValue, CultureInfo.InvariantCulture),
        _ => value,
    };

    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static bool IsNumeric(object value) =>
        value is int or long or decimal or double or float or short or byte or uint or ulong or ushort or sbyte;

    /// <summary>Orders two normalized, non-null values.</summary>
    public static int Compare(object left, object right)
    {
        // Same-type fast paths first: this runs once per row and condition.
        switch (left)
        {
            case string leftText when right is string rightText:
                return string.Compare(leftText, rightText, StringComparison.OrdinalIgnoreCase);
            case int leftInt when right is int rightInt:
                return leftInt.CompareTo(rightInt);
            case decimal leftDecimal when right is decimal rightDecimal:
                return leftDecimal.CompareTo(rightDecimal);
            case Guid leftGuid when right is Guid rightGuid:
                return leftGuid.CompareTo(rightGuid);
            case DateTime leftDate when right is DateTime rightDate && leftDate.Kind == rightDate.Kind:
                return leftDate.CompareTo(rightDate);
        }

        if (IsNumeric(left) && IsNumeric(right))
        {
            if (left is double or float || right is double or float)
            {
                return Convert.ToDouble(left, CultureInfo.InvariantCulture)
                    .CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
            }

            return Convert.ToDecimal(left, CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        }

        return (left, right) switch
        {
            (DateTime l, DateTime r) => ToUtc(l).CompareTo(ToUtc(r)),
            (Guid l, Guid r) => l.CompareTo(r),
            (bool l, bool r) => l.CompareTo(r),
            _ => string.Compare(
                Convert.ToString(left, CultureInfo.InvariantCulture),
                Convert.ToString(right, CultureInfo.InvariantCulture),
                StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>Orders two normalized values with nulls first (SQL ascending order).</summary>
    public static int CompareNullable(object? left, object? right)
    {
        if (left is null)
        {
            return right is null ? 0 : -1;
        }

        return right is null ? 1 : Compare(left, right);
    }

    public static bool AreEqual(object left, object right) => left switch
    {
        string leftText when right is string rightText => string.Equals(leftText, rightText, StringComparison.OrdinalIgnoreCase),
        int leftInt when right is int rightInt => leftInt == rightInt,
        Guid leftGuid when right is Guid rightGuid => leftGuid == rightGuid,
        _ => Compare(left, right) == 0,
    };

    /// <summary>
    /// Converts a condition value (typed, or a FetchXML string) to the comparable primitive for
    /// <paramref name="kind"/>; faults when the value cannot represent that kind.
    /// </summary>
    public static object? ConvertForColumn(object? value, ColumnKind kind, string attribute)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return kind switch
            {
                ColumnKind.Integer or ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status
                    or ColumnKind.MultiSelectPicklist => ToInt(value),
                ColumnKind.BigInt => value is string s ? long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)
                    : Convert.ToInt64(Normalize(value), CultureInfo.InvariantCulture),
                ColumnKind.Decimal or ColumnKind.Money => value is string s ? decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture)
                    : Convert.ToDecimal(Normalize(value), CultureInfo.InvariantCulture),
                ColumnKind.Double => value is string s ? double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : Convert.ToDouble(Normalize(value), CultureInfo.InvariantCulture),
                ColumnKind.Boolean => ToBool(value),
                ColumnKind.DateTime => ToDateTime(value),
                ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner or ColumnKind.Uniqueidentifier => ToGuid(value),
                ColumnKind.String or ColumnKind.Memo or ColumnKind.EntityName => value is string ? value : Convert.ToString(Normalize(value), CultureInfo.InvariantCulture),
                _ => Normalize(value),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw QueryFaults.InvalidArgument(QueryFaults.Format(
                "Condition value '{0}' is not valid for attribute '{1}' of type {2}.", value, attribute, kind));
        }
    }

    public static DateTime ToDateTime(object value) => value switch
    {
        DateTime d => ToUtc(d),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException(),
    };

    private static int ToInt(object value) => value switch
    {
        int i => i,
        OptionSetValue o => o.Value,
        string s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => Convert.ToInt32(Normalize(value), CultureInfo.InvariantCulture),
    };

    private static bool ToBool(object value) => value switch
    {
        bool b => b,
        string s when s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s == "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        int i when i is 0 or 1 => i == 1,
        _ => throw new FormatException(),
    };

    private static Guid ToGuid(object value) => value switch
    {
        Guid g => g,
        EntityReference r => r.Id,
        string s => Guid.Parse(s),
        _ => throw new InvalidCastException(),
    };
}

/// <summary>Equality over normalized values that agrees with <see cref="QueryValues.Compare"/>.</summary>
internal sealed class QueryValueComparer : IEqualityComparer<object>
{
    public static readonly QueryValueComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return QueryValues.AreEqual(x, y);
    }

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.OrdinalIgnoreCase.GetHashCode(s),
        double d => double.IsFinite(d) && Math.Abs(d) < 7.9e27 ? ((decimal)d).GetHashCode() : d.GetHashCode(),
        float f => double.IsFinite(f) && Math.Abs(f) < 7.9e27 ? ((decimal)f).GetHashCode() : f.GetHashCode(),
        _ when QueryValues.IsNumeric(obj) => Convert.ToDecimal(obj, CultureInfo.InvariantCulture).GetHashCode(),
        DateTime d => QueryValues.ToUtc(d).Ticks.GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
