using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>How a table is owned.</summary>
public enum OwnershipType
{
    /// <summary>No owner columns.</summary>
    None,
    /// <summary>ownerid / owningbusinessunit maintained by the platform.</summary>
    UserOwned,
    /// <summary>One row set per organization.</summary>
    OrganizationOwned,
    /// <summary>Owned by a business unit (businessunit, systemuser, team): owningbusinessunit, no ownerid.</summary>
    BusinessOwned,
}

/// <summary>What happens to referencing rows when the referenced row is deleted or assigned.</summary>
public enum CascadeType
{
    /// <summary>Nothing happens.</summary>
    NoCascade,
    /// <summary>The action is applied to the referencing rows too.</summary>
    Cascade,
    /// <summary>The lookup on the referencing rows is cleared (Delete only).</summary>
    RemoveLink,
    /// <summary>The action is refused while referencing rows exist (Delete only).</summary>
    Restrict,
}

/// <summary>How strongly the platform asks for a column's value (AttributeRequiredLevel).</summary>
public enum RequiredLevel
{
    /// <summary>Optional.</summary>
    None,
    /// <summary>Required by the system.</summary>
    SystemRequired,
    /// <summary>Business required.</summary>
    ApplicationRequired,
    /// <summary>Business recommended.</summary>
    Recommended,
}

/// <summary>A label in English (1033) and, where known, German (1031).</summary>
/// <param name="English">The 1033 label.</param>
/// <param name="German">The 1031 label, or null when unknown (English is used instead).</param>
public sealed record DisplayLabel(string English, string? German = null)
{
    /// <summary>The label for an LCID; falls back to English.</summary>
    public string For(int languageId) => languageId == 1031 && German is not null ? German : English;
}

/// <summary>One option of a choice, state or status column.</summary>
/// <param name="Value">The option value.</param>
/// <param name="Label">The option label.</param>
/// <param name="State">For status options: the state the status belongs to.</param>
/// <param name="DefaultStatus">For state options: the status chosen when none is given.</param>
public sealed record OptionDefinition(int Value, DisplayLabel Label, int? State = null, int? DefaultStatus = null);

/// <summary>A column of a table.</summary>
public sealed class AttributeDefinition
{
    internal AttributeDefinition(
        string logicalName, ColumnKind type, DisplayLabel displayName, int? maxLength,
        IReadOnlyList<OptionDefinition> options, IReadOnlyList<string> targets,
        bool validForCreate, bool validForUpdate, object? defaultValue)
    {
        LogicalName = logicalName;
        Type = type;
        DisplayName = displayName;
        MaxLength = maxLength;
        Options = options;
        Targets = targets;
        ValidForCreate = validForCreate;
        ValidForUpdate = validForUpdate;
        DefaultValue = defaultValue;
    }

    private readonly string? _schemaName;

    /// <summary>Logical name, e.g. <c>firstname</c>.</summary>
    public string LogicalName { get; }

    /// <summary>Data type, in the same terms the query engine compares and converts by.</summary>
    public ColumnKind Type { get; }

    /// <summary>Display name.</summary>
    public DisplayLabel DisplayName { get; }

    /// <summary>Maximum length for String and Memo columns.</summary>
    public int? MaxLength { get; }

    /// <summary>Options of Picklist, State and Status columns (empty otherwise).</summary>
    public IReadOnlyList<OptionDefinition> Options { get; }

    /// <summary>Tables a Lookup, Customer or Owner column may point to.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Whether a caller may set the column on Create (system columns are ignored when set).</summary>
    public bool ValidForCreate { get; }

    /// <summary>Whether a caller may set the column on Update (system columns are ignored when set).</summary>
    public bool ValidForUpdate { get; }

    /// <summary>Value given on Create when the caller sets none (Boolean and Picklist defaults).</summary>
    public object? DefaultValue { get; }

    /// <summary>Schema name, e.g. <c>FirstName</c> (the logical name where none is known).</summary>
    public string SchemaName { get => _schemaName ?? LogicalName; init => _schemaName = value; }

    /// <summary>Required level.</summary>
    public RequiredLevel RequiredLevel { get; init; }

    /// <summary>Smallest value of a number or money column, where documented.</summary>
    public decimal? MinValue { get; init; }

