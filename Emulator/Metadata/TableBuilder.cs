using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>Fluent helper that keeps the per-table files short and readable.</summary>
internal sealed class TableBuilder
{
    private static readonly string[] NoTargets = [];
    private static readonly OptionDefinition[] NoOptions = [];
    private readonly string _logicalName;
    private readonly string _primaryId;
    private readonly string? _primaryName;
    private readonly OwnershipType _ownership;
    private readonly DisplayLabel _displayName;
    private readonly List<AttributeDefinition> _attributes = [];
    private readonly List<RelationshipDefinition> _relationships = [];

    public TableBuilder(string logicalName, string primaryId, string? primaryName, OwnershipType ownership, string english, string? german = null)
    {
        _logicalName = logicalName;
        _primaryId = primaryId;
        _primaryName = primaryName;
        _ownership = ownership;
        _displayName = new DisplayLabel(english, german);
        Add(primaryId, AttributeType.Uniqueidentifier, new DisplayLabel(english, german), validForUpdate: false);
        SystemColumns();
    }

    /// <summary>An option of a choice column.</summary>
    public static OptionDefinition O(int value, string english, string? german = null) => new(value, new DisplayLabel(english, german));

    /// <summary>A state option with its default status.</summary>
    public static OptionDefinition StateOption(int value, int defaultStatus, string english, string? german = null) =>
        new(value, new DisplayLabel(english, german), DefaultStatus: defaultStatus);

    /// <summary>A status option belonging to a state.</summary>
    public static OptionDefinition StatusOption(int value, int state, string english, string? german = null) =>
        new(value, new DisplayLabel(english, german), State: state);

    public TableBuilder String(string name, int maxLength, string english, string? german = null, bool create = true, bool update = true) =>
        Add(name, AttributeType.String, new DisplayLabel(english, german), maxLength: maxLength, validForCreate: create, validForUpdate: update);

    public TableBuilder Memo(string name, int maxLength, string english, string? german = null) =>
        Add(name, AttributeType.Memo, new DisplayLabel(english, german), maxLength: maxLength);

    public TableBuilder Integer(string name, string english, string? german = null, bool create = true, bool update = true) =>
        Add(name, AttributeType.Integer, new DisplayLabel(english, german), validForCreate: create, validForUpdate: update);

    public TableBuilder Decimal(string name, string english, string? german = null) =>
        Add(name, AttributeType.Decimal, new DisplayLabel(english, german));

    public TableBuilder Double(string name, string english, string? german = null) =>
        Add(name, AttributeType.Double, new DisplayLabel(english, german));

    /// <summary>A money column plus its read-only <c>_base</c> twin.</summary>
    public TableBuilder Money(string name, string english, string? german = null)
    {
        Add(name, AttributeType.Money, new DisplayLabel(english, german));
        return Add(name + "_base", AttributeType.Money, new DisplayLabel(english + " (Base)", german is null ? null : german + " (Basis)"), validForCreate: false, validForUpdate: false);
    }

    public TableBuilder Boolean(string name, string english, string? german = null, bool? defaultValue = false) =>
        Add(name, AttributeType.Boolean, new DisplayLabel(english, german), defaultValue: defaultValue);

    public TableBuilder DateTime(string name, string english, string? german = null, bool create = true, bool update = true) =>
        Add(name, AttributeType.DateTime, new DisplayLabel(english, german), validForCreate: create, validForUpdate: update);

    public TableBuilder Picklist(string name, string english, string? german, params OptionDefinition[] options) =>
        Add(name, AttributeType.Picklist, new DisplayLabel(english, german), options: options);

    /// <summary>statecode (not valid for Create) and statuscode.</summary>
    public TableBuilder StateStatus(OptionDefinition[] states, OptionDefinition[] statuses)
    {
        Add("statecode", AttributeType.State, new DisplayLabel("Status", "Status"), options: states, validForCreate: false);
        return Add("statuscode", AttributeType.Status, new DisplayLabel("Status Reason", "Statusgrund"), options: statuses);
    }

