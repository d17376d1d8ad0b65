using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// Fluent description of your own table, or of columns you add to a standard one, for tests:
/// <c>emulator.Schema.Table("new_project", t =&gt; t.String("new_code", 20, "Code", "Kennung").Lookup("new_accountid", "Account", "Firma", "account"))</c>.
/// Columns are custom columns (IsCustomAttribute); a new table is user-owned with an Active/Inactive state model.
/// </summary>
#pragma warning disable CA1720 // The methods are named after the column types, as the SDK names them (String, Integer, Decimal …).
public sealed class SchemaTableBuilder
{
    private readonly List<AttributeDefinition> _columns = [];
    private readonly List<RelationshipDefinition> _relationships = [];
    private readonly List<ManyToManyDefinition> _manyToMany = [];

    internal SchemaTableBuilder(string logicalName)
    {
        LogicalName = logicalName;
    }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; }

    internal DisplayLabel? Label { get; private set; }

    internal DisplayLabel? CollectionLabel { get; private set; }

    internal string? PrimaryName { get; private set; }

    internal string? SetName { get; private set; }

    internal IReadOnlyList<AttributeDefinition> Columns => _columns;

    internal IReadOnlyList<RelationshipDefinition> Relationships => _relationships;

    internal IReadOnlyList<ManyToManyDefinition> ManyToManyRelationships => _manyToMany;

    /// <summary>An option of a choice column.</summary>
    public static OptionDefinition Option(int value, string english, string? german = null) => new(value, new DisplayLabel(english, german));

    /// <summary>The table's display name (and plural) in English and German.</summary>
    public SchemaTableBuilder DisplayName(string english, string? german = null, string? collectionEnglish = null, string? collectionGerman = null)
    {
        Label = new DisplayLabel(english, german);
        CollectionLabel = new DisplayLabel(collectionEnglish ?? english + "s", collectionGerman);
        return this;
    }

    /// <summary>The Web API entity set name (default: logical name + "s").</summary>
    public SchemaTableBuilder EntitySetName(string entitySetName)
    {
        SetName = entitySetName;
        return this;
    }

    /// <summary>The primary name column (a new table gets <c>&lt;prefix&gt;_name</c> otherwise).</summary>
    public SchemaTableBuilder PrimaryNameColumn(string name, int maxLength, string english, string? german = null)
    {
        PrimaryName = name;
        return String(name, maxLength, english, german, RequiredLevel.ApplicationRequired);
    }

    /// <summary>A single-line text column.</summary>
    public SchemaTableBuilder String(string name, int maxLength, string english, string? german = null, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.String, english, german, required, maxLength: maxLength);

    /// <summary>A multi-line text column.</summary>
    public SchemaTableBuilder Memo(string name, int maxLength, string english, string? german = null, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.Memo, english, german, required, maxLength: maxLength);

    /// <summary>A whole-number column.</summary>
    public SchemaTableBuilder Integer(string name, string english, string? german = null, int? min = null, int? max = null, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.Integer, english, german, required, min: min, max: max);

    /// <summary>A decimal-number column.</summary>
    public SchemaTableBuilder Decimal(string name, string english, string? german = null, int precision = 2, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.Decimal, english, german, required, precision: precision);

    /// <summary>A floating-point column.</summary>
    public SchemaTableBuilder Double(string name, string english, string? german = null, int precision = 2, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.Double, english, german, required, precision: precision);

    /// <summary>A currency column and its read-only <c>_base</c> twin.</summary>
    public SchemaTableBuilder Money(string name, string english, string? german = null, RequiredLevel required = RequiredLevel.None)
    {
        Add(name, ColumnKind.Money, english, german, required, precision: 2);
        return Add(name + "_base", ColumnKind.Money, english + " (Base)", german is null ? null : german + " (Basis)", RequiredLevel.None, readOnly: true);
    }

    /// <summary>A two-option column (default false).</summary>
    public SchemaTableBuilder Boolean(string name, string english, string? german = null, bool defaultValue = false, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.Boolean, english, german, required, defaultValue: defaultValue);

    /// <summary>A date and time column.</summary>
    public SchemaTableBuilder DateTime(string name, string english, string? german = null, RequiredLevel required = RequiredLevel.None) =>
        Add(name, ColumnKind.DateTime, english, german, required);

    /// <summary>A choice column.</summary>
    public SchemaTableBuilder Picklist(string name, string english, string? german, params OptionDefinition[] options) =>
        Add(name, ColumnKind.Picklist, english, german, RequiredLevel.None, options: options);

    /// <summary>A lookup to <paramref name="target"/>, with the relationship's cascade on Delete (default RemoveLink).</summary>
    public SchemaTableBuilder Lookup(string name, string english, string? german, string target, CascadeType delete = CascadeType.RemoveLink, CascadeType assign = CascadeType.NoCascade, string? relationshipName = null)
    {
        Add(name, ColumnKind.Lookup, english, german, RequiredLevel.None, targets: [target]);
        _relationships.Add(new RelationshipDefinition(relationshipName ?? $"{LogicalName}_{target}_{name}", target, LogicalName, name, delete, assign));
        return this;
    }

    /// <summary>
    /// A many-to-many relationship with <paramref name="otherTable"/>, kept in the intersect table
    /// <paramref name="intersectTable"/> (default: the relationship's name), as Associate and RelatedEntitiesQuery use it.
    /// </summary>
    public SchemaTableBuilder ManyToMany(string relationshipName, string otherTable, string? intersectTable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relationshipName);
        ArgumentException.ThrowIfNullOrWhiteSpace(otherTable);
        _manyToMany.Add(ManyToManyDefinition.Between(relationshipName, LogicalName, otherTable, intersectTable ?? relationshipName.ToLowerInvariant()));
        return this;
    }

    internal void Add(AttributeDefinition column) => _columns.Add(column);

    internal void Add(RelationshipDefinition relationship) => _relationships.Add(relationship);

    private SchemaTableBuilder Add(
        string name, ColumnKind type, string english, string? german, RequiredLevel required, int? maxLength = null, decimal? min = null,
        decimal? max = null, int? precision = null, object? defaultValue = null, IReadOnlyList<OptionDefinition>? options = null,
        string[]? targets = null, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _columns.Add(new AttributeDefinition(name, type, new DisplayLabel(english, german), maxLength, options ?? [], targets ?? [], !readOnly, !readOnly, defaultValue)
        {
            SchemaName = name,
            RequiredLevel = required,
            MinValue = min,
            MaxValue = max,
            Precision = precision,
            IsCustom = true,
        });
        return this;
    }

    /// <summary>The table this builder describes when it is a new one (key, system and owner columns, Active/Inactive).</summary>
    internal TableDefinition BuildNew()
    {
        var prefix = LogicalName.Contains('_', StringComparison.Ordinal) ? LogicalName[..LogicalName.IndexOf('_', StringComparison.Ordinal)] : LogicalName;
        var label = Label ?? new DisplayLabel(LogicalName);
        var standard = new TableBuilder(LogicalName, LogicalName + "id", PrimaryName ?? prefix + "_name", OwnershipType.UserOwned, label.English, label.German)
            .ActiveInactiveStateStatus();
        if (PrimaryName is null)
        {
            standard.String(prefix + "_name", 100, "Name", "Name");
        }

        var core = standard.Build();
        var columns = core.AttributeList.Concat(_columns.Where(c => !core.Attributes.ContainsKey(c.LogicalName))).ToArray();
        return new TableDefinition(core.LogicalName, core.PrimaryIdAttribute, core.PrimaryNameAttribute, core.Ownership, label, columns, core.Relationships.Concat(_relationships).ToArray())
        {
            SchemaName = LogicalName,
            EntitySetName = SetName ?? LogicalName + "s",
            DisplayCollectionName = CollectionLabel ?? new DisplayLabel(label.English + "s", label.German),
            IsCustomEntity = true,
        };
    }

    /// <summary>Only the added columns, to merge into an existing table.</summary>
    internal TableDefinition BuildColumns(TableDefinition existing) =>
        new(existing.LogicalName, existing.PrimaryIdAttribute, existing.PrimaryNameAttribute, existing.Ownership, existing.DisplayName, _columns.ToArray(), _relationships.ToArray());
}
#pragma warning restore CA1720