    /// <summary>Largest value of a number or money column, where documented.</summary>
    public decimal? MaxValue { get; init; }

    /// <summary>Decimal places of a Decimal, Double or Money column, where documented.</summary>
    public int? Precision { get; init; }

    /// <summary>Whether the column can be read (a few internal columns cannot).</summary>
    public bool ValidForRead { get; init; } = true;

    /// <summary>DateOnly, UserLocal or TimeZoneIndependent for DateTime columns, where documented.</summary>
    public string? DateTimeBehavior { get; init; }

    /// <summary>True for a column the user added (solution, $metadata or builder).</summary>
    public bool IsCustom { get; init; }

    /// <summary>True for Lookup, Customer and Owner columns.</summary>
    public bool IsReference => Type is ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner;

    /// <summary>The option with <paramref name="value"/>, or null.</summary>
    public OptionDefinition? FindOption(int value)
    {
        foreach (var option in Options)
        {
            if (option.Value == value)
            {
                return option;
            }
        }

        return null;
    }
}

/// <summary>A one-to-many relationship: a lookup column on the referencing table pointing at the referenced table.</summary>
/// <param name="SchemaName">Relationship schema name, e.g. <c>Lead_Annotation</c>.</param>
/// <param name="ReferencedTable">The "one" side.</param>
/// <param name="ReferencingTable">The "many" side holding the lookup.</param>
/// <param name="ReferencingAttribute">The lookup column.</param>
/// <param name="Delete">Cascade on Delete of the referenced row.</param>
/// <param name="Assign">Cascade on Assign of the referenced row.</param>
public sealed record RelationshipDefinition(
    string SchemaName, string ReferencedTable, string ReferencingTable, string ReferencingAttribute,
    CascadeType Delete, CascadeType Assign);

/// <summary>A table (entity) definition.</summary>
public sealed class TableDefinition
{
    internal TableDefinition(
        string logicalName, string primaryIdAttribute, string? primaryNameAttribute, OwnershipType ownership,
        DisplayLabel displayName, IReadOnlyList<AttributeDefinition> attributes, IReadOnlyList<RelationshipDefinition> relationships)
    {
        LogicalName = logicalName;
        PrimaryIdAttribute = primaryIdAttribute;
        PrimaryNameAttribute = primaryNameAttribute;
        Ownership = ownership;
        DisplayName = displayName;
        AttributeList = attributes;
        var map = new Dictionary<string, AttributeDefinition>(StringComparer.Ordinal);
        var money = new List<AttributeDefinition>();
        foreach (var attribute in attributes)
        {
            map.Add(attribute.LogicalName, attribute);
            if (attribute.Type == ColumnKind.Money && !attribute.LogicalName.EndsWith("_base", StringComparison.Ordinal))
            {
                money.Add(attribute);
            }
        }

        Attributes = map.ToFrozenDictionary(StringComparer.Ordinal);
        MoneyAttributes = money;
        Relationships = relationships;
        Attributes.TryGetValue("statecode", out var state);
        Attributes.TryGetValue("statuscode", out var status);
        StateAttribute = state;
        StatusAttribute = status;
    }

    private readonly string? _schemaName;
    private readonly string? _entitySetName;

    /// <summary>Logical name, e.g. <c>lead</c>.</summary>
    public string LogicalName { get; }

    /// <summary>Schema name, e.g. <c>Lead</c> (the logical name where none is known).</summary>
    public string SchemaName { get => _schemaName ?? LogicalName; init => _schemaName = value; }

    /// <summary>
    /// The Web API entity set name, e.g. <c>leads</c>, <c>opportunities</c> (where none is known: the logical name's
    /// English plural, "y" after a consonant becoming "ies", else + "s").
    /// </summary>
    public string EntitySetName { get => _entitySetName ?? DefaultPlural(LogicalName); init => _entitySetName = value; }

    private static string DefaultPlural(string name) =>
        name.Length > 1 && name[^1] == 'y' && !"aeiou".Contains(name[^2], StringComparison.Ordinal) ? name[..^1] + "ies" : name + "s";

    /// <summary>Plural display name, e.g. Leads.</summary>
    public DisplayLabel? DisplayCollectionName { get; init; }

