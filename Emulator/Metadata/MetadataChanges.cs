using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Metadata.Query;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// RetrieveMetadataChanges: the tables an EntityQueryExpression selects (Criteria on any EntityMetadata property, e.g.
/// LogicalName, SchemaName, IsCustomEntity, OwnershipType), with only the properties it names (Properties; others
/// null, MetadataId always), their columns filtered by AttributeQuery and their relationships by RelationshipQuery;
/// LabelQuery.FilterLanguages keeps only the localized labels in those languages.
/// ServerVersionStamp is the schema's version; a ClientVersionStamp of the current version returns nothing, an older
/// one the tables added or changed since. Nothing is ever deleted from a schema, so DeletedMetadata stays empty.
/// </summary>
internal static class MetadataChanges
{
    public static RetrieveMetadataChangesResponse Execute(OrganizationRequest request, RequestContext context, int language)
    {
        var schema = context.Emulator.Schema;
        var query = Parameters.Optional<EntityQueryExpression>(request, "Query") ?? new EntityQueryExpression();
        var since = Since(Parameters.Optional<string>(request, "ClientVersionStamp"), schema);
        var result = new EntityMetadataCollection();
        foreach (var table in schema.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            if (since is { } version && schema.VersionOf(table.LogicalName) <= version)
            {
                continue;
            }

            var entity = MetadataMessages.Describe(schema, table, EntityFilters.All, language);
            if (!Matches(entity, query.Criteria))
            {
                continue;
            }

            if (entity.Attributes is { } attributes)
            {
                var kept = attributes.Where(a => Matches(a, query.AttributeQuery?.Criteria)).ToArray();
                foreach (var attribute in kept)
                {
                    Keep(attribute, query.AttributeQuery?.Properties);
                }

                SetInternal(entity, nameof(EntityMetadata.Attributes), kept);
            }

            FilterRelationships(entity, query.RelationshipQuery);
            Keep(entity, query.Properties);
            if (query.LabelQuery is { FilterLanguages.Count: > 0 } labels)
            {
                OnlyLanguages(entity, new HashSet<int>(labels.FilterLanguages), new HashSet<object>(ReferenceEqualityComparer.Instance));
            }

            result.Add(entity);
        }

        var response = new RetrieveMetadataChangesResponse();
        response.Results["EntityMetadata"] = result;
        response.Results["DeletedMetadata"] = new DeletedMetadataCollection();
        response.Results["ServerVersionStamp"] = Stamp(schema.Version);
        return response;
    }

    private static void FilterRelationships(EntityMetadata entity, RelationshipQueryExpression? query)
    {
        OneToManyRelationshipMetadata[]? Filter(OneToManyRelationshipMetadata[]? relationships)
        {
            var kept = relationships?.Where(r => Matches(r, query?.Criteria)).ToArray();
            foreach (var relationship in kept ?? [])
            {
                Keep(relationship, query?.Properties);
            }

            return kept;
        }

        SetInternal(entity, nameof(EntityMetadata.OneToManyRelationships), Filter(entity.OneToManyRelationships));
        SetInternal(entity, nameof(EntityMetadata.ManyToOneRelationships), Filter(entity.ManyToOneRelationships));
    }

    // The platform's version stamps are opaque strings; here "<schema version>!<fixed suffix>".
    private static string Stamp(long version) => version.ToString(CultureInfo.InvariantCulture) + "!lqx";

