using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator.Metadata.Import;

/// <summary>Tables and one-to-many relationships read from a schema source, not yet added to any schema.</summary>
/// <param name="Tables">New tables, or standard tables with the columns to add to them.</param>
/// <param name="Relationships">One-to-many relationships (lookups with their cascade rules).</param>
/// <param name="ManyToMany">Many-to-many relationships.</param>
internal sealed record ImportedSchema(IReadOnlyList<TableDefinition> Tables, IReadOnlyList<RelationshipDefinition> Relationships, IReadOnlyList<ManyToManyDefinition>? ManyToMany = null)
{
    /// <summary>Adds every table first, then the relationships, so lookups between imported tables connect whatever the order.</summary>
    public void ApplyTo(EmulatorSchema schema)
    {
        foreach (var table in Tables)
        {
            schema.Add(table);
        }

        foreach (var relationship in Relationships)
        {
            schema.AddRelationship(relationship);
        }

        foreach (var relationship in ManyToMany ?? [])
        {
            schema.AddManyToMany(relationship);
        }
    }
}

/// <summary>
/// Reads the <c>Entities</c>, <c>EntityRelationships</c> and <c>optionsets</c> sections of an exported solution's
/// customizations.xml (the ImportExportXml format) into the emulator's metadata model. Names in exports are schema
/// names (<c>cr862_Tasks</c>, <c>SystemUser</c>); logical names are their lower-case forms, as on the platform.
/// </summary>
internal static class SolutionSchemaReader
{
    /// <summary>The schema in <paramref name="root"/> (an ImportExportXml element); empty when it has no Entities.</summary>
    public static ImportedSchema Read(XElement root, EmulatorSchema schema)
    {
        var globalOptions = (root.Element("optionsets")?.Elements("optionset") ?? [])
            .Where(o => o.Attribute("Name") is not null)
            .GroupBy(o => Lower(o.Attribute("Name")!.Value), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Options(g.First()), StringComparer.Ordinal);
        var relationships = (root.Element("EntityRelationships")?.Elements("EntityRelationship") ?? [])
            .Where(r => Text(r, "EntityRelationshipType") == "OneToMany")
            .Select(OneToMany)
            .OfType<RelationshipDefinition>()
            .ToList();
        var manyToMany = (root.Element("EntityRelationships")?.Elements("EntityRelationship") ?? [])
            .Where(r => Text(r, "EntityRelationshipType") == "ManyToMany")
            .Select(r => (Name: r.Attribute("Name")?.Value, First: Text(r, "FirstEntityName"), Second: Text(r, "SecondEntityName"), Intersect: Text(r, "IntersectEntityName")))
            .Where(r => r.Name is not null && r.First is not null && r.Second is not null)
            .Select(r => ManyToManyDefinition.Between(r.Name!, Lower(r.First!), Lower(r.Second!), Lower(r.Intersect ?? r.Name!)))
            .ToList();
        var tables = (root.Element("Entities")?.Elements("Entity") ?? [])
            .Select(e => e.Element("EntityInfo")?.Element("entity"))
            .OfType<XElement>()
            .Select(e => Table(e, schema, relationships, globalOptions))
            .ToList();
        return new ImportedSchema(tables, relationships, manyToMany);
    }

    private static RelationshipDefinition? OneToMany(XElement relationship)
    {
        var name = relationship.Attribute("Name")?.Value;
        var referencing = Text(relationship, "ReferencingEntityName");
        var referenced = Text(relationship, "ReferencedEntityName");
        var attribute = Text(relationship, "ReferencingAttributeName");
        return name is null || referencing is null || referenced is null || attribute is null
            ? null
            : new RelationshipDefinition(
                name, Lower(referenced), Lower(referencing), Lower(attribute),
                Cascade(Text(relationship, "CascadeDelete"), CascadeType.RemoveLink), Cascade(Text(relationship, "CascadeAssign"), CascadeType.NoCascade));
    }

