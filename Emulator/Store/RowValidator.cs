using System;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>Checks one attribute value against its column definition and normalises it (DateTime to UTC).</summary>
internal static class RowValidator
{
    /// <summary>Validates <paramref name="value"/> for <paramref name="attribute"/> and returns the value to store.</summary>
    public static object? Validate(TableDefinition table, AttributeDefinition attribute, object? value, EntityStore store)
    {
        if (value is null)
        {
            return null;
        }

        var name = attribute.LogicalName;
        switch (attribute.Type)
        {
            case ColumnKind.String:
            case ColumnKind.Memo:
                var text = Expect<string>(table, name, "System.String", value);
                if (attribute.MaxLength is { } max && text.Length > max)
                {
                    throw Faults.StringTooLong(table.LogicalName, name, max);
                }

                return text;
            case ColumnKind.EntityName:
                return Expect<string>(table, name, "System.String", value);
            case ColumnKind.Integer:
                var whole = Expect<int>(table, name, "System.Int32", value);
                CheckRange(table, attribute, whole);
                return whole;
            case ColumnKind.BigInt:
                return Expect<long>(table, name, "System.Int64", value);
            case ColumnKind.Decimal:
                var number = Expect<decimal>(table, name, "System.Decimal", value);
                CheckRange(table, attribute, number);
                return number;
            case ColumnKind.Double:
                return Expect<double>(table, name, "System.Double", value);
            case ColumnKind.Boolean:
                return Expect<bool>(table, name, "System.Boolean", value);
            case ColumnKind.Uniqueidentifier:
                return Expect<Guid>(table, name, "System.Guid", value);
            case ColumnKind.DateTime:
                var date = QueryValues.ToUtc(Expect<DateTime>(table, name, "System.DateTime", value));
                return date >= Faults.EarliestDate && date <= Faults.LatestDate ? date : throw Faults.DateOutOfRange(table.LogicalName, name, date);
            case ColumnKind.Money:
                return new Money(CheckMoney(table, attribute, Expect<Money>(table, name, "Microsoft.Xrm.Sdk.Money", value).Value));
            case ColumnKind.Picklist:
            case ColumnKind.State:
            case ColumnKind.Status:
                var option = Expect<OptionSetValue>(table, name, "Microsoft.Xrm.Sdk.OptionSetValue", value);
                if (attribute.FindOption(option.Value) is null)
                {
                    throw attribute.Type == ColumnKind.Picklist
                        ? Faults.OptionOutOfRange(table.LogicalName, name, option.Value)
                        : Faults.InvalidStateStatus(table, option.Value, option.Value);
                }

                return new OptionSetValue(option.Value);
            case ColumnKind.Lookup:
            case ColumnKind.Customer:
            case ColumnKind.Owner:
                var reference = Expect<EntityReference>(table, name, "Microsoft.Xrm.Sdk.EntityReference", value);
                if (!Contains(attribute.Targets, reference.LogicalName))
                {
                    throw Faults.InvalidLookupTarget(table.LogicalName, name, reference.LogicalName ?? "(null)");
                }

                if (!store.Exists(reference.LogicalName!, reference.Id))
                {
                    throw Faults.RecordNotFound(reference.LogicalName!, reference.Id);
                }

                return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
            default:
                return EntityCloner.CloneValue(value);
        }
    }

    /// <summary>
    /// The .NET type check alone (no lengths, options, lookups or ranges), for every column of a Create, Update or
    /// Upsert Target whose table and column are known: the platform refuses a wrongly typed value (statecode as a plain
    /// int, say) before any plug-in step sees it.
    /// </summary>
    public static void CheckTypes(EmulatorSchema schema, OrganizationRequest request)
    {
        if (request.RequestName is not ("Create" or "Update" or "Upsert")
            || !request.Parameters.TryGetValue("Target", out var value) || value is not Entity target
            || schema.Find(target.LogicalName) is not { } table)
        {
            return;
        }

        foreach (var pair in target.Attributes)
        {
            if (pair.Value is not null && table.Attributes.TryGetValue(pair.Key, out var attribute)
                && ExpectedType(attribute.Type) is { } expected && !expected.Type.IsInstanceOfType(pair.Value))
            {
                throw Faults.WrongValueType(table.LogicalName, pair.Key, expected.Name, pair.Value);
            }
        }
    }

    private static (Type Type, string Name)? ExpectedType(ColumnKind kind) => kind switch
    {
        ColumnKind.String or ColumnKind.Memo or ColumnKind.EntityName => (typeof(string), "System.String"),
        ColumnKind.Integer => (typeof(int), "System.Int32"),
        ColumnKind.BigInt => (typeof(long), "System.Int64"),
        ColumnKind.Decimal => (typeof(decimal), "System.Decimal"),
        ColumnKind.Double => (typeof(double), "System.Double"),
        ColumnKind.Boolean => (typeof(bool), "System.Boolean"),
        ColumnKind.Uniqueidentifier => (typeof(Guid), "System.Guid"),
        ColumnKind.DateTime => (typeof(DateTime), "System.DateTime"),
        ColumnKind.Money => (typeof(Money), "Microsoft.Xrm.Sdk.Money"),
        ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => (typeof(OptionSetValue), "Microsoft.Xrm.Sdk.OptionSetValue"),
        ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner => (typeof(EntityReference), "Microsoft.Xrm.Sdk.EntityReference"),
        _ => null,
    };

    // A whole or decimal number outside the column's range (e.g. a custom column's MinValue/MaxValue) is refused.
    private static void CheckRange(TableDefinition table, AttributeDefinition attribute, decimal value)
    {
        if ((attribute.MinValue is { } min && value < min) || (attribute.MaxValue is { } max && value > max))
        {
            throw Faults.NumberOutOfRange(table.LogicalName, attribute.LogicalName, value, attribute.MinValue ?? decimal.MinValue, attribute.MaxValue ?? decimal.MaxValue);
        }
    }

    // The platform's currency range, narrowed by the column's documented range; no more decimals than the column keeps.
    private static decimal CheckMoney(TableDefinition table, AttributeDefinition attribute, decimal value)
    {
        var min = Math.Max(-Faults.MaxMoney, attribute.MinValue ?? -Faults.MaxMoney);
        var max = Math.Min(Faults.MaxMoney, attribute.MaxValue ?? Faults.MaxMoney);
        if (value < min || value > max)
        {
            throw Faults.NumberOutOfRange(table.LogicalName, attribute.LogicalName, value, min, max);
        }

        if (attribute.Precision is { } precision && decimal.Round(value, precision) != value)
        {
            throw Faults.TooPrecise(table.LogicalName, attribute.LogicalName, value, precision);
        }

        return value;
    }

    private static T Expect<T>(TableDefinition table, string column, string expected, object value) =>
        value is T typed ? typed : throw Faults.WrongValueType(table.LogicalName, column, expected, value);

    private static bool Contains(System.Collections.Generic.IReadOnlyList<string> targets, string? table)
    {
        foreach (var target in targets)
        {
            if (string.Equals(target, table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
