using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Query;

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
        Add(primaryId, ColumnKind.Uniqueidentifier, new DisplayLabel(english, german), validForUpdate: false);
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
        Add(name, ColumnKind.String, new DisplayLabel(english, german), maxLength: maxLength, validForCreate: create, validForUpdate: update);

    public TableBuilder Memo(string name, int maxLength, string english, string? german = null) =>
        Add(name, ColumnKind.Memo, new DisplayLabel(english, german), maxLength: maxLength);

    public TableBuilder Integer(string name, string english, string? german = null, bool create = true, bool update = true) =>
        Add(name, ColumnKind.Integer, new DisplayLabel(english, german), validForCreate: create, validForUpdate: update);

    public TableBuilder Decimal(string name, string english, string? german = null) =>
        Add(name, ColumnKind.Decimal, new DisplayLabel(english, german));

    public TableBuilder Double(string name, string english, string? german = null) =>
        Add(name, ColumnKind.Double, new DisplayLabel(english, german));

    /// <summary>A money column plus its read-only <c>_base</c> twin.</summary>
    public TableBuilder Money(string name, string english, string? german = null)
    {
        Add(name, ColumnKind.Money, new DisplayLabel(english, german));
        return Add(name + "_base", ColumnKind.Money, new DisplayLabel(english + " (Base)", german is null ? null : german + " (Basis)"), validForCreate: false, validForUpdate: false);
    }

    public TableBuilder Boolean(string name, string english, string? german = null, bool? defaultValue = false) =>
        Add(name, ColumnKind.Boolean, new DisplayLabel(english, german), defaultValue: defaultValue);

    public TableBuilder DateTime(string name, string english, string? german = null, bool create = true, bool update = true) =>
        Add(name, ColumnKind.DateTime, new DisplayLabel(english, german), validForCreate: create, validForUpdate: update);

    public TableBuilder Picklist(string name, string english, string? german, params OptionDefinition[] options) =>
        Add(name, ColumnKind.Picklist, new DisplayLabel(english, german), options: options);

    /// <summary>statecode (not valid for Create) and statuscode.</summary>
    public TableBuilder StateStatus(OptionDefinition[] states, OptionDefinition[] statuses)
    {
        Add("statecode", ColumnKind.State, new DisplayLabel("Status", "Status"), options: states, validForCreate: false);
        return Add("statuscode", ColumnKind.Status, new DisplayLabel("Status Reason", "Statusgrund"), options: statuses);
    }

    public TableBuilder Lookup(string name, string english, string? german, params string[] targets) =>
        Add(name, ColumnKind.Lookup, new DisplayLabel(english, german), targets: targets);

    public TableBuilder ReadOnlyLookup(string name, string english, string? german, params string[] targets) =>
        Add(name, ColumnKind.Lookup, new DisplayLabel(english, german), targets: targets, validForCreate: false, validForUpdate: false);

    public TableBuilder Customer(string name, string english, string? german = null) =>
        Add(name, ColumnKind.Customer, new DisplayLabel(english, german), targets: ["account", "contact"]);

    public TableBuilder Uniqueidentifier(string name, string english, string? german = null) =>
        Add(name, ColumnKind.Uniqueidentifier, new DisplayLabel(english, german));

    public TableBuilder EntityName(string name, string english, string? german = null, bool update = true) =>
        Add(name, ColumnKind.EntityName, new DisplayLabel(english, german), validForUpdate: update);

    /// <summary>The address1_* block (street, city, state, postal code, country) of account, contact and lead.</summary>
    public TableBuilder Address1Columns() => this
        .String("address1_line1", 250, "Street 1", "Straße 1")
        .String("address1_line2", 250, "Street 2", "Straße 2")
        .String("address1_line3", 250, "Street 3", "Straße 3")
        .String("address1_city", 80, "City", "Ort")
        .String("address1_stateorprovince", 50, "State/Province", "Bundesland/Kanton")
        .String("address1_postalcode", 20, "ZIP/Postal Code", "Postleitzahl")
        .String("address1_country", 80, "Country/Region", "Land/Region");

    /// <summary>The contact-method preferences (donotemail, donotphone, donotfax, donotpostalmail, donotbulkemail).</summary>
    public TableBuilder ContactPreferenceColumns() => this
        .Boolean("donotemail", "Do not allow Emails", "E-Mails nicht zulassen")
        .Boolean("donotphone", "Do not allow Phone Calls", "Telefonanrufe nicht zulassen")
        .Boolean("donotfax", "Do not allow Faxes", "Faxe nicht zulassen")
        .Boolean("donotpostalmail", "Do not allow Mails", "Post nicht zulassen")
        .Boolean("donotbulkemail", "Do not allow Bulk Emails", "Massen-E-Mails nicht zulassen");

    /// <summary>transactioncurrencyid and exchangerate, which Dataverse adds to every table with money columns.</summary>
    public TableBuilder CurrencyColumns() => this
        .Lookup("transactioncurrencyid", "Currency", "Währung", "transactioncurrency")
        .Decimal("exchangerate", "Exchange Rate", "Wechselkurs");

    /// <summary>processid, stageid and traversedpath, which Dataverse adds to tables enabled for business process flows.</summary>
    public TableBuilder BusinessProcessColumns() => this
        .Uniqueidentifier("processid", "Process", "Prozess")
        .Uniqueidentifier("stageid", "Process Stage", "Prozessphase")
        .String("traversedpath", 1250, "Traversed Path", "Durchlaufener Pfad");

    /// <summary>The standard two-state model: Active (status 1) and Inactive (status 2).</summary>
    public TableBuilder ActiveInactiveStateStatus() => StateStatus(
        [StateOption(0, 1, "Active", "Aktiv"), StateOption(1, 2, "Inactive", "Inaktiv")],
        [StatusOption(1, 0, "Active", "Aktiv"), StatusOption(2, 1, "Inactive", "Inaktiv")]);

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
        Add("createdon", ColumnKind.DateTime, new DisplayLabel("Created On", "Erstellt am"), validForCreate: false, validForUpdate: false);
        Add("modifiedon", ColumnKind.DateTime, new DisplayLabel("Modified On", "Geändert am"), validForCreate: false, validForUpdate: false);
        Add("createdby", ColumnKind.Lookup, new DisplayLabel("Created By", "Erstellt von"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        Add("modifiedby", ColumnKind.Lookup, new DisplayLabel("Modified By", "Geändert von"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        Add("versionnumber", ColumnKind.BigInt, new DisplayLabel("Version Number", "Versionsnummer"), validForCreate: false, validForUpdate: false);
        if (_ownership == OwnershipType.UserOwned)
        {
            Add("ownerid", ColumnKind.Owner, new DisplayLabel("Owner", "Besitzer"), targets: ["systemuser"], validForUpdate: false);
            Add("owningbusinessunit", ColumnKind.Lookup, new DisplayLabel("Owning Business Unit", "Besitzende Geschäftseinheit"), targets: ["businessunit"], validForCreate: false, validForUpdate: false);
            Add("owninguser", ColumnKind.Lookup, new DisplayLabel("Owning User", "Besitzender Benutzer"), targets: ["systemuser"], validForCreate: false, validForUpdate: false);
        }
    }

    private TableBuilder Add(
        string name, ColumnKind type, DisplayLabel label, int? maxLength = null, OptionDefinition[]? options = null,
        string[]? targets = null, bool validForCreate = true, bool validForUpdate = true, object? defaultValue = null)
    {
        _attributes.Add(new AttributeDefinition(name, type, label, maxLength, options ?? NoOptions, targets ?? NoTargets, validForCreate, validForUpdate, defaultValue));
        return this;
    }
}
