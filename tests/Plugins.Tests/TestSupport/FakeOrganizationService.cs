using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Tests.TestSupport;

/// <summary>
/// A scripted organization service: queries are answered per table by handlers the test supplies, and every
/// call is recorded so tests can assert what was read and written and how many calls it took.
/// </summary>
internal sealed class FakeOrganizationService : IOrganizationService
{
    private readonly Dictionary<string, Func<QueryExpression, IEnumerable<Entity>>> _queries = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public List<QueryExpression> Queries { get; } = [];

    public List<Entity> Updates { get; } = [];

    public int UserLanguage { get; set; } = 1033;

    public int DataCalls => Calls.Count(c => !c.EndsWith(UserSettings.EntityName, StringComparison.Ordinal));

    public FakeOrganizationService Answer(string table, Func<QueryExpression, IEnumerable<Entity>> handler)
    {
        _queries[table] = handler;
        return this;
    }

    public FakeOrganizationService Answer(string table, params Entity[] rows) => Answer(table, _ => rows);

    public FakeOrganizationService WithPolicy(string? value, string? defaultValue = null)
    {
        var row = new Entity(EnvironmentVariableDefinition.EntityName, Guid.NewGuid());
        row[EnvironmentVariableDefinition.Fields.SchemaName] = EnvironmentVariableNames.LeadQualificationPolicy;
        row[EnvironmentVariableDefinition.Fields.DefaultValue] = defaultValue ?? Plugins.Policy.QualificationPolicy.DefaultJson;
        if (value is not null)
        {
            row["v.value"] = new AliasedValue(EnvironmentVariableValue.EntityName, EnvironmentVariableValue.Fields.Value, value);
        }

        return Answer(EnvironmentVariableDefinition.EntityName, row);
    }

    public Guid Create(Entity entity)
    {
        Calls.Add("Create " + entity.LogicalName);
        return Guid.NewGuid();
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
    {
        Calls.Add("Retrieve " + entityName);
        if (string.Equals(entityName, UserSettings.EntityName, StringComparison.Ordinal))
        {
            var settings = new Entity(UserSettings.EntityName, id);
            settings[UserSettings.Fields.UiLanguageId] = UserLanguage;
            return settings;
        }

        throw new InvalidOperationException("Unexpected Retrieve of " + entityName);
    }

    public void Update(Entity entity)
    {
        Calls.Add("Update " + entity.LogicalName);
        Updates.Add(entity);
    }

    public void Delete(string entityName, Guid id) => Calls.Add("Delete " + entityName);

    /// <summary>The AccessRights RetrievePrincipalAccess answers (1 = ReadAccess; 0 = the principal cannot read the row).</summary>
    public int PrincipalAccess { get; set; } = 1;

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request.RequestName == "RetrievePrincipalAccess")
        {
            Calls.Add("RetrievePrincipalAccess " + ((EntityReference)request["Target"]).LogicalName);
            var response = new OrganizationResponse { ResponseName = request.RequestName };
            response.Results["AccessRights"] = PrincipalAccess;
            return response;
        }

        throw new InvalidOperationException("Unexpected Execute " + request.RequestName);
    }

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new InvalidOperationException("Unexpected Associate");

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new InvalidOperationException("Unexpected Disassociate");

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var expression = (QueryExpression)query;
        Calls.Add("RetrieveMultiple " + expression.EntityName);
        Queries.Add(expression);
        var rows = _queries.TryGetValue(expression.EntityName ?? string.Empty, out var handler) ? handler(expression).ToList() : [];
        foreach (var link in expression.LinkEntities)
        {
            rows = Join(rows, link);
        }

        return new EntityCollection(rows);
    }

    // An outer join as the platform returns it: one row per linked row the table's handler answers (the handler sees
    // the link's columns and criteria as a query), its columns as AliasedValues under the link's alias; no linked row
    // leaves the row alone.
    private List<Entity> Join(List<Entity> rows, LinkEntity link)
    {
        var table = link.LinkToEntityName ?? string.Empty;
        var linkedQuery = new QueryExpression(table) { ColumnSet = link.Columns, Criteria = link.LinkCriteria };
        var linked = _queries.TryGetValue(table, out var handler) ? handler(linkedQuery).ToList() : [];
        if (linked.Count == 0)
        {
            return rows;
        }

        var joined = new List<Entity>();
        foreach (var row in rows)
        {
            foreach (var match in linked)
            {
                var copy = new Entity(row.LogicalName, row.Id);
                copy.Attributes.AddRange(row.Attributes);
                foreach (var pair in match.Attributes)
                {
                    copy[link.EntityAlias + "." + pair.Key] = new AliasedValue(table, pair.Key, pair.Value);
                }

                copy[link.EntityAlias + "." + table + "id"] = new AliasedValue(table, table + "id", match.Id);
                joined.Add(copy);
            }
        }

        return joined;
    }
}