    private static TableDefinition Table(
        XElement entity, EmulatorSchema schema, List<RelationshipDefinition> relationships, Dictionary<string, List<OptionDefinition>> globalOptions)
    {
        var schemaName = entity.Attribute("Name")?.Value ?? throw new InvalidDataException("customizations.xml: an <entity> has no Name.");
        var logicalName = Lower(schemaName);
        var columns = (entity.Element("attributes")?.Elements("attribute") ?? [])
            .Select(a => Column(a, logicalName, relationships, globalOptions))
            .OfType<AttributeDefinition>()
            .ToList();
        if (schema.Find(logicalName) is { } existing)
        {
            // A standard (or earlier imported) table: the export lists its columns; the ones it does not have are added.
            return new TableDefinition(existing.LogicalName, existing.PrimaryIdAttribute, existing.PrimaryNameAttribute, existing.Ownership, existing.DisplayName, columns, []);
        }

        var label = Labels(entity.Element("LocalizedNames"), "LocalizedName") ?? new DisplayLabel(schemaName);
        var primaryId = columns.FirstOrDefault(c => c.Type == ColumnKind.Uniqueidentifier && c.LogicalName == logicalName + "id")?.LogicalName ?? logicalName + "id";
        var primaryName = Text(entity, "PrimaryNameAttribute") is { } named ? Lower(named)
            : (entity.Element("attributes")?.Elements("attribute") ?? [])
                .FirstOrDefault(a => (Text(a, "DisplayMask") ?? "").Split('|').Contains("PrimaryName", StringComparer.Ordinal)) is { } primary
                ? Lower(Text(primary, "LogicalName") ?? primary.Attribute("PhysicalName")!.Value) : null;
        var ownership = Text(entity, "OwnershipTypeMask") switch
        {
            "OrganizationOwned" => OwnershipType.OrganizationOwned,
            "None" => OwnershipType.None,
            "BusinessOwned" => OwnershipType.BusinessOwned,
            _ => OwnershipType.UserOwned,
        };

        // The platform's own columns (key, created/modified, owner, Active/Inactive) come from the same builder the
        // standard tables use; the export's definitions of everything else replace or extend them.
        var core = new TableBuilder(logicalName, primaryId, primaryName, ownership, label.English, label.German).ActiveInactiveStateStatus().Build();
        var platformOwned = new HashSet<string>(["createdon", "modifiedon", "createdby", "modifiedby", "versionnumber", "ownerid", "owningbusinessunit", "owninguser", primaryId], StringComparer.Ordinal);
        var byName = columns.ToDictionary(c => c.LogicalName, StringComparer.Ordinal);
        var merged = core.AttributeList
            .Select(c => !platformOwned.Contains(c.LogicalName) && byName.TryGetValue(c.LogicalName, out var given) ? given : c)
            .Concat(columns.Where(c => !core.Attributes.ContainsKey(c.LogicalName)))
            .ToArray();
        return new TableDefinition(logicalName, primaryId, primaryName, ownership, label, merged, [])
        {
            SchemaName = schemaName,
            EntitySetName = Text(entity, "EntitySetName") ?? logicalName + "s",
            DisplayCollectionName = Labels(entity.Element("LocalizedCollectionNames"), "LocalizedCollectionName") ?? new DisplayLabel(label.English + "s", label.German),
            IsCustomEntity = true,
        };
    }

    private static AttributeDefinition? Column(
        XElement attribute, string table, List<RelationshipDefinition> relationships, Dictionary<string, List<OptionDefinition>> globalOptions)
    {
        var physical = attribute.Attribute("PhysicalName")?.Value;
        var logicalName = Lower(Text(attribute, "LogicalName") ?? Text(attribute, "Name") ?? physical ?? "");
        if (logicalName.Length == 0)
        {
            return null;
        }

        var type = Kind(Text(attribute, "Type") ?? attribute.Attribute("Type")?.Value);
        var options = type is ColumnKind.Picklist or ColumnKind.MultiSelectPicklist or ColumnKind.State or ColumnKind.Status or ColumnKind.Boolean
            ? ColumnOptions(attribute, globalOptions)
            : [];
        var targets = type is ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner
            ? relationships.Where(r => r.ReferencingTable == table && r.ReferencingAttribute == logicalName).Select(r => r.ReferencedTable).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        if (type == ColumnKind.Owner)
        {
            targets = ["systemuser"]; // exports name the pseudo-table Owner; the emulator's owners are users
        }

        var readOnly = Flag(attribute, "ValidForCreateApi") == false && Flag(attribute, "ValidForUpdateApi") == false;
        return new AttributeDefinition(
            logicalName, type, Labels(attribute.Element("displaynames"), "displayname") ?? new DisplayLabel(physical ?? logicalName),
            Int(attribute, "MaxLength"), options, targets,
            Flag(attribute, "ValidForCreateApi") ?? true, Flag(attribute, "ValidForUpdateApi") ?? true, DefaultValue(attribute, type, readOnly))
        {
            SchemaName = physical ?? logicalName,
            RequiredLevel = Text(attribute, "RequiredLevel") switch
            {
                "required" => RequiredLevel.ApplicationRequired,
                "systemrequired" => RequiredLevel.SystemRequired,
                "recommended" => RequiredLevel.Recommended,
                _ => RequiredLevel.None,
            },
            MinValue = Decimal(attribute, "MinValue"),
            MaxValue = Decimal(attribute, "MaxValue"),
            Precision = Int(attribute, "Precision") ?? Int(attribute, "Accuracy"),
            ValidForRead = Flag(attribute, "ValidForReadApi") ?? true,
            DateTimeBehavior = type == ColumnKind.DateTime ? Behavior(attribute) : null,
            IsCustom = Flag(attribute, "IsCustomField") ?? true,
        };
    }

    // Two-option columns get their documented default on Create (AppDefaultValue in exports); other types get none.
    private static object? DefaultValue(XElement attribute, ColumnKind type, bool readOnly) =>
        type == ColumnKind.Boolean && !readOnly ? (Text(attribute, "AppDefaultValue") ?? Text(attribute, "DefaultValue")) == "1" : null;

