using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>Finds records by the user's rights, so a match is always one the user may link.</summary>
public static class ExistingRecordFinder
{
    private const string StateCode = "statecode";
    private const string CreatedOn = "createdon";

    /// <summary>The lead with only <paramref name="columns"/>, or null when it does not exist or is not visible.</summary>
    public static Entity? FindLead(IOrganizationService service, Guid leadId, string[] columns)
    {
        var query = new QueryExpression(Lead.EntityName) { ColumnSet = new ColumnSet(columns), TopCount = 1 };
        query.Criteria.AddCondition(Lead.Fields.LeadId, ConditionOperator.Equal, leadId);
        return service.RetrieveMultiple(query).Entities.FirstOrDefault();
    }

    /// <summary>
    /// The lead with only <paramref name="columns"/>, joined (outer) to the active accounts whose name equals its company
    /// name when <paramref name="matchAccount"/>, and to the active contacts whose email equals its email when
    /// <paramref name="matchContact"/>: the lead and both matching lookups in one query. Null when the lead does not
    /// exist or is not visible.
    /// </summary>
    public static LeadWithMatches? FindLeadWithMatches(IOrganizationService service, Guid leadId, string[] columns, bool matchAccount, bool matchContact)
    {
        var query = new QueryExpression(Lead.EntityName) { ColumnSet = new ColumnSet(columns) };
        query.Criteria.AddCondition(Lead.Fields.LeadId, ConditionOperator.Equal, leadId);
        if (matchAccount)
        {
            AddMatch(query, Account.EntityName, Lead.Fields.CompanyName, Account.Fields.Name, Account.Fields.AccountId, LeadWithMatches.AccountAlias);
        }

        if (matchContact)
        {
            AddMatch(query, Contact.EntityName, Lead.Fields.EmailAddress1, Contact.Fields.EmailAddress1, Contact.Fields.ContactId, LeadWithMatches.ContactAlias);
        }

        if (!matchAccount && !matchContact)
        {
            query.TopCount = 1;
        }

        var rows = service.RetrieveMultiple(query).Entities;
        return rows.Count == 0 ? null : new LeadWithMatches(rows);
    }

    /// <summary>The oldest active account named <paramref name="name"/> (case and surrounding spaces ignored), or null.</summary>
    public static EntityReference? FindAccount(IOrganizationService service, string? name) =>
        name is null ? null : FindActive(service, Account.EntityName, Account.Fields.Name, name);

    /// <summary>The oldest active contact with email <paramref name="email"/> (case and surrounding spaces ignored), or null.</summary>
    public static EntityReference? FindContact(IOrganizationService service, string? email) =>
        email is null ? null : FindActive(service, Contact.EntityName, Contact.Fields.EmailAddress1, email);

    private static void AddMatch(QueryExpression query, string table, string leadColumn, string column, string idColumn, string alias)
    {
        var link = query.AddLink(table, leadColumn, column, JoinOperator.LeftOuter);
        link.EntityAlias = alias;
        link.Columns = new ColumnSet(idColumn, column, CreatedOn);
        link.LinkCriteria.AddCondition(StateCode, ConditionOperator.Equal, 0);
    }

    private static EntityReference? FindActive(IOrganizationService service, string table, string column, string value)
    {
        // Dataverse compares text case-insensitively; the check below also makes that true for any backend.
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(column), TopCount = 5 };
        query.Criteria.AddCondition(StateCode, ConditionOperator.Equal, 0);
        query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
        query.AddOrder(CreatedOn, OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities
            .Where(row => string.Equals(row.GetAttributeValue<string>(column)?.Trim(), value, StringComparison.OrdinalIgnoreCase))
            .Select(row => new EntityReference(table, row.Id))
            .FirstOrDefault();
    }
}
