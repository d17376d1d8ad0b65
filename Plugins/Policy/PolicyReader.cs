using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>Reads the lead qualification policy with one query: the definition outer-joined to its value.</summary>
public static class PolicyReader
{
    /// <summary>Alias of the value link in the query.</summary>
    public const string ValueAlias = "v";

    /// <summary>The query: definition (schemaname, defaultvalue) left-outer-joined to value (value).</summary>
    public static QueryExpression BuildQuery()
    {
        // Stryker disable once all : equivalent: NoLock off, or all columns, reads the same rows and values.
        var query = new QueryExpression(EnvironmentVariableDefinition.EntityName)
        {
            ColumnSet = new ColumnSet(EnvironmentVariableDefinition.Fields.SchemaName, EnvironmentVariableDefinition.Fields.DefaultValue),
            NoLock = true,
        };
        query.Criteria.AddCondition(EnvironmentVariableDefinition.Fields.SchemaName, ConditionOperator.Equal, EnvironmentVariableNames.LeadQualificationPolicy);
        var value = query.AddLink(
            EnvironmentVariableValue.EntityName,
            EnvironmentVariableDefinition.Fields.DefinitionId,
            EnvironmentVariableValue.Fields.DefinitionId,
            JoinOperator.LeftOuter);
        value.EntityAlias = ValueAlias;
        value.Columns = new ColumnSet(EnvironmentVariableValue.Fields.Value);
        return query;
    }

    /// <summary>
    /// The effective JSON text: the environment's value when set, else the definition's default, else null
    /// (definition missing: the built-in defaults apply, which equal the shipped default).
    /// </summary>
    public static string? ReadJson(IOrganizationService service)
    {
        var rows = service.RetrieveMultiple(BuildQuery()).Entities;
        var value = rows
            .Select(row => row.GetAttributeValue<AliasedValue>(ValueAlias + "." + EnvironmentVariableValue.Fields.Value)?.Value as string)
            .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
        return value ?? rows
            .Select(row => row.GetAttributeValue<string>(EnvironmentVariableDefinition.Fields.DefaultValue))
            .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
    }

    /// <summary>Reads and parses the policy; a malformed policy becomes the user error that names it.</summary>
    public static QualificationPolicy Load(PluginContext context)
    {
        var json = ReadJson(context.SystemService);
        if (json is null)
        {
            context.Trace.Trace(TraceTexts.PolicyNotDefined);
        }

        var result = QualificationPolicy.Parse(json);
        if (result.Problem is not null)
        {
            context.Trace.Trace(TraceTexts.PolicyInvalid);
            throw result.Problem.ToException(context.UserLanguage);
        }

        return result.Policy!;
    }
}
