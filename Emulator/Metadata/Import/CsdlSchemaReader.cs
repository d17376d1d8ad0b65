using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator.Metadata.Import;

/// <summary>
/// Reads an environment's Web API CSDL ($metadata) into the metadata model: each EntityType with a Key becomes a
/// table (key = primary id, entity set from the EntityContainer), each Property a typed column, each lookup property
/// <c>_x_value</c> with its single-valued navigation properties a lookup column x whose targets are the navigation
/// properties' types, and the navigation property's Partner the one-to-many relationship's schema name.
/// </summary>
/// <remarks>
/// What $metadata does not carry stays unknown rather than guessed: lengths, ranges, labels (the logical name stands
/// in), option sets (a choice is Edm.Int32 there, so it is read as a whole number; statecode and statuscode get the
/// Active/Inactive model) and cascade rules (RemoveLink, the platform's default for a new lookup). Money is told from
/// decimal by its <c>_base</c> twin; a lookup targeting exactly account and contact is a Customer, ownerid an Owner.
/// Describe what is missing with <see cref="EmulatorSchema.Table"/> or import the solution instead.
/// </remarks>
internal static class CsdlSchemaReader
{
    private const string EdmNamespace = "http://docs.oasis-open.org/odata/ns/edm";

    /// <summary>The schema in a CSDL document (edmx:Edmx root, or any element containing Schema elements).</summary>
    public static ImportedSchema Read(XElement root, EmulatorSchema schema)
    {
        var edm = XNamespace.Get(EdmNamespace);
        var schemas = root.Descendants(edm + "Schema").ToList();
        var sets = schemas.Descendants(edm + "EntitySet")
            .Select(s => (Name: s.Attribute("Name")?.Value, Type: TypeName(s.Attribute("EntityType")?.Value)))
            .Where(s => s.Name is not null && s.Type is not null)
            .GroupBy(s => s.Type!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name!, StringComparer.Ordinal);
        var tables = new List<TableDefinition>();
        var relationships = new List<RelationshipDefinition>();
        foreach (var type in schemas.Elements(edm + "EntityType"))
        {
            var name = type.Attribute("Name")?.Value;
            var key = type.Element(edm + "Key")?.Element(edm + "PropertyRef")?.Attribute("Name")?.Value;
            if (name is null || key is null || type.Attribute("Abstract")?.Value == "true")
            {
                continue; // crmbaseentity and other abstract or key-less types are not tables
            }

            var (table, own) = Table(type, edm, name, key, sets.GetValueOrDefault(name), schema);
            tables.Add(table);
            relationships.AddRange(own);
        }

        return new ImportedSchema(tables, relationships);
    }

