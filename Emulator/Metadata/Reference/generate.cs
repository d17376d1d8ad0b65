#:property PublishAot=false
// Turns Microsoft's published table/column reference pages into the emulator's table data.
//
// Source: the generated "<Table> table/entity reference" markdown pages, one file per table, in
// MicrosoftDocs/powerapps-docs (powerapps-docs/developer/data-platform/reference/entities/<table>.md) and, for
// the columns Dynamics 365 Sales adds, MicrosoftDocs/dynamics-365-customer-engagement
// (ce/sales/developer/entities/<table>.md). Both page layouts (the older plain one and the newer one with **bold**
// and `code` values) are read. Several pages for one table (Dataverse + Sales) are merged.
//
// Usage: dotnet run Emulator/Metadata/Reference/generate.cs -- <markdown folder> <output folder> [labels.de.tsv] [lead columns .cs]
// Every <table>*.md in the markdown folder is read; <output folder>/<table>.json is written. labels.de.tsv adds German
// labels (table, column, option value or empty, label), which the English reference pages do not carry. The last
// argument, when given, is the plug-ins' list of the lead columns a policy may require (Plugins/Policy/DocumentedLeadColumns.cs).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: generate.cs <markdown folder> <output folder> [labels.de.tsv]");
    return 1;
}

var german = args.Length > 2 ? GermanLabels.Read(args[2]) : new Dictionary<string, string>(StringComparer.Ordinal);
var tables = new SortedDictionary<string, ReferenceTable>(StringComparer.Ordinal);
foreach (var file in Directory.GetFiles(args[0], "*.md").Order(StringComparer.Ordinal))
{
    var page = ReferencePage.Parse(File.ReadAllLines(file));
    if (page.LogicalName is null)
    {
        Console.Error.WriteLine($"{file}: no LogicalName in the Properties table; skipped");
        continue;
    }

    if (!tables.TryGetValue(page.LogicalName, out var table))
    {
        tables[page.LogicalName] = table = new ReferenceTable(page.LogicalName);
    }

    table.Merge(page);
}

Directory.CreateDirectory(args[1]);
foreach (var table in tables.Values)
{
    var path = Path.Combine(args[1], table.LogicalName + ".json");
    File.WriteAllText(path, table.ToJson(german).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    Console.WriteLine($"{path}: {table.Columns.Count} columns, {table.Relationships.Count} relationships");
}

if (args.Length > 3 && tables.TryGetValue("lead", out var lead))
{
    File.WriteAllText(args[3], lead.PluginColumnList());
    Console.WriteLine($"{args[3]}: lead columns a policy may require");
}

return 0;

/// <summary>One parsed reference page.</summary>
internal sealed class ReferencePage
{
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public List<Column> Columns { get; } = [];

    public List<Relationship> Relationships { get; } = [];

    public string? LogicalName => Properties.GetValueOrDefault("LogicalName");

    public static ReferencePage Parse(string[] lines)
    {
        var page = new ReferencePage();
        var section = Section.None;
        Column? column = null;
        Relationship? relationship = null;
        string[]? optionHeader = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = SectionOf(line);
                column = null;
                relationship = null;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var name = line[(line.LastIndexOf(' ') + 1)..];
                column = null;
                relationship = null;
                optionHeader = null;
                if (section is Section.Writable or Section.ReadOnly)
                {
                    column = new Column(name, section == Section.Writable);
                    page.Columns.Add(column);
                }
                else if (section is Section.ManyToOne or Section.OneToMany)
                {
                    relationship = new Relationship(name, section == Section.ManyToOne);
                    page.Relationships.Add(relationship);
                }

                continue;
            }

            if (line.StartsWith("**DefaultValue**:", StringComparison.Ordinal) && column is not null)
            {
                column.Properties["DefaultValue"] = line["**DefaultValue**:".Length..].Trim() == "1" ? "True" : "False";
                continue;
            }

            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(Clean).ToArray();
            if (cells.Length < 2 || cells[0].StartsWith('-') || cells[0] == "Property")
            {
                continue;
            }

            if (cells[0] == "Value")
            {
                optionHeader = cells;
                continue;
            }

            if (section == Section.Properties)
            {
                page.Properties[cells[0]] = cells[1];
            }
            else if (column is not null)
            {
                if (int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    column.Options.Add(Option.Parse(value, cells, optionHeader));
                }
                else
                {
                    column.Properties[cells[0]] = cells[1];
                }
            }
            else if (relationship is not null)
            {
                relationship.Properties[cells[0]] = cells[1];
            }
        }

        return page;
    }

    private static Section SectionOf(string heading)
    {
        var text = heading[3..].ToLowerInvariant();
        return text switch
        {
            _ when text.StartsWith("properties", StringComparison.Ordinal) => Section.Properties,
            _ when text.StartsWith("writable", StringComparison.Ordinal) => Section.Writable,
            _ when text.StartsWith("read-only", StringComparison.Ordinal) => Section.ReadOnly,
            _ when text.StartsWith("many-to-one", StringComparison.Ordinal) => Section.ManyToOne,
            _ when text.StartsWith("one-to-many", StringComparison.Ordinal) => Section.OneToMany,
            _ => Section.None,
        };
    }

    /// <summary>Drops the page's markup: **bold**, `code` and surrounding blanks.</summary>
    private static string Clean(string cell) => cell.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();

    private enum Section
    {
        None,
        Properties,
        Writable,
        ReadOnly,
        ManyToOne,
        OneToMany,
    }
}

