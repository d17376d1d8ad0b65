using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>The write rules of the platform: validation, defaults, system columns, computed columns, cascades.</summary>
internal static class DataOperations
{
    public static TableDefinition Table(EmulatorSchema schema, string? logicalName) => schema.Find(logicalName) ?? throw Faults.UnknownTable(logicalName, schema);

    public static Entity Existing(EntityStore store, string table, Guid id) => store.Get(table, id) ?? throw Faults.RecordNotFound(table, id);

    /// <summary>The id an entity carries (Id, else the primary id attribute); Guid.Empty when none.</summary>
    public static Guid IdOf(TableDefinition table, Entity entity)
    {
        if (entity.Id != Guid.Empty)
        {
            return entity.Id;
        }

        return entity.Attributes.TryGetValue(table.PrimaryIdAttribute, out var value) && value is Guid id ? id : Guid.Empty;
    }

    /// <summary>The id a new row gets: the one <paramref name="entity"/> carries (refused when taken), else a new one.</summary>
    public static Guid NewRowId(TableDefinition table, Entity entity, EntityStore store)
    {
        var id = IdOf(table, entity);
        if (id == Guid.Empty)
        {
            return Guid.NewGuid();
        }

        return store.Exists(table.LogicalName, id) ? throw Faults.DuplicateId(table.LogicalName, id) : id;
    }

    public static Guid Create(Entity target, RequestContext context)
    {
        target = Sales.SalesHooks.BeforeCreate(target);
        var emulator = context.Emulator;
        var store = emulator.Store;
        var table = Table(store.Schema, target.LogicalName);
        if (target.Id != Guid.Empty && target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var raw) && raw is Guid attributeId && attributeId != target.Id)
        {
            throw Faults.InvalidArgumentFault($"Entity Id {target.Id} and {table.PrimaryIdAttribute} {attributeId} do not match.");
        }

        var id = NewRowId(table, target, store);

        if (target.Attributes.ContainsKey("statecode") && table.StateAttribute is not null)
        {
            throw Faults.StateOnCreate(table.LogicalName);
        }

        var row = new Entity(table.LogicalName) { Id = id };
        foreach (var pair in target.Attributes)
        {
            var attribute = Column(table, pair.Key);
            if (attribute.LogicalName == table.PrimaryIdAttribute || !attribute.ValidForCreate)
            {
                continue;
            }

            row.Attributes[pair.Key] = RowValidator.Validate(table, attribute, pair.Value, store)!;
        }

        FillCreateDefaults(table, row, context.UserId, emulator);
        if (table.InitialState is { } initial)
        {
            row["statecode"] = new OptionSetValue(initial.Value);
            if (row.GetAttributeValue<OptionSetValue>("statuscode") is { } status)
            {
                if (!table.IsValidStatus(initial.Value, status.Value))
                {
                    throw Faults.InvalidStateStatus(table, initial.Value, status.Value);
                }
            }
            else
            {
                row["statuscode"] = new OptionSetValue(initial.DefaultStatus ?? 1);
            }
        }