    private static (TableDefinition, List<RelationshipDefinition>) Table(
        XElement type, XNamespace edm, string logicalName, string key, string? entitySet, EmulatorSchema schema)
    {
        var properties = type.Elements(edm + "Property")
            .Select(p => (Name: p.Attribute("Name")?.Value ?? "", Type: p.Attribute("Type")?.Value ?? ""))
            .Where(p => p.Name.Length > 0)
            .ToList();
        var names = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var lookups = type.Elements(edm + "NavigationProperty")
            .Select(n => (Navigation: n, Constraint: n.Element(edm + "ReferentialConstraint")))
            .Where(n => n.Constraint?.Attribute("Property")?.Value is { } p && p.StartsWith('_') && p.EndsWith("_value", StringComparison.Ordinal))
            .GroupBy(n => n.Constraint!.Attribute("Property")!.Value[1..^"_value".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => (Target: TypeName(n.Navigation.Attribute("Type")?.Value) ?? "", Partner: n.Navigation.Attribute("Partner")?.Value)).ToList(), StringComparer.Ordinal);

        var columns = new List<AttributeDefinition>();
        var relationships = new List<RelationshipDefinition>();
        foreach (var (name, edmType) in properties)
        {
            if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
            {
                var lookup = name[1..^"_value".Length];
                var targets = lookups.TryGetValue(lookup, out var navigations) ? navigations.Select(n => n.Target).Distinct(StringComparer.Ordinal).ToArray() : [];
                var kind = lookup == "ownerid" ? ColumnKind.Owner
                    : targets.Length == 2 && targets.Contains("account", StringComparer.Ordinal) && targets.Contains("contact", StringComparer.Ordinal) ? ColumnKind.Customer
                    : ColumnKind.Lookup;
                columns.Add(Column(lookup, kind, targets, key));
                foreach (var (target, partner) in navigations ?? [])
                {
                    relationships.Add(new RelationshipDefinition(partner ?? $"{target}_{logicalName}_{lookup}", target, logicalName, lookup, CascadeType.RemoveLink, CascadeType.NoCascade));
                }

                continue;
            }

            var columnKind = name == key ? ColumnKind.Uniqueidentifier : Kind(name, edmType, names);
            var baseTwin = columnKind == ColumnKind.Money && name.EndsWith("_base", StringComparison.Ordinal);
            columns.Add(Column(name, columnKind, [], key, writable: !baseTwin, behavior: edmType == "Edm.Date" ? "DateOnly" : null));
        }

        var label = new DisplayLabel(logicalName);
        if (schema.Find(logicalName) is { } existing)
        {
            return (new TableDefinition(existing.LogicalName, existing.PrimaryIdAttribute, existing.PrimaryNameAttribute, existing.Ownership, existing.DisplayName, columns, []), relationships);
        }

        var ownership = names.Contains("_ownerid_value") ? OwnershipType.UserOwned : OwnershipType.OrganizationOwned;
        var primaryName = names.Contains(Prefix(logicalName) + "_name") ? Prefix(logicalName) + "_name" : names.Contains("name") ? "name" : null;
        var core = new TableBuilder(logicalName, key, primaryName, ownership, logicalName).ActiveInactiveStateStatus().Build();
        var platformOwned = new HashSet<string>(["createdon", "modifiedon", "createdby", "modifiedby", "versionnumber", "ownerid", "owningbusinessunit", "owninguser", "statecode", "statuscode", key], StringComparer.Ordinal);
        var merged = core.AttributeList
            .Concat(columns.Where(c => !core.Attributes.ContainsKey(c.LogicalName) && !platformOwned.Contains(c.LogicalName)))
            .ToArray();
        var table = new TableDefinition(logicalName, key, primaryName, ownership, label, merged, [])
        {
            EntitySetName = entitySet ?? logicalName + "s",
            DisplayCollectionName = new DisplayLabel(entitySet ?? logicalName + "s"),
            IsCustomEntity = true,
        };
        return (table, relationships);
    }

    private static AttributeDefinition Column(string name, ColumnKind kind, string[] targets, string key, bool writable = true, string? behavior = null) =>
        new(name, kind, new DisplayLabel(name), null, [], targets, validForCreate: writable, validForUpdate: writable && name != key, defaultValue: null)
        {
            IsCustom = name.Contains('_', StringComparison.Ordinal),
            DateTimeBehavior = behavior,
        };

    /// <summary>The column kind for an Edm type; Edm.Decimal with a <c>_base</c> twin is money.</summary>
    private static ColumnKind Kind(string name, string edmType, HashSet<string> names) => edmType switch
    {
        "Edm.String" => ColumnKind.String,
        "Edm.Int32" => ColumnKind.Integer,
        "Edm.Int64" => ColumnKind.BigInt,
        "Edm.Decimal" => names.Contains(name + "_base") || (name.EndsWith("_base", StringComparison.Ordinal) && names.Contains(name[..^"_base".Length])) ? ColumnKind.Money : ColumnKind.Decimal,
        "Edm.Double" => ColumnKind.Double,
        "Edm.Boolean" => ColumnKind.Boolean,
        "Edm.DateTimeOffset" or "Edm.Date" => ColumnKind.DateTime,
        "Edm.Guid" => ColumnKind.Uniqueidentifier,
        _ => ColumnKind.Other,
    };

    /// <summary><c>mscrm.contact</c>, <c>Microsoft.Dynamics.CRM.contact</c> or <c>Collection(mscrm.contact)</c> → contact.</summary>
    private static string? TypeName(string? qualified)
    {
        if (qualified is null)
        {
            return null;
        }

        var name = qualified.StartsWith("Collection(", StringComparison.Ordinal) ? qualified["Collection(".Length..^1] : qualified;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static string Prefix(string logicalName) =>
        logicalName.Contains('_', StringComparison.Ordinal) ? logicalName[..logicalName.IndexOf('_', StringComparison.Ordinal)] : logicalName;
}
