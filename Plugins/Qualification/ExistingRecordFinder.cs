using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>Finds records by the user's rights, so a match is always one the user may link: one query per lookup.</summary>
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

    /// <summary>The oldest active account named <paramref name="name"/> (case and surrounding spaces ignored), or null.</summary>
    public static EntityReference? FindAccount(IOrganizationService service, string? name) =>
        name is null ? null : FindActive(service, Account.EntityName, Account.Fields.Name, name);

    /// <summary>The oldest active contact with email <paramref name="email"/> (case and surrounding spaces ignored), or null.</summary>
    public static EntityReference? FindContact(IOrganizationService service, string? email) =>
        email is null ? null : FindActive(service, Contact.EntityName, Contact.Fields.EmailAddress1, email);

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