        Computed(table, row, store, emulator.BaseCurrencyId, currencyChanged: true);
        var now = emulator.Clock.UtcNow;
        var caller = new EntityReference("systemuser", context.UserId);
        row[table.PrimaryIdAttribute] = id;
        row["createdon"] = now;
        row["modifiedon"] = now;
        row["createdby"] = caller;
        row["modifiedby"] = EntityCloner.CloneReference(caller);
        row["versionnumber"] = emulator.NextVersion();
        store.Insert(row);
        Sales.SalesHooks.AfterCreate(target, id, context);
        return id;
    }

    public static void Update(Entity target, RequestContext context)
    {
        var emulator = context.Emulator;
        var store = emulator.Store;
        var table = Table(store.Schema, target.LogicalName);
        var id = IdOf(table, target);
        if (id == Guid.Empty)
        {
            throw Faults.InvalidArgumentFault($"Entity Id must be specified for Update of '{table.LogicalName}'.");
        }

        var existing = Existing(store, table.LogicalName, id);
        target = Sales.SalesHooks.BeforeUpdate(existing, target, context);
        var row = EntityCloner.Clone(existing);
        var currencyChanged = false;
        foreach (var pair in target.Attributes)
        {
            var attribute = Column(table, pair.Key);
            if (attribute.LogicalName == table.PrimaryIdAttribute || !attribute.ValidForUpdate)
            {
                continue;
            }

            currencyChanged |= pair.Key is "transactioncurrencyid";
            row.Attributes[pair.Key] = RowValidator.Validate(table, attribute, pair.Value, store)!;
        }

        ValidateStateChange(table, existing, row, target);
        Computed(table, row, store, emulator.BaseCurrencyId, currencyChanged);
        StampModified(row, context);
        store.Replace(row);
    }

    public static void Delete(EntityReference target, RequestContext context)
    {
        var store = context.Emulator.Store;
        var table = Table(store.Schema, target.LogicalName);
        Existing(store, table.LogicalName, target.Id);
        foreach (var relationship in store.Schema.RelationshipsReferencing(table.LogicalName))
        {
            foreach (var child in Referencing(store, relationship, target.Id))
            {
                switch (relationship.Delete)
                {
                    case CascadeType.Cascade:
                        if (store.Exists(child.LogicalName, child.Id))
                        {
                            context.Execute(new DeleteRequest { Target = new EntityReference(child.LogicalName, child.Id) });
                        }

                        break;
                    case CascadeType.RemoveLink:
                        var cleared = EntityCloner.Clone(child);
                        cleared.Attributes[relationship.ReferencingAttribute] = null!;
                        cleared["modifiedon"] = context.Emulator.Clock.UtcNow;
                        cleared["versionnumber"] = context.Emulator.NextVersion();
                        store.Replace(cleared);
                        break;
                    case CascadeType.Restrict:
                        throw Faults.DeleteRestricted(table.LogicalName, target.Id, relationship.SchemaName);
                }
            }
        }

        // A self-referencing cascade may already have removed the row.
        store.Remove(table.LogicalName, target.Id);
        Messages.ManyToManyLinks.Forget(store, store.Schema, table.LogicalName, target.Id);
    }

    public static void Assign(EntityReference target, EntityReference assignee, RequestContext context)
    {
        var emulator = context.Emulator;
        var store = emulator.Store;
        var table = Table(store.Schema, target.LogicalName);
        if (table.Ownership != OwnershipType.UserOwned)
        {
            throw Faults.InvalidArgumentFault($"Entity '{table.LogicalName}' is not user-owned and cannot be assigned.");
        }

        if (assignee.LogicalName != "systemuser")
        {
            throw Faults.InvalidLookupTarget(table.LogicalName, "ownerid", assignee.LogicalName ?? "(null)");
        }

        var user = Existing(store, "systemuser", assignee.Id);
        var row = EntityCloner.Clone(Existing(store, table.LogicalName, target.Id));
        row["ownerid"] = new EntityReference("systemuser", assignee.Id);
        row["owninguser"] = new EntityReference("systemuser", assignee.Id);
        row["owningbusinessunit"] = EntityCloner.CloneValue(user.GetAttributeValue<EntityReference>("businessunitid"))!;
        StampModified(row, context);
        store.Replace(row);

        foreach (var relationship in store.Schema.RelationshipsReferencing(table.LogicalName))
        {
            if (relationship.Assign != CascadeType.Cascade || Table(store.Schema, relationship.ReferencingTable).Ownership != OwnershipType.UserOwned)
            {
                continue;
            }

            foreach (var child in Referencing(store, relationship, target.Id))
            {
                context.Execute(new AssignRequest { Target = new EntityReference(child.LogicalName, child.Id), Assignee = new EntityReference("systemuser", assignee.Id) });
            }
        }
    }

    /// <summary>Rows of the relationship's referencing table that point at <paramref name="id"/> (snapshot list).</summary>
    public static List<Entity> Referencing(EntityStore store, RelationshipDefinition relationship, Guid id)
    {
        var result = new List<Entity>();
        // Through the equality index on the lookup column once it exists (cascades on delete and assign ask repeatedly).
        foreach (var row in store.RowsWhereEqual(relationship.ReferencingTable, relationship.ReferencingAttribute, id) ?? store.Rows(relationship.ReferencingTable))
        {
            if (row.Attributes.TryGetValue(relationship.ReferencingAttribute, out var value) && value is EntityReference reference
                && reference.Id == id && reference.LogicalName == relationship.ReferencedTable)
            {
                result.Add(row);
            }
        }

        return result;
    }

    public static AttributeDefinition Column(TableDefinition table, string column) =>
        table.Attributes.TryGetValue(column, out var attribute) ? attribute : throw Faults.UnknownColumn(table.LogicalName, column, table);

    /// <summary>Defaults, owner and system columns a seeded or created row needs (only where not set).</summary>
    public static void FillCreateDefaults(TableDefinition table, Entity row, Guid userId, XrmEmulator emulator)
    {
        foreach (var attribute in table.AttributeList)
        {
            if (attribute.DefaultValue is not null && !row.Attributes.ContainsKey(attribute.LogicalName))
            {
                row[attribute.LogicalName] = EntityCloner.CloneValue(attribute.DefaultValue)!;
            }
        }

        if (table.Ownership == OwnershipType.UserOwned)
        {
            var owner = row.GetAttributeValue<EntityReference>("ownerid") ?? new EntityReference("systemuser", userId);
            row["ownerid"] = owner;
            if (owner.LogicalName == "team")
            {
                // A team-owned row: owningteam (where the table has it) and the team's business unit.
                if (table.Attributes.ContainsKey("owningteam"))
                {
                    row["owningteam"] = new EntityReference("team", owner.Id);
                }

                row["owningbusinessunit"] = new EntityReference("businessunit", emulator.Security.BusinessUnitOfTeam(owner.Id));
                return;
            }

            row["owninguser"] = new EntityReference("systemuser", owner.Id);
            row["owningbusinessunit"] = new EntityReference("businessunit", emulator.BusinessUnitOf(owner.Id));
        }
    }

    /// <summary>Columns the platform computes: full names and money base values.</summary>
    public static void Computed(TableDefinition table, Entity row, EntityStore store, Guid baseCurrencyId, bool currencyChanged)
    {
        if (table.Attributes.TryGetValue("fullname", out var fullName) && !fullName.ValidForCreate && table.Attributes.ContainsKey("firstname"))
        {
            var first = row.GetAttributeValue<string>("firstname");
            var last = row.GetAttributeValue<string>("lastname");
            row["fullname"] = string.Join(" ", NonEmpty(first, last));
        }

        if (table.MoneyAttributes.Count == 0)
        {
            return;
        }

        var hasMoney = false;
        foreach (var money in table.MoneyAttributes)
        {
            hasMoney |= row.Attributes.ContainsKey(money.LogicalName);
        }

        if (!hasMoney && !currencyChanged)
        {
            return;
        }

        var currency = row.GetAttributeValue<EntityReference>("transactioncurrencyid");
        if (currency is null)
        {
            if (!hasMoney)
            {
                return;
            }

            currency = new EntityReference("transactioncurrency", baseCurrencyId);
            row["transactioncurrencyid"] = currency;
        }

        var rate = store.Get("transactioncurrency", currency.Id)?.GetAttributeValue<decimal?>("exchangerate") ?? 1m;
        if (rate == 0m)
        {
            rate = 1m;
        }

        row["exchangerate"] = rate;
        foreach (var money in table.MoneyAttributes)
        {
            var value = row.GetAttributeValue<Money>(money.LogicalName);
            row[money.LogicalName + "_base"] = value is null ? null! : new Money(decimal.Round(value.Value / rate, 4));
        }
    }

    /// <summary>modifiedon, modifiedby and a new versionnumber for a row the caller changes.</summary>
    private static void StampModified(Entity row, RequestContext context)
    {
        row["modifiedon"] = context.Emulator.Clock.UtcNow;
        row["modifiedby"] = new EntityReference("systemuser", context.UserId);
        row["versionnumber"] = context.Emulator.NextVersion();
    }

    private static string[] NonEmpty(string? first, string? last)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(first))
        {
            parts.Add(first.Trim());
        }

        if (!string.IsNullOrWhiteSpace(last))
        {
            parts.Add(last.Trim());
        }

        return parts.ToArray();
    }

    // A statuscode alone must belong to the current state; no state change is inferred from it (UNCONFIRMED (U16)).
    private static void ValidateStateChange(TableDefinition table, Entity existing, Entity row, Entity target)
    {
        if (table.StateAttribute is null)
        {
            return;
        }

        var stateGiven = target.Attributes.ContainsKey("statecode");
        var statusGiven = target.Attributes.ContainsKey("statuscode");
        if (!stateGiven && !statusGiven)
        {
            return;
        }

        var state = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? existing.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
        var status = row.GetAttributeValue<OptionSetValue>("statuscode")?.Value;
        if (stateGiven && (!statusGiven || status is null or -1))
        {
            status = table.DefaultStatusFor(state) ?? throw Faults.InvalidStateStatus(table, state, -1, existing.Id);
            row["statuscode"] = new OptionSetValue(status.Value);
        }

        if (status is null || !table.IsValidStatus(state, status.Value))
        {
            throw Faults.InvalidStateStatus(table, state, status ?? -1, existing.Id);
        }
    }
}