/// <summary>A column as the page describes it.</summary>
internal sealed class Column(string schemaName, bool writable)
{
    public string SchemaName { get; } = schemaName;

    public bool Writable { get; } = writable;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public List<Option> Options { get; } = [];
}

/// <summary>One choice; for state and status options also the default status or the state.</summary>
internal sealed record Option(int Value, string Label, int? State, int? DefaultStatus)
{
    // Newer pages: "Label: Open<br />DefaultStatus: 1<br />…" / "Label: New<br />State:0<br />…".
    // Older pages: a header names the columns: "Value|Label|DefaultStatus|InvariantName" or "Value|Label|State".
    public static Option Parse(int value, string[] cells, string[]? header)
    {
        var details = cells[1];
        if (details.StartsWith("Label:", StringComparison.Ordinal))
        {
            var parts = details.Split("<br />", StringSplitOptions.TrimEntries);
            var label = parts[0]["Label:".Length..].Trim();
            return new Option(value, label, Number(parts, "State:"), Number(parts, "DefaultStatus:"));
        }

        int? state = null;
        int? defaultStatus = null;
        if (header is not null && cells.Length > 2)
        {
            var third = header.Length > 2 ? header[2] : "";
            if (int.TryParse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                state = third == "State" ? number : null;
                defaultStatus = third == "DefaultStatus" ? number : null;
            }
        }

        return new Option(value, details, state, defaultStatus);
    }

