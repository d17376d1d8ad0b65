using System;
using System.Collections.Generic;
using System.Text.Json;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// The standard tables generated from Microsoft's table/column reference (<c>Metadata/Reference/generate.cs</c>;
/// data in <c>Metadata/Reference/tables/*.json</c>, embedded): every documented column with type, length, range,
/// required level, options, lookup targets, and the documented relationships with their cascade rules.
/// </summary>
internal static class ReferenceTables
{
    private const string ResourcePrefix = "reference/";

    /// <summary>Every generated table, with the relationships its page documents (either side).</summary>
    public static IReadOnlyList<(TableDefinition Table, IReadOnlyList<RelationshipDefinition> Relationships)> Load()
    {
        var assembly = typeof(ReferenceTables).Assembly;
        var result = new List<(TableDefinition, IReadOnlyList<RelationshipDefinition>)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var document = JsonDocument.Parse(stream);
                result.Add(Read(document.RootElement));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Item1.LogicalName, b.Item1.LogicalName));
        return result;
    }

    private static (TableDefinition, IReadOnlyList<RelationshipDefinition>) Read(JsonElement json)
    {
        var logicalName = Text(json, "logicalName")!;
        var attributes = new List<AttributeDefinition>();
        foreach (var column in json.GetProperty("attributes").EnumerateArray())
        {
            attributes.Add(Column(logicalName, column));
        }

        var relationships = new List<RelationshipDefinition>();
        foreach (var r in json.GetProperty("relationships").EnumerateArray())
        {
            relationships.Add(new RelationshipDefinition(
                Text(r, "schemaName")!, Text(r, "referencedEntity")!, Text(r, "referencingEntity")!, Text(r, "referencingAttribute")!,
                Enum.Parse<CascadeType>(Text(r, "delete")!), Enum.Parse<CascadeType>(Text(r, "assign")!)));
        }

        var own = relationships.FindAll(r => r.ReferencingTable == logicalName);
        var table = new TableDefinition(
            logicalName, Text(json, "primaryIdAttribute")!, Text(json, "primaryNameAttribute"),
            Enum.Parse<OwnershipType>(Text(json, "ownershipType")!), Label(json, "displayName"), attributes, own)
        {
            SchemaName = Text(json, "schemaName")!,
            EntitySetName = Text(json, "entitySetName")!,
            DisplayCollectionName = new DisplayLabel(Text(json, "displayCollectionName") ?? logicalName),
        };
        return (table, relationships);
    }

    private static AttributeDefinition Column(string table, JsonElement json)
    {
        var type = Kind(Text(json, "type")!);
        var targets = new List<string>();
        if (json.TryGetProperty("targets", out var list))
        {
            foreach (var target in list.EnumerateArray())
            {
                targets.Add(target.GetString()!);
            }
        }

        if (Tables.ReferenceSupplements.ExtraTargets.TryGetValue((table, Text(json, "logicalName")!), out var extra))
        {
            targets.AddRange(extra);
        }

        var options = new List<OptionDefinition>();
        if (json.TryGetProperty("options", out var optionList))
        {
            foreach (var option in optionList.EnumerateArray())
            {
                options.Add(new OptionDefinition(
                    option.GetProperty("value").GetInt32(), new DisplayLabel(Text(option, "label")!, Text(option, "labelGerman")),
                    Number(option, "state") is { } state ? (int)state : null,
                    Number(option, "defaultStatus") is { } status ? (int)status : null));
            }
        }

        var validForRead = json.GetProperty("validForRead").GetBoolean();
        // Booleans get their documented default on Create; internal columns nobody can read stay unset.
        object? defaultValue = type == ColumnKind.Boolean && validForRead && json.TryGetProperty("defaultValue", out var d) ? d.GetBoolean() : null;
        return new AttributeDefinition(
            Text(json, "logicalName")!, type, Label(json, "displayName"), Number(json, "maxLength") is { } max ? (int)max : null,
            options, targets, json.GetProperty("validForCreate").GetBoolean(), json.GetProperty("validForUpdate").GetBoolean(), defaultValue)
        {
            SchemaName = Text(json, "schemaName")!,
            RequiredLevel = Enum.Parse<RequiredLevel>(Text(json, "requiredLevel") ?? nameof(RequiredLevel.None)),
            MinValue = Number(json, "minValue"),
            MaxValue = Number(json, "maxValue"),
            Precision = Number(json, "precision") is { } precision ? (int)precision : null,
            ValidForRead = validForRead,
            DateTimeBehavior = Text(json, "dateTimeBehavior"),
        };
    }

    /// <summary>The query engine's kind for a documented attribute type; types it does not model (Image, File, Virtual …) are Other.</summary>
    public static ColumnKind Kind(string type) => type switch
    {
        "String" => ColumnKind.String,
        "Memo" => ColumnKind.Memo,
        "Integer" => ColumnKind.Integer,
        "BigInt" => ColumnKind.BigInt,
        "Decimal" => ColumnKind.Decimal,
        "Double" => ColumnKind.Double,
        "Money" => ColumnKind.Money,
        "Boolean" => ColumnKind.Boolean,
        "DateTime" => ColumnKind.DateTime,
        "Picklist" => ColumnKind.Picklist,
        "State" => ColumnKind.State,
        "Status" => ColumnKind.Status,
        "MultiSelectPicklist" => ColumnKind.MultiSelectPicklist,
        "Lookup" => ColumnKind.Lookup,
        "Customer" => ColumnKind.Customer,
        "Owner" => ColumnKind.Owner,
        "Uniqueidentifier" => ColumnKind.Uniqueidentifier,
        "EntityName" => ColumnKind.EntityName,
        _ => ColumnKind.Other,
    };

    private static DisplayLabel Label(JsonElement json, string name) => new(Text(json, name) ?? "", Text(json, name + "German"));

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