    public TableBuilder Lookup(string name, string english, string? german, params string[] targets) =>
        Add(name, AttributeType.Lookup, new DisplayLabel(english, german), targets: targets);

    public TableBuilder ReadOnlyLookup(string name, string english, string? german, params string[] targets) =>
        Add(name, AttributeType.Lookup, new DisplayLabel(english, german), targets: targets, validForCreate: false, validForUpdate: false);

    public TableBuilder Customer(string name, string english, string? german = null) =>
        Add(name, AttributeType.Customer, new DisplayLabel(english, german), targets: ["account", "contact"]);

    public TableBuilder Uniqueidentifier(string name, string english, string? german = null) =>
        Add(name, AttributeType.Uniqueidentifier, new DisplayLabel(english, german));

    public TableBuilder EntityName(string name, string english, string? german = null, bool update = true) =>
        Add(name, AttributeType.EntityName, new DisplayLabel(english, german), validForUpdate: update);

    /// <summary>Declares cascade rules for a lookup of this table (lookups without one get RemoveLink / NoCascade).</summary>
    public TableBuilder Relationship(string schemaName, string referencedTable, string attribute, CascadeType delete, CascadeType assign = CascadeType.NoCascade)
    {
        _relationships.Add(new RelationshipDefinition(schemaName, referencedTable, _logicalName, attribute, delete, assign));
        return this;
    }

    public TableDefinition Build()
    {
        // Every lookup target without a declared relationship gets an implicit one so deletes never leave dangling references.
        var relationships = new List<RelationshipDefinition>(_relationships);
        foreach (var attribute in _attributes)
        {
            if (!attribute.IsReference)
            {
                continue;
            }

            foreach (var target in attribute.Targets)
            {
                if (!relationships.Exists(r => r.ReferencingAttribute == attribute.LogicalName && r.ReferencedTable == target))
                {
                    relationships.Add(new RelationshipDefinition(
                        $"{target}_{_logicalName}_{attribute.LogicalName}", target, _logicalName, attribute.LogicalName,
                        CascadeType.RemoveLink, CascadeType.NoCascade));
                }
            }
        }

        return new TableDefinition(_logicalName, _primaryId, _primaryName, _ownership, _displayName, _attributes.ToArray(), relationships.ToArray());
    }

    private void SystemColumns()
    {
        Add("createdon", AttributeType.DateTime, new DisplayLabel("Created On", "Erstellt am"), validForCreate: false, validForUpdate: false);
        Add("modifiedon", AttributeType.DateTime, new DisplayLabel("Modified On", "Geändert am"), validForCreate: false, validForUpdate: false);
        Add("createdby", AttributeType.Lookup, new DisplayLabel("Created By", "Erstellt von"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        Add("modifiedby", AttributeType.Lookup, new DisplayLabel("Modified By", "Geändert von"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        Add("versionnumber", AttributeType.BigInt, new DisplayLabel("Version Number", "Versionsnummer"), validForCreate: false, validForUpdate: false);
        if (_ownership == OwnershipType.UserOwned)
        {
            Add("ownerid", AttributeType.Owner, new DisplayLabel("Owner", "Besitzer"), targets: ["systemuser"], validForUpdate: false);
            Add("owningbusinessunit", AttributeType.Lookup, new DisplayLabel("Owning Business Unit", "Besitzende Geschäftseinheit"), targets: ["businessunit"], validForCreate: false, validForUpdate: false);
            Add("owninguser", AttributeType.Lookup, new DisplayLabel("Owning User", "Besitzender Benutzer"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        }
    }

    private TableBuilder Add(
        string name, AttributeType type, DisplayLabel label, int? maxLength = null, OptionDefinition[]? options = null,
        string[]? targets = null, bool validForCreate = true, bool validForUpdate = true, object? defaultValue = null)
    {
        _attributes.Add(new AttributeDefinition(name, type, label, maxLength, options ?? NoOptions, targets ?? NoTargets, validForCreate, validForUpdate, defaultValue));
        return this;
    }
}
