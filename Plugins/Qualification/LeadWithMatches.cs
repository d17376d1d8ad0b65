using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// The lead as one query returned it: the lead's own columns, and per row one active account named like its company
/// and one active contact with its email (outer joins on those columns), so the lead and its matches cost one call.
/// </summary>
public sealed class LeadWithMatches
{
    /// <summary>Alias of the account join.</summary>
    public const string AccountAlias = "matchedaccount";

    /// <summary>Alias of the contact join.</summary>
    public const string ContactAlias = "matchedcontact";

    /// <summary>The created-on column the oldest match is chosen by.</summary>
    public const string CreatedOn = "createdon";

    private readonly IList<Entity> _rows;

    /// <summary>Wraps the rows of the lead query (at least one).</summary>
    public LeadWithMatches(IList<Entity> rows)
    {
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        if (rows.Count == 0)
        {
            throw new ArgumentException("The lead query returned no row.", nameof(rows));
        }

        var first = rows[0];
        Lead = new Entity(first.LogicalName, first.Id);
        foreach (var pair in first.Attributes)
        {
            if (pair.Value is not AliasedValue)
            {
                Lead[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>The lead's own columns (no joined values).</summary>
    public Entity Lead { get; }

    /// <summary>
    /// True when the join could find what a lookup of <paramref name="value"/> in <paramref name="leadColumn"/> finds:
    /// the lead's stored value is that value without surrounding spaces. Otherwise the caller looks it up alone.
    /// </summary>
    public bool JoinServes(string leadColumn, string value) =>
        string.Equals(Lead.GetAttributeValue<string>(leadColumn), value, StringComparison.Ordinal);

    /// <summary>The oldest joined active account named <paramref name="name"/> (case and surrounding spaces ignored), or null.</summary>
    public EntityReference? Account(string name) =>
        Oldest(Model.Account.EntityName, AccountAlias, Model.Account.Fields.AccountId, Model.Account.Fields.Name, name);

    /// <summary>The oldest joined active contact with email <paramref name="email"/> (case and surrounding spaces ignored), or null.</summary>
    public EntityReference? Contact(string email) =>
        Oldest(Model.Contact.EntityName, ContactAlias, Model.Contact.Fields.ContactId, Model.Contact.Fields.EmailAddress1, email);

    private EntityReference? Oldest(string table, string alias, string idColumn, string column, string value)
    {
        Guid? best = null;
        var bestCreated = DateTime.MaxValue;
        foreach (var row in _rows)
        {
            if (Aliased(row, alias, idColumn) is not Guid id
                || !string.Equals((Aliased(row, alias, column) as string)?.Trim(), value, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // As an ascending sort on createdon: no date first, and the first of equal dates (store order) wins.
            var created = Aliased(row, alias, CreatedOn) as DateTime? ?? DateTime.MinValue;
            if (best is null || created < bestCreated)
            {
                best = id;
                bestCreated = created;
            }
        }

        return best is { } found ? new EntityReference(table, found) : null;
    }

    private static object? Aliased(Entity row, string alias, string column) =>
        row.Attributes.TryGetValue(alias + "." + column, out var value) && value is AliasedValue aliased ? aliased.Value : null;
}
