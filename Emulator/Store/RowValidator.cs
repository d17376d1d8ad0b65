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
                return Expect<int>(table, name, "System.Int32", value);
            case ColumnKind.BigInt:
                return Expect<long>(table, name, "System.Int64", value);
            case ColumnKind.Decimal:
                return Expect<decimal>(table, name, "System.Decimal", value);
            case ColumnKind.Double:
                return Expect<double>(table, name, "System.Double", value);
            case ColumnKind.Boolean:
                return Expect<bool>(table, name, "System.Boolean", value);
            case ColumnKind.Uniqueidentifier:
                return Expect<Guid>(table, name, "System.Guid", value);
            case ColumnKind.DateTime:
                return QueryValues.ToUtc(Expect<DateTime>(table, name, "System.DateTime", value));
            case ColumnKind.Money:
                return new Money(Expect<Money>(table, name, "Microsoft.Xrm.Sdk.Money", value).Value);
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
