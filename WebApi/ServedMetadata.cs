using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.OData.Edm;

namespace LeadQualifyExtensions.WebApi;

/// <summary>A table as the Web API serves it: its entity set, EDM type and how EDM names map to columns.</summary>
internal sealed class ServedTable
{
    public ServedTable(TableDefinition table, EdmEntityType type, EdmEntitySet set)
    {
        Table = table;
        Type = type;
        Set = set;
    }

    public TableDefinition Table { get; }

    public EdmEntityType Type { get; }

    public EdmEntitySet Set { get; }

    public string LogicalName => Table.LogicalName;

    public string EntitySetName => Set.Name;

    /// <summary>
    /// Single-valued navigation properties (the @odata.bind names): property name to lookup column and target table.
    /// Matched without case: Dataverse names some after the column's schema name (EnvironmentVariableDefinitionId).
    /// </summary>
    public Dictionary<string, (string Column, string Target)> Navigations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The navigation property of a lookup column for one of its targets, or null.</summary>
    public string? NavigationFor(string column, string target) =>
        Navigations.FirstOrDefault(n => n.Value.Column == column && n.Value.Target == target).Key;
}

/// <summary>
/// The EDM model of the served organization, built from the emulator's metadata the way Dataverse exposes its own:
/// namespace Microsoft.Dynamics.CRM, one entity type per table keyed on its primary id, a column per attribute, each
/// lookup as a read-only <c>_name_value</c> Guid plus a navigation property (per target when it has several) for
/// <c>@odata.bind</c>, and the functions this package calls (WhoAmI).
/// </summary>
internal sealed class ServedMetadata
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    private readonly Dictionary<string, ServedTable> _bySet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServedTable> _byTable = new(StringComparer.Ordinal);

    public ServedMetadata(EmulatorSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        foreach (var table in schema.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            var type = new EdmEntityType(Namespace, table.LogicalName);
            var key = type.AddStructuralProperty(table.PrimaryIdAttribute, EdmPrimitiveTypeKind.Guid, isNullable: false);
            type.AddKeys(key);
            foreach (var column in table.AttributeList.Where(a => a.LogicalName != table.PrimaryIdAttribute && a.ValidForRead))
            {
                type.AddStructuralProperty(PropertyName(column), Kind(column.Type), isNullable: true);
            }

            model.AddElement(type);
            var served = new ServedTable(table, type, container.AddEntitySet(table.EntitySetName, type));
            _bySet[served.EntitySetName] = served;
            _byTable[table.LogicalName] = served;
        }

        foreach (var served in _byTable.Values)
        {
            foreach (var lookup in served.Table.AttributeList.Where(a => a.IsReference))
            {
                var targets = lookup.Targets.Where(_byTable.ContainsKey).ToList();
                foreach (var target in targets)
                {
                    var name = targets.Count == 1 ? lookup.LogicalName : $"{lookup.LogicalName}_{target}";
                    if (served.Type.FindProperty(name) is not null)
                    {
                        continue;
                    }

                    served.Type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                    {
                        Name = name,
                        Target = _byTable[target].Type,
                        TargetMultiplicity = EdmMultiplicity.ZeroOrOne,
                    });
                    served.Navigations[name] = (lookup.LogicalName, target);
                }
            }
        }

        AddWhoAmI(model, container);
        Model = model;
    }

    public IEdmModel Model { get; }

    public ServedTable? BySet(string entitySetName) => _bySet.GetValueOrDefault(entitySetName);

    public ServedTable? ByTable(string logicalName) => _byTable.GetValueOrDefault(logicalName);

    public ServedTable ForType(IEdmEntityType type) => _byTable[type.Name];

    /// <summary>The Web API name of a column: <c>_name_value</c> for lookups, the logical name otherwise.</summary>
    public static string PropertyName(AttributeDefinition column) =>
        column.IsReference ? LookupProperty(column.LogicalName) : column.LogicalName;

    public static string LookupProperty(string column) => $"_{column}_value";

    /// <summary>The column behind a property name (<c>_name_value</c> → name).</summary>
    public static string ColumnOf(string property) =>
        property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal) && property.Length > 7
            ? property[1..^6]
            : property;

    private static EdmPrimitiveTypeKind Kind(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer or ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => EdmPrimitiveTypeKind.Int32,
        ColumnKind.BigInt => EdmPrimitiveTypeKind.Int64,
        ColumnKind.Decimal or ColumnKind.Money => EdmPrimitiveTypeKind.Decimal,
        ColumnKind.Double => EdmPrimitiveTypeKind.Double,
        ColumnKind.Boolean => EdmPrimitiveTypeKind.Boolean,
        ColumnKind.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        ColumnKind.Uniqueidentifier or ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner => EdmPrimitiveTypeKind.Guid,
        _ => EdmPrimitiveTypeKind.String,
    };

    private static void AddWhoAmI(EdmModel model, EdmEntityContainer container)
    {
        var response = new EdmComplexType(Namespace, "WhoAmIResponse");
        response.AddStructuralProperty("BusinessUnitId", EdmPrimitiveTypeKind.Guid, isNullable: false);
        response.AddStructuralProperty("UserId", EdmPrimitiveTypeKind.Guid, isNullable: false);
        response.AddStructuralProperty("OrganizationId", EdmPrimitiveTypeKind.Guid, isNullable: false);
        model.AddElement(response);
        var function = new EdmFunction(Namespace, "WhoAmI", new EdmComplexTypeReference(response, isNullable: false), isBound: false, entitySetPathExpression: null, isComposable: false);
        model.AddElement(function);
        container.AddFunctionImport("WhoAmI", function);
    }
}