    private static int? Number(string[] parts, string key)
    {
        var part = parts.FirstOrDefault(p => p.StartsWith(key, StringComparison.Ordinal));
        return part is not null && int.TryParse(part[key.Length..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

/// <summary>A relationship entry: many-to-one (this table holds the lookup) or one-to-many (another table does).</summary>
internal sealed class Relationship(string schemaName, bool manyToOne)
{
    public string SchemaName { get; } = schemaName;

    public bool ManyToOne { get; } = manyToOne;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
}

/// <summary>All pages of one table merged.</summary>
internal sealed class ReferenceTable(string logicalName)
{
    public string LogicalName { get; } = logicalName;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Column> Columns { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, (string Referenced, string Referencing, string Attribute, string Delete, string Assign)> Relationships { get; } = new(StringComparer.Ordinal);

    public void Merge(ReferencePage page)
    {
        foreach (var (key, value) in page.Properties)
        {
            Properties.TryAdd(key, value);
        }

        foreach (var column in page.Columns)
        {
            var name = column.Properties.GetValueOrDefault("LogicalName") ?? column.SchemaName.ToLowerInvariant();
            Columns.TryAdd(name, column);
        }

        foreach (var relationship in page.Relationships)
        {
            var p = relationship.Properties;
            var cascade = Cascade(p.GetValueOrDefault("CascadeConfiguration"));
            var referenced = relationship.ManyToOne ? p.GetValueOrDefault("ReferencedEntity") : LogicalName;
            var referencing = relationship.ManyToOne ? LogicalName : p.GetValueOrDefault("ReferencingEntity");
            var attribute = p.GetValueOrDefault("ReferencingAttribute");
            if (referenced is null || referencing is null || attribute is null || cascade is null)
            {
                continue; // the older pages only point at the other table's entry for many-to-one relationships
            }

            Relationships.TryAdd(relationship.SchemaName, (referenced, referencing, attribute, cascade.Value.Delete, cascade.Value.Assign));
        }
    }

    public JsonObject ToJson(IReadOnlyDictionary<string, string> german)
    {
        var primaryId = Properties.GetValueOrDefault("PrimaryIdAttribute");
        var columns = new JsonArray();
        foreach (var (name, column) in Columns)
        {
            columns.Add(ColumnJson(name, column, name == primaryId, german));
        }

        var relationships = new JsonArray();
        foreach (var (schemaName, r) in Relationships)
        {
            relationships.Add(new JsonObject
            {
                ["schemaName"] = schemaName,
                ["referencedEntity"] = r.Referenced,
                ["referencingEntity"] = r.Referencing,
                ["referencingAttribute"] = r.Attribute,
                ["delete"] = r.Delete,
                ["assign"] = r.Assign,
            });
        }

        return new JsonObject
        {
            ["logicalName"] = LogicalName,
            ["schemaName"] = Properties.GetValueOrDefault("SchemaName"),
            ["entitySetName"] = Properties.GetValueOrDefault("EntitySetName"),
            ["displayName"] = Properties.GetValueOrDefault("DisplayName"),
            ["displayNameGerman"] = german.GetValueOrDefault(LogicalName + "||"),
            ["displayCollectionName"] = Properties.GetValueOrDefault("DisplayCollectionName"),
            ["primaryIdAttribute"] = primaryId,
            // A table without a primary name (importjob) documents an empty cell.
            ["primaryNameAttribute"] = Properties.GetValueOrDefault("PrimaryNameAttribute") is { Length: > 0 } primaryName ? primaryName : null,
            ["ownershipType"] = Properties.GetValueOrDefault("OwnershipType"),
            ["attributes"] = columns,
            ["relationships"] = relationships,
        };
    }

    /// <summary>
    /// C# source of the lead columns a user can fill in (writable, readable, not the key, not an image or type column),
    /// for the policy's check of requiredFields; generated because the plug-in cannot read this data at run time.
    /// </summary>
    public string PluginColumnList()
    {
        var names = Columns
            .Where(c => (c.Value.Writable && c.Value.Properties.GetValueOrDefault("IsValidForRead") != "False")
                && c.Key != Properties.GetValueOrDefault("PrimaryIdAttribute")
                && c.Value.Properties.GetValueOrDefault("Type") is not ("Uniqueidentifier" or "EntityName" or "Image" or "File" or "Virtual" or "State"))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal);
        var lines = string.Join("\n", names.Select(n => $"        \"{n}\","));
        return $$"""
            // <auto-generated>Emulator/Metadata/Reference/generate.cs from Microsoft's lead table/column reference; do not edit.</auto-generated>
            namespace LeadQualifyExtensions.Plugins.Policy;

            /// <summary>The lead columns Microsoft documents as writable (ordinal order), for the policy's requiredFields check.</summary>
            internal static class DocumentedLeadColumns
            {
                /// <summary>Logical names, sorted ordinally.</summary>
                public static readonly string[] Names =
                [
            {{lines}}
                ];
            }

            """;
    }

    private JsonObject ColumnJson(string name, Column column, bool primaryId, IReadOnlyDictionary<string, string> german)
    {
        var p = column.Properties;
        var type = p.GetValueOrDefault("Type") ?? "String";
        var json = new JsonObject
        {
            ["logicalName"] = name,
            ["schemaName"] = column.SchemaName,
            ["type"] = type,
            ["displayName"] = p.GetValueOrDefault("DisplayName") ?? "",
            ["displayNameGerman"] = german.GetValueOrDefault($"{LogicalName}|{name}|"),
            ["requiredLevel"] = p.GetValueOrDefault("RequiredLevel") ?? "None",
            // A state column is never set on Create (SetState or Update changes it); a primary key never on Update.
            ["validForCreate"] = column.Writable && type != "State" && p.GetValueOrDefault("IsValidForCreate") != "False",
            ["validForUpdate"] = column.Writable && !primaryId && p.GetValueOrDefault("IsValidForUpdate") != "False",
            ["validForRead"] = p.GetValueOrDefault("IsValidForRead") != "False",
        };
        Copy(p, json, "MaxLength", "maxLength");
        Copy(p, json, "MinValue", "minValue");
        Copy(p, json, "MaxValue", "maxValue");
        Copy(p, json, "Precision", "precision");
        Copy(p, json, "DateTimeBehavior", "dateTimeBehavior");
        if (p.TryGetValue("Targets", out var targets))
        {
            json["targets"] = new JsonArray(targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode)t).ToArray());
        }

        var options = column.Options.ToList();
        if (type == "Boolean")
        {
            json["defaultValue"] = p.GetValueOrDefault("DefaultValue") == "True";
            if (p.TryGetValue("True Label", out var yes) && p.TryGetValue("False Label", out var no))
            {
                options = [new Option(0, no, null, null), new Option(1, yes, null, null)];
            }
        }

        if (options.Count > 0)
        {
            json["options"] = new JsonArray(options.OrderBy(o => o.Value).Select(o => (JsonNode)OptionJson(name, o, german)).ToArray());
        }

        return json;
    }

    private JsonObject OptionJson(string column, Option option, IReadOnlyDictionary<string, string> german)
    {
        var json = new JsonObject { ["value"] = option.Value, ["label"] = option.Label };
        if (german.TryGetValue($"{LogicalName}|{column}|{option.Value.ToString(CultureInfo.InvariantCulture)}", out var label))
        {
            json["labelGerman"] = label;
        }

        if (option.State is { } state)
        {
            json["state"] = state;
        }

        if (option.DefaultStatus is { } defaultStatus)
        {
            json["defaultStatus"] = defaultStatus;
        }

        return json;
    }

    private static void Copy(Dictionary<string, string> properties, JsonObject json, string key, string name)
    {
        if (properties.TryGetValue(key, out var text) && text.Length > 0)
        {
            json[name] = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
        }
    }

    private static (string Delete, string Assign)? Cascade(string? configuration)
    {
        if (configuration is null)
        {
            return null;
        }

        string? delete = null;
        string? assign = null;
        foreach (var part in configuration.Split("<br />", StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0] == "Delete")
            {
                delete = pair[1];
            }
            else if (pair.Length == 2 && pair[0] == "Assign")
            {
                assign = pair[1];
            }
        }

        return delete is null ? null : (delete, assign ?? "NoCascade");
    }
}

/// <summary>German labels, which the English reference pages lack: table, column (empty for the table), option value (may be empty), label.</summary>
internal static class GermanLabels
{
    public static Dictionary<string, string> Read(string path)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            labels[$"{cells[0]}|{cells[1]}|{cells[2]}"] = cells[3];
        }

        return labels;
    }
}
