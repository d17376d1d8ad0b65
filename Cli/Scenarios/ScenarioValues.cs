using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>The aliases a running scenario knows: records (created or captured) and users.</summary>
public sealed class AliasMap
{
    private readonly Dictionary<string, EntityReference> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _users = new(StringComparer.Ordinal);

    /// <summary>Names a record.</summary>
    public void AddRecord(string alias, EntityReference reference) => _records[alias] = reference;

    /// <summary>Names a user.</summary>
    public void AddUser(string alias, Guid id) => _users[alias] = id;

    /// <summary>The user's id.</summary>
    public Guid User(string alias) =>
        _users.TryGetValue(alias, out var id) ? id : throw new StepFailedException($"no user has the alias '{alias}'");

    /// <summary>The reference an alias value names.</summary>
    public EntityReference Resolve(ValueSpec value)
    {
        var alias = value.Text ?? string.Empty;
        if (value.Table == "systemuser" && _users.TryGetValue(alias, out var user))
        {
            return new EntityReference("systemuser", user);
        }

        if (_records.TryGetValue(alias, out var record))
        {
            return new EntityReference(record.LogicalName, record.Id);
        }

        if (_users.TryGetValue(alias, out user))
        {
            return new EntityReference("systemuser", user);
        }

        throw new StepFailedException($"'{alias}' names no record (was the step that creates or captures it successful?)");
    }
}

/// <summary>Turns scenario values into SDK values (by the column's type where known) and compares them.</summary>
public static class ScenarioValues
{
    /// <summary>The SDK value of <paramref name="value"/> for <paramref name="column"/> of <paramref name="table"/> (table may be null).</summary>
    public static object? ToSdk(ValueSpec value, AliasMap aliases, string? table, string column)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(aliases);
        var type = table is null ? null : MetadataCatalog.Find(table)?.Attributes.GetValueOrDefault(column)?.Type;
        return value.Kind switch
        {
            ValueKind.Null => null,
            ValueKind.Text => value.Text,
            ValueKind.Boolean => value.Flag,
            ValueKind.Whole or ValueKind.Number => Number(value, type),
            ValueKind.Money => new Money(value.Number),
            ValueKind.Option => new OptionSetValue((int)value.Number),
            ValueKind.Options => new OptionSetValueCollection(value.Numbers!.Select(n => new OptionSetValue(n)).ToList()),
            ValueKind.Reference => aliases.Resolve(value),
            ValueKind.Date or ValueKind.DateTime => value.Instant,
            ValueKind.Uuid => value.Id,
            ValueKind.Entity => ToEntity(value.Table!, Guid.Empty, value.Values ?? new Dictionary<string, ValueSpec>(), aliases),
            _ => throw new StepFailedException($"{value.Path}: {value} is only allowed in checks"),
        };
    }

    /// <summary>An entity of <paramref name="table"/> with the given column values.</summary>
    public static Entity ToEntity(string table, Guid id, IReadOnlyDictionary<string, ValueSpec> values, AliasMap aliases)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entity = new Entity(table) { Id = id };
        foreach (var (column, value) in values)
        {
            entity[column] = ToSdk(value, aliases, table, column)!;
        }

        return entity;
    }

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else why not.</summary>
    public static string? Mismatch(ValueSpec expected, object? actual, AliasMap aliases)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is AliasedValue aliased)
        {
            actual = aliased.Value;
        }

        var matches = expected.Kind switch
        {
            ValueKind.Null => actual is null,
            ValueKind.Any => actual is not null,
            ValueKind.Text => actual is string s ? string.Equals(s, expected.Text, StringComparison.Ordinal)
                : actual is EntityReference r && string.Equals(r.Name, expected.Text, StringComparison.Ordinal),
            ValueKind.Boolean => actual is bool b && b == expected.Flag,
            ValueKind.Whole or ValueKind.Number => Decimal(actual) == expected.Number,
            ValueKind.Money => Decimal(actual) == expected.Number,
            ValueKind.Option => actual switch
            {
                OptionSetValue o => o.Value == expected.Number,
                int i => i == expected.Number,
                _ => false,
            },
            ValueKind.Options => actual is OptionSetValueCollection c
                && c.Select(o => o.Value).Order().SequenceEqual(expected.Numbers!.Order()),
            ValueKind.Reference => actual switch
            {
                EntityReference reference => SameRecord(reference, aliases.Resolve(expected)),
                Guid id => id == aliases.Resolve(expected).Id,
                _ => false,
            },
            ValueKind.Date => actual is DateTime d && d.Date == expected.Instant.Date,
            ValueKind.DateTime => actual is DateTime t && ToUtc(t) == expected.Instant,
            ValueKind.Uuid => actual switch
            {
                Guid g => g == expected.Id,
                EntityReference e => e.Id == expected.Id,
                _ => false,
            },
            _ => false,
        };
        return matches ? null : $"expected {expected}, found {Describe(actual)}";
    }

    /// <summary>A readable form of an SDK value.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        Money m => "money " + m.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValue o => "option " + o.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValueCollection c => $"options [{string.Join(", ", c.Select(o => o.Value))}]",
        EntityReference r => $"{r.LogicalName} {r.Id}{(r.Name is null ? string.Empty : $" ({r.Name})")}",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object Number(ValueSpec value, ColumnKind? type) => type switch
    {
        ColumnKind.Integer => (int)Whole(value, int.MinValue, int.MaxValue, "a whole number column"),
        ColumnKind.BigInt => (long)Whole(value, long.MinValue, long.MaxValue, "a big whole number column"),
        ColumnKind.Double => (double)value.Number,
        ColumnKind.Decimal => value.Number,
        ColumnKind.Money => new Money(value.Number),
        ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => new OptionSetValue((int)Whole(value, int.MinValue, int.MaxValue, "an option")),
        _ => value.Kind == ValueKind.Whole && value.Number is >= int.MinValue and <= int.MaxValue ? (int)value.Number : value.Number,
    };

    // The column's type is known only here (an update names its record by alias): a value that cannot be one is the
    // file's fault, reported with its path like any other invalid value.
    private static decimal Whole(ValueSpec value, decimal min, decimal max, string what) =>
        value.Number == decimal.Truncate(value.Number) && value.Number >= min && value.Number <= max
            ? value.Number
            : throw new ScenarioFileException(value.Path, string.Create(CultureInfo.InvariantCulture, $"{value.Number} is not {what} (whole, {min} to {max})"));

    private static decimal? Decimal(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        Money m => m.Value,
        OptionSetValue o => o.Value,
        _ => null,
    };

    private static bool SameRecord(EntityReference actual, EntityReference expected) =>
        actual.Id == expected.Id && string.Equals(actual.LogicalName, expected.LogicalName, StringComparison.Ordinal);

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}

/// <summary>A step did not do what the scenario says; the message says how.</summary>
public sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StepFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StepFailedException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