    private static long? Since(string? stamp, EmulatorSchema schema)
    {
        if (stamp is null)
        {
            return null;
        }

        var number = stamp.Split('!')[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version <= schema.Version
            ? version
            : throw Faults.Create(Faults.InvalidArgument, $"The ClientVersionStamp '{stamp}' is not one this organization issued.");
    }

    /// <summary>True when <paramref name="metadata"/> satisfies <paramref name="filter"/> (no filter: everything).</summary>
    private static bool Matches(object metadata, MetadataFilterExpression? filter)
    {
        if (filter is null || (filter.Conditions.Count == 0 && filter.Filters.Count == 0))
        {
            return true;
        }

        var results = filter.Conditions.Select(c => Matches(metadata, c)).Concat(filter.Filters.Select(f => Matches(metadata, f)));
        return filter.FilterOperator == LogicalOperator.Or ? results.Any(r => r) : results.All(r => r);
    }

    private static bool Matches(object metadata, MetadataConditionExpression condition)
    {
        var property = Property(metadata.GetType(), condition.PropertyName)
            ?? throw Faults.Create(Faults.InvalidArgument, $"'{condition.PropertyName}' is not a property of {metadata.GetType().Name}.");
        var actual = property.GetValue(metadata);
        return condition.ConditionOperator switch
        {
            MetadataConditionOperator.Equals => Same(actual, condition.Value),
            MetadataConditionOperator.NotEquals => !Same(actual, condition.Value),
            MetadataConditionOperator.In => Values(condition.Value).Any(v => Same(actual, v)),
            MetadataConditionOperator.NotIn => !Values(condition.Value).Any(v => Same(actual, v)),
            MetadataConditionOperator.GreaterThan => Compare(actual, condition.Value) > 0,
            MetadataConditionOperator.LessThan => Compare(actual, condition.Value) < 0,
            _ => throw Faults.Create(Faults.InvalidArgument, $"The metadata condition operator {condition.ConditionOperator} is not supported."),
        };
    }

    private static IEnumerable<object?> Values(object? value) =>
        value is IEnumerable list and not string ? list.Cast<object?>() : [value];

    private static bool Same(object? actual, object? expected)
    {
        actual = Plain(actual);
        expected = Plain(expected);
        return actual is string a && expected is string e
            ? string.Equals(a, e, StringComparison.OrdinalIgnoreCase)
            : Equals(actual, expected) || (Number(actual) is { } x && Number(expected) is { } y && x == y);
    }

    private static int Compare(object? actual, object? expected) =>
        Number(Plain(actual)) is { } x && Number(Plain(expected)) is { } y ? x.CompareTo(y) : -2;

    // Managed properties (RequiredLevel, IsCustomizable …) compare by their value; enums by their number.
    private static object? Plain(object? value) =>
        value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ManagedProperty<>)
            ? type.GetProperty("Value")!.GetValue(value)
            : value;

    private static decimal? Number(object? value) => value switch
    {
        Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
        int or long or short or byte or decimal or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Sets every readable property not named in <paramref name="properties"/> to null (MetadataId stays).</summary>
    private static void Keep(object metadata, MetadataPropertiesExpression? properties)
    {
        if (properties is null || properties.AllProperties)
        {
            return;
        }

        var names = new HashSet<string>(properties.PropertyNames, StringComparer.OrdinalIgnoreCase) { nameof(MetadataBase.MetadataId) };
        foreach (var property in metadata.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (!names.Contains(property.Name) && property.GetIndexParameters().Length == 0 && property.SetMethod is not null
                && (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                && property.Name != nameof(MetadataBase.ExtensionData))
            {
                property.SetValue(metadata, null);
            }
        }
    }

    /// <summary>LabelQuery.FilterLanguages: every label of the metadata keeps only the localized labels in those languages.</summary>
    private static void OnlyLanguages(object metadata, HashSet<int> languages, HashSet<object> seen)
    {
        if (!seen.Add(metadata))
        {
            return;
        }

        if (metadata is Label label)
        {
            foreach (var localized in label.LocalizedLabels.Where(l => !languages.Contains(l.LanguageCode)).ToList())
            {
                label.LocalizedLabels.Remove(localized);
            }

            return;
        }

        if (metadata is IEnumerable items and not string)
        {
            foreach (var item in items.Cast<object?>().OfType<object>().ToList())
            {
                OnlyLanguages(item, languages, seen);
            }

            return;
        }

        foreach (var property in metadata.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0
                && property.PropertyType.Namespace?.StartsWith("Microsoft.Xrm.Sdk", StringComparison.Ordinal) == true
                && property.GetValue(metadata) is { } value)
            {
                OnlyLanguages(value, languages, seen);
            }
        }
    }

    private static PropertyInfo? Property(Type type, string? name) =>
        name is null ? null : type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase);

    private static void SetInternal(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public)!.SetValue(target, value);
}
