using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.OData;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi;

/// <summary>Rows as Web API JSON and Web API JSON payloads as rows, typed by the table's metadata.</summary>
internal static class EntityJson
{
    /// <summary>Writes one row's properties (the caller writes the braces and the annotations before them).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, ServedTable table, Entity entity, IReadOnlyList<string> selected, Annotations? annotations = null)
    {
        writer.WriteString("@odata.etag", $"W/\"{entity.GetAttributeValue<long?>("versionnumber")?.ToString(CultureInfo.InvariantCulture) ?? "0"}\"");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (column, value) in entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var known = table.Table.Attributes.TryGetValue(column, out var definition);
            if (value is AliasedValue || (!known && column != table.Table.PrimaryIdAttribute))
            {
                continue;
            }

            var name = definition is null ? column : ServedMetadata.PropertyName(definition);
            if (annotations is not null && definition is not null && value is not null)
            {
                annotations.Write(writer, name, definition, entity, value, table);
            }

            writer.WritePropertyName(name);
            WriteValue(writer, value);
            written.Add(name);
        }

        // Dataverse answers every selected column, null when the row has no value.
        foreach (var name in selected.Where(s => !written.Contains(s)))
        {
            writer.WriteNull(name);
        }

        if (!written.Contains(table.Table.PrimaryIdAttribute))
        {
            writer.WriteString(table.Table.PrimaryIdAttribute, entity.Id);
        }
    }

    /// <summary>The row a POST or PATCH body describes (columns by logical name, lookups by <c>name@odata.bind</c>).</summary>
    public static Entity ReadPayload(ServedMetadata metadata, ServedTable table, JsonElement body, Guid id)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ODataException("The request body must be a JSON object.");
        }

        var entity = new Entity(table.LogicalName, id);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name.StartsWith("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (property.Name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = property.Name[..^"@odata.bind".Length];
                if (!table.Navigations.TryGetValue(navigation, out var lookup))
                {
                    throw new ODataException($"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                }

                // null clears the lookup, as on the platform.
                entity[lookup.Column] = property.Value.ValueKind == JsonValueKind.Null ? null! : Reference(metadata, property.Value.GetString(), lookup.Target);
                continue;
            }

            if (!table.Table.Attributes.TryGetValue(property.Name, out var column) || column.IsReference)
            {
                throw new ODataException($"The property '{property.Name}' does not exist on type '{ServedMetadata.Namespace}.{table.LogicalName}'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }

            if (column.LogicalName == table.Table.PrimaryIdAttribute)
            {
                continue;
            }

            entity[column.LogicalName] = property.Value.ValueKind == JsonValueKind.Null ? null! : Value(column, property.Value);
        }

        return entity;
    }

    /// <summary>"/accounts(id)", "accounts(id)" or an absolute URL ending so, as a reference to a row of <paramref name="expected"/>.</summary>
    public static EntityReference Reference(ServedMetadata metadata, string? link, string expected)
    {
        var text = link ?? string.Empty;
        var open = text.LastIndexOf('(');
        var slash = text.LastIndexOf('/', open < 0 ? text.Length - 1 : open);
        if (open < 0 || !text.EndsWith(')') || !Guid.TryParse(text[(open + 1)..^1], out var id))
        {
            throw new ODataException($"The @odata.bind value '{text}' is not an entity set with a key, e.g. /accounts(00000000-0000-0000-0000-000000000000).");
        }

        var set = text[(slash + 1)..open];
        var table = metadata.BySet(set) ?? throw new ODataException($"Resource not found for the segment '{set}'.");
        if (table.LogicalName != expected)
        {
            throw new ODataException($"The @odata.bind value '{text}' points at {table.LogicalName}, but the navigation property expects {expected}.");
        }

        return new EntityReference(table.LogicalName, id);
    }

    private static object Value(AttributeDefinition column, JsonElement value)
    {
        try
        {
            return column.Type switch
            {
                ColumnKind.Integer => value.GetInt32(),
                ColumnKind.BigInt => value.GetInt64(),
                ColumnKind.Decimal => value.GetDecimal(),
                ColumnKind.Double => value.GetDouble(),
                ColumnKind.Money => new Money(value.GetDecimal()),
                ColumnKind.Boolean => value.GetBoolean(),
                ColumnKind.DateTime => value.GetDateTimeOffset().UtcDateTime,
                ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => new OptionSetValue(value.GetInt32()),
                ColumnKind.MultiSelectPicklist => new OptionSetValueCollection(
                    (value.GetString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => new OptionSetValue(int.Parse(v, CultureInfo.InvariantCulture))).ToList()),
                ColumnKind.Uniqueidentifier => value.GetGuid(),
                _ => value.GetString() ?? throw new FormatException(),
            };
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new ODataException($"Cannot convert the literal '{value.GetRawText()}' to the expected type of '{column.LogicalName}' ({column.Type}).", exception);
        }
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case Guid id: writer.WriteStringValue(id); break;
            case DateTime moment: writer.WriteStringValue(DateTime.SpecifyKind(moment.ToUniversalTime(), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
            case Money money: writer.WriteNumberValue(money.Value); break;
            case OptionSetValue option: writer.WriteNumberValue(option.Value); break;
            case OptionSetValueCollection options: writer.WriteStringValue(string.Join(",", options.Select(o => o.Value.ToString(CultureInfo.InvariantCulture)))); break;
            case EntityReference reference: writer.WriteStringValue(reference.Id); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
