using System;
using LeadQualifyExtensions.Emulator.Metadata;
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
            case AttributeType.String:
            case AttributeType.Memo:
                var text = Expect<string>(table, name, "System.String", value);
                if (attribute.MaxLength is { } max && text.Length > max)
                {
                    throw Faults.StringTooLong(table.LogicalName, name, max);
                }

                return text;
            case AttributeType.EntityName:
                return Expect<string>(table, name, "System.String", value);
            case AttributeType.Integer:
                return Expect<int>(table, name, "System.Int32", value);
            case AttributeType.BigInt:
                return Expect<long>(table, name, "System.Int64", value);
            case AttributeType.Decimal:
                return Expect<decimal>(table, name, "System.Decimal", value);
            case AttributeType.Double:
                return Expect<double>(table, name, "System.Double", value);
            case AttributeType.Boolean:
                return Expect<bool>(table, name, "System.Boolean", value);
            case AttributeType.Uniqueidentifier:
                return Expect<Guid>(table, name, "System.Guid", value);
            case AttributeType.DateTime:
                return EmulatorClock.ToUtc(Expect<DateTime>(table, name, "System.DateTime", value));
            case AttributeType.Money:
                return new Money(Expect<Money>(table, name, "Microsoft.Xrm.Sdk.Money", value).Value);
            case AttributeType.Picklist:
            case AttributeType.State:
            case AttributeType.Status:
                var option = Expect<OptionSetValue>(table, name, "Microsoft.Xrm.Sdk.OptionSetValue", value);
                if (attribute.FindOption(option.Value) is null)
                {
                    throw attribute.Type == AttributeType.Picklist
                        ? Faults.OptionOutOfRange(table.LogicalName, name, option.Value)
                        : Faults.InvalidStateStatus(table.LogicalName, option.Value, option.Value);
                }

                return new OptionSetValue(option.Value);
            case AttributeType.Lookup:
            case AttributeType.Customer:
            case AttributeType.Owner:
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