    private static List<OptionDefinition> ColumnOptions(XElement attribute, Dictionary<string, List<OptionDefinition>> globalOptions)
    {
        var set = attribute.Element("optionset");
        var own = set is null ? [] : Options(set);
        if (own.Count > 0)
        {
            return own;
        }

        // A global choice: the column names it (OptionSetName, or the optionset's Name with IsGlobal 1); its options sit in <optionsets>.
        var name = Text(attribute, "OptionSetName") ?? set?.Attribute("Name")?.Value;
        return name is not null && globalOptions.TryGetValue(Lower(name), out var global) ? global : [];
    }

    private static List<OptionDefinition> Options(XElement set)
    {
        var result = new List<OptionDefinition>();
        foreach (var option in set.Element("options")?.Elements("option") ?? [])
        {
            result.Add(new OptionDefinition(IntAttribute(option, "value"), Labels(option.Element("labels"), "label") ?? new DisplayLabel("")));
        }

        foreach (var state in set.Element("states")?.Elements("state") ?? [])
        {
            result.Add(new OptionDefinition(IntAttribute(state, "value"), Labels(state.Element("labels"), "label") ?? new DisplayLabel(""), DefaultStatus: IntAttribute(state, "defaultstatus")));
        }

        foreach (var status in set.Element("statuses")?.Elements("status") ?? [])
        {
            result.Add(new OptionDefinition(IntAttribute(status, "value"), Labels(status.Element("labels"), "label") ?? new DisplayLabel(""), State: IntAttribute(status, "state")));
        }

        // Two-option sets in older exports: <FalseOption value="0"> and <TrueOption value="1">.
        foreach (var name in (string[])["FalseOption", "TrueOption"])
        {
            if (set.Element(name) is { } two)
            {
                result.Add(new OptionDefinition(IntAttribute(two, "value"), Labels(two.Element("labels"), "label") ?? new DisplayLabel(name == "TrueOption" ? "Yes" : "No")));
            }
        }

        result.Sort((a, b) => a.Value.CompareTo(b.Value));
        return result;
    }

    /// <summary>English (1033) and German (1031) from label-like elements (description + languagecode); null when there are none.</summary>
    internal static DisplayLabel? Labels(XElement? container, string element)
    {
        var labels = container?.Elements(element).ToList() ?? [];
        string? Of(string language) => labels.FirstOrDefault(l => l.Attribute("languagecode")?.Value == language)?.Attribute("description")?.Value;
        var english = Of("1033") ?? labels.FirstOrDefault()?.Attribute("description")?.Value;
        return english is null ? null : new DisplayLabel(english, Of("1031"));
    }

    /// <summary>The query engine's kind for an export's attribute type.</summary>
    private static ColumnKind Kind(string? type) => type?.ToLowerInvariant() switch
    {
        "nvarchar" or "string" => ColumnKind.String,
        "ntext" or "memo" => ColumnKind.Memo,
        "int" or "integer" => ColumnKind.Integer,
        "bigint" => ColumnKind.BigInt,
        "decimal" => ColumnKind.Decimal,
        "float" => ColumnKind.Double,
        "money" => ColumnKind.Money,
        "bit" => ColumnKind.Boolean,
        "datetime" => ColumnKind.DateTime,
        "picklist" => ColumnKind.Picklist,
        "multiselectpicklist" => ColumnKind.MultiSelectPicklist,
        "state" => ColumnKind.State,
        "status" => ColumnKind.Status,
        "lookup" => ColumnKind.Lookup,
        "customer" => ColumnKind.Customer,
        "owner" => ColumnKind.Owner,
        "primarykey" or "uniqueidentifier" => ColumnKind.Uniqueidentifier,
        "entityname" => ColumnKind.EntityName,
        _ => ColumnKind.Other,
    };

    // Exports write the DateTimeBehavior as a number: 1 UserLocal, 2 DateOnly, 3 TimeZoneIndependent.
    private static string? Behavior(XElement attribute) => Text(attribute, "Behavior") switch
    {
        "1" => "UserLocal",
        "2" => "DateOnly",
        "3" => "TimeZoneIndependent",
        _ => Text(attribute, "Format") == "date" ? "DateOnly" : "UserLocal",
    };

    private static CascadeType Cascade(string? text, CascadeType otherwise) =>
        Enum.TryParse<CascadeType>(text, ignoreCase: false, out var cascade) ? cascade : otherwise;

    private static string Lower(string name) => name.ToLowerInvariant();

    private static string? Text(XElement element, string name) => element.Element(name)?.Value is { Length: > 0 } text ? text.Trim() : null;

    private static bool? Flag(XElement element, string name) => Text(element, name) switch
    {
        "1" or "true" or "True" => true,
        "0" or "false" or "False" => false,
        _ => null,
    };

    private static int? Int(XElement element, string name) =>
        int.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Decimal(XElement element, string name) =>
        decimal.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int IntAttribute(XElement element, string name) =>
        int.TryParse(element.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"customizations.xml: <{element.Name.LocalName}> has no whole-number '{name}'.");
}