    /// <summary>True for tables added by the user (solution, $metadata or builder), false for the standard ones.</summary>
    public bool IsCustomEntity { get; init; }

    /// <summary>True for the intersect table of a many-to-many relationship (rows written by Associate only).</summary>
    public bool IsIntersect { get; init; }

    /// <summary>Primary id column, e.g. <c>leadid</c>.</summary>
    public string PrimaryIdAttribute { get; }

    /// <summary>Primary name column, e.g. <c>fullname</c>, or null.</summary>
    public string? PrimaryNameAttribute { get; }

    /// <summary>Ownership.</summary>
    public OwnershipType Ownership { get; }

    /// <summary>Display name.</summary>
    public DisplayLabel DisplayName { get; }

    /// <summary>Columns by logical name.</summary>
    public FrozenDictionary<string, AttributeDefinition> Attributes { get; }

    /// <summary>Columns in declaration order.</summary>
    public IReadOnlyList<AttributeDefinition> AttributeList { get; }

    /// <summary>Money columns (without their <c>_base</c> twins).</summary>
    public IReadOnlyList<AttributeDefinition> MoneyAttributes { get; }

    /// <summary>Relationships in which this table is the referencing ("many") side.</summary>
    public IReadOnlyList<RelationshipDefinition> Relationships { get; }

    /// <summary>statecode, or null for tables without state.</summary>
    public AttributeDefinition? StateAttribute { get; }

    /// <summary>statuscode, or null.</summary>
    public AttributeDefinition? StatusAttribute { get; }

    /// <summary>The state every new row starts in (the lowest state value).</summary>
    public OptionDefinition? InitialState => StateAttribute is { Options.Count: > 0 } s ? s.Options[0] : null;

    /// <summary>The default status of <paramref name="state"/>, or null when the state is unknown.</summary>
    public int? DefaultStatusFor(int state) => StateAttribute?.FindOption(state)?.DefaultStatus;

    /// <summary>True when <paramref name="status"/> belongs to <paramref name="state"/>.</summary>
    public bool IsValidStatus(int state, int status) => StatusAttribute?.FindOption(status)?.State == state;
}

/// <summary>A many-to-many relationship, kept as rows of its intersect table (one per associated pair).</summary>
/// <param name="SchemaName">Relationship schema name, e.g. <c>lqx_project_contact</c>.</param>
/// <param name="Entity1">The first table.</param>
/// <param name="Entity1Attribute">The intersect column holding the first table's id.</param>
/// <param name="Entity2">The second table.</param>
/// <param name="Entity2Attribute">The intersect column holding the second table's id.</param>
/// <param name="IntersectEntity">The intersect table's logical name.</param>
public sealed record ManyToManyDefinition(
    string SchemaName, string Entity1, string Entity1Attribute, string Entity2, string Entity2Attribute, string IntersectEntity)
{
    /// <summary>
    /// The relationship between <paramref name="entity1"/> and <paramref name="entity2"/> through
    /// <paramref name="intersect"/>, with the platform's intersect column names (<c>&lt;table&gt;id</c>, or
    /// <c>&lt;table&gt;idone</c>/<c>idtwo</c> when a table relates to itself).
    /// </summary>
    public static ManyToManyDefinition Between(string schemaName, string entity1, string entity2, string intersect) =>
        entity1 == entity2
            ? new(schemaName, entity1, entity1 + "idone", entity2, entity2 + "idtwo", intersect)
            : new(schemaName, entity1, entity1 + "id", entity2, entity2 + "id", intersect);

    /// <summary>The intersect table: its key, the two id columns, no owner and no state.</summary>
    internal TableDefinition IntersectTable()
    {
        var core = new TableBuilder(IntersectEntity, IntersectEntity + "id", null, OwnershipType.None, IntersectEntity)
            .Uniqueidentifier(Entity1Attribute, Entity1Attribute)
            .Uniqueidentifier(Entity2Attribute, Entity2Attribute)
            .Build();
        return new TableDefinition(core.LogicalName, core.PrimaryIdAttribute, null, OwnershipType.None, core.DisplayName, core.AttributeList, [])
        {
            IsCustomEntity = true,
            IsIntersect = true,
        };
    }
}
