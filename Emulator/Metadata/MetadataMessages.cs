using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using SdkCascade = Microsoft.Xrm.Sdk.Metadata.CascadeType;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// RetrieveEntity, RetrieveAttribute, RetrieveAllEntities, RetrieveOptionSet and RetrieveRelationship, answered from
/// the emulator's schema with the SDK's metadata classes. Labels carry 1033 and, where known, 1031; the
/// UserLocalizedLabel is the one in the caller's UI language (usersettings.uilanguageid), English otherwise.
/// </summary>
internal static class MetadataMessages
{
    public static IRequestHandler[] All { get; } =
    [
        new Handler("RetrieveEntity", RetrieveEntity), new Handler("RetrieveAttribute", RetrieveAttribute),
        new Handler("RetrieveAllEntities", RetrieveAllEntities), new Handler("RetrieveOptionSet", RetrieveOptionSet),
        new Handler("RetrieveRelationship", RetrieveRelationship),
        new Handler("RetrieveMetadataChanges", (request, context) => MetadataChanges.Execute(request, context, LanguageOf(context))),
    ];

    private static RetrieveEntityResponse RetrieveEntity(OrganizationRequest request, RequestContext context)
    {
        var schema = context.Emulator.Schema;
        var id = Value<Guid>(request, "MetadataId");
        var name = Parameters.Optional<string>(request, "LogicalName");
        var table = (id != Guid.Empty ? schema.Tables.FirstOrDefault(t => IdOf(t.LogicalName) == id) : schema.Find(name))
            ?? throw Faults.Create(Faults.ObjectDoesNotExist, $"Could not find an entity with specified entity name: {name ?? id.ToString()}");
        var response = new RetrieveEntityResponse();
        response.Results["EntityMetadata"] = Describe(schema, table, Value<EntityFilters>(request, "EntityFilters"), LanguageOf(context));
        return response;
    }

    private static RetrieveAllEntitiesResponse RetrieveAllEntities(OrganizationRequest request, RequestContext context)
    {
        var schema = context.Emulator.Schema;
        var filters = Value<EntityFilters>(request, "EntityFilters");
        var language = LanguageOf(context);
        var response = new RetrieveAllEntitiesResponse();
        response.Results["EntityMetadata"] = schema.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal).Select(t => Describe(schema, t, filters, language)).ToArray();
        return response;
    }

    private static RetrieveAttributeResponse RetrieveAttribute(OrganizationRequest request, RequestContext context)
    {
        var schema = context.Emulator.Schema;
        var id = Value<Guid>(request, "MetadataId");
        var tableName = Parameters.Optional<string>(request, "EntityLogicalName");
        var name = Parameters.Optional<string>(request, "LogicalName");
        (TableDefinition Table, AttributeDefinition Column)? found = null;
        if (id != Guid.Empty)
        {
            found = schema.Tables.SelectMany(t => t.AttributeList.Select(a => (t, a))).FirstOrDefault(p => IdOf(p.t.LogicalName + "." + p.a.LogicalName) == id) is var (t, a) && t is not null ? (t, a) : null;
        }
        else if (schema.Find(tableName) is { } table && name is not null && table.Attributes.TryGetValue(name, out var column))
        {
            found = (table, column);
        }

        if (found is not { } hit)
        {
            throw Faults.Create(Faults.ObjectDoesNotExist, $"Could not find attribute with specified name: {tableName}.{name ?? id.ToString()}");
        }

        var response = new RetrieveAttributeResponse();
        response.Results["AttributeMetadata"] = Describe(hit.Table, hit.Column, LanguageOf(context));
        return response;
    }

    private static RetrieveOptionSetResponse RetrieveOptionSet(OrganizationRequest request, RequestContext context)
    {
        // Option sets are named as the platform names local ones, <table>_<column>; a bare column name finds the
        // first table that has it (the standard choices lead and opportunity share are global in Dataverse).
        var schema = context.Emulator.Schema;
        var name = Parameters.Optional<string>(request, "Name") ?? "";
        var id = Value<Guid>(request, "MetadataId");
        foreach (var table in schema.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            foreach (var column in table.AttributeList.Where(a => a.Options.Count > 0))
            {
                var optionSetName = table.LogicalName + "_" + column.LogicalName;
                if (id != Guid.Empty ? IdOf("optionset:" + optionSetName) == id : name == optionSetName || name == column.LogicalName)
                {
                    var response = new RetrieveOptionSetResponse();
                    response.Results["OptionSetMetadata"] = OptionSet(table, column, LanguageOf(context));
                    return response;
                }
            }
        }

        throw Faults.Create(Faults.ObjectDoesNotExist, $"Could not find optionset with name: {name}");
    }

    private static RetrieveRelationshipResponse RetrieveRelationship(OrganizationRequest request, RequestContext context)
    {
        var schema = context.Emulator.Schema;
        var id = Value<Guid>(request, "MetadataId");
        var name = Parameters.Optional<string>(request, "Name");
        RelationshipMetadataBase? found = (id != Guid.Empty ? schema.Relationships.FirstOrDefault(r => IdOf("relationship:" + r.SchemaName) == id) : schema.FindRelationship(name)) is { } oneToMany
            ? Describe(schema, oneToMany)
            : (id != Guid.Empty ? schema.ManyToManyRelationships.FirstOrDefault(r => IdOf("relationship:" + r.SchemaName) == id) : schema.FindManyToMany(name)) is { } manyToMany
                ? Describe(manyToMany)
                : null;
        var response = new RetrieveRelationshipResponse();
        response.Results["RelationshipMetadata"] = found ?? throw Faults.Create(Faults.ObjectDoesNotExist, $"Could not find relationship with name: {name ?? id.ToString()}");
        return response;
    }

    /// <summary>The EntityMetadata of <paramref name="table"/> with what <paramref name="filters"/> asks for.</summary>
    public static EntityMetadata Describe(EmulatorSchema schema, TableDefinition table, EntityFilters filters, int language)
    {
        var metadata = new EntityMetadata
        {
            LogicalName = table.LogicalName,
            SchemaName = table.SchemaName,
            EntitySetName = table.EntitySetName,
            CollectionSchemaName = table.SchemaName + "s",
            DisplayName = Label(table.DisplayName, language),
            DisplayCollectionName = Label(table.DisplayCollectionName ?? table.DisplayName, language),
            OwnershipType = table.Ownership switch
            {
                OwnershipType.UserOwned => OwnershipTypes.UserOwned,
                OwnershipType.OrganizationOwned => OwnershipTypes.OrganizationOwned,
                OwnershipType.BusinessOwned => OwnershipTypes.BusinessOwned,
                _ => OwnershipTypes.None,
            },
            MetadataId = IdOf(table.LogicalName),
        };
        Internal.Set(metadata, nameof(EntityMetadata.PrimaryIdAttribute), table.PrimaryIdAttribute);
        Internal.Set(metadata, nameof(EntityMetadata.PrimaryNameAttribute), table.PrimaryNameAttribute);
        Internal.Set(metadata, nameof(EntityMetadata.IsCustomEntity), table.IsCustomEntity);
        Internal.Set(metadata, nameof(EntityMetadata.LogicalCollectionName), table.EntitySetName);
        if (filters.HasFlag(EntityFilters.Attributes))
        {
            Internal.Set(metadata, nameof(EntityMetadata.Attributes), table.AttributeList.Select(a => Describe(table, a, language)).ToArray());
        }

        if (filters.HasFlag(EntityFilters.Relationships))
        {
            Internal.Set(metadata, nameof(EntityMetadata.OneToManyRelationships), schema.RelationshipsReferencing(table.LogicalName).Select(r => Describe(schema, r)).ToArray());
            Internal.Set(metadata, nameof(EntityMetadata.ManyToOneRelationships), schema.Relationships.Where(r => r.ReferencingTable == table.LogicalName).Select(r => Describe(schema, r)).ToArray());
            Internal.Set(metadata, nameof(EntityMetadata.ManyToManyRelationships), schema.ManyToManyRelationships
                .Where(r => r.Entity1 == table.LogicalName || r.Entity2 == table.LogicalName).Select(Describe).ToArray());
        }

        return metadata;
    }

    /// <summary>The typed AttributeMetadata of one column.</summary>
    public static AttributeMetadata Describe(TableDefinition table, AttributeDefinition column, int language)
    {
        AttributeMetadata metadata = column.Type switch
        {
            ColumnKind.String => new StringAttributeMetadata { MaxLength = column.MaxLength },
            ColumnKind.Memo => new MemoAttributeMetadata { MaxLength = column.MaxLength },
            ColumnKind.Integer => new IntegerAttributeMetadata { MinValue = (int?)column.MinValue, MaxValue = (int?)column.MaxValue },
            ColumnKind.BigInt => new BigIntAttributeMetadata { MinValue = (long?)column.MinValue, MaxValue = (long?)column.MaxValue },
            ColumnKind.Decimal => new DecimalAttributeMetadata { MinValue = column.MinValue, MaxValue = column.MaxValue, Precision = column.Precision },
            ColumnKind.Double => new DoubleAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue, Precision = column.Precision },
            ColumnKind.Money => new MoneyAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue, Precision = column.Precision },
            ColumnKind.Boolean => new BooleanAttributeMetadata(BooleanOptions(table, column, language)) { DefaultValue = column.DefaultValue as bool? },
            ColumnKind.DateTime => new DateTimeAttributeMetadata(),
            ColumnKind.Picklist => new PicklistAttributeMetadata { OptionSet = OptionSet(table, column, language) },
            ColumnKind.State => new StateAttributeMetadata { OptionSet = OptionSet(table, column, language) },
            ColumnKind.Status => new StatusAttributeMetadata { OptionSet = OptionSet(table, column, language) },
            ColumnKind.MultiSelectPicklist => new MultiSelectPicklistAttributeMetadata { OptionSet = OptionSet(table, column, language) },
            ColumnKind.EntityName => new EntityNameAttributeMetadata(),
            ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner => new LookupAttributeMetadata { Targets = column.Targets.ToArray() },
            ColumnKind.Uniqueidentifier => new UniqueIdentifierAttributeMetadata(),
            _ => new AttributeMetadata(),
        };
        metadata.LogicalName = column.LogicalName;
        metadata.SchemaName = column.SchemaName;
        metadata.DisplayName = Label(column.DisplayName, language);
        metadata.RequiredLevel = new AttributeRequiredLevelManagedProperty((AttributeRequiredLevel)(int)column.RequiredLevel);
        metadata.MetadataId = IdOf(table.LogicalName + "." + column.LogicalName);
        Internal.Set(metadata, nameof(AttributeMetadata.EntityLogicalName), table.LogicalName);
        Internal.Set(metadata, nameof(AttributeMetadata.IsValidForCreate), column.ValidForCreate);
        Internal.Set(metadata, nameof(AttributeMetadata.IsValidForUpdate), column.ValidForUpdate);
        Internal.Set(metadata, nameof(AttributeMetadata.IsValidForRead), column.ValidForRead);
        Internal.Set(metadata, nameof(AttributeMetadata.IsPrimaryId), column.LogicalName == table.PrimaryIdAttribute);
        Internal.Set(metadata, nameof(AttributeMetadata.IsPrimaryName), column.LogicalName == table.PrimaryNameAttribute);
        Internal.Set(metadata, nameof(AttributeMetadata.IsCustomAttribute), table.IsCustomEntity || column.IsCustom);
        var typeCode = column.Type switch
        {
            ColumnKind.Customer => AttributeTypeCode.Customer,
            ColumnKind.Owner => AttributeTypeCode.Owner,
            ColumnKind.Other => AttributeTypeCode.Virtual,
            _ => metadata.AttributeType,
        };
        Internal.Set(metadata, nameof(AttributeMetadata.AttributeType), typeCode);
        if (metadata is MoneyAttributeMetadata money)
        {
            Internal.Set(money, nameof(MoneyAttributeMetadata.IsBaseCurrency), column.LogicalName.EndsWith("_base", StringComparison.Ordinal));
        }

        return metadata;
    }

    private static OptionSetMetadata OptionSet(TableDefinition table, AttributeDefinition column, int language)
    {
        var options = new OptionMetadataCollection();
        foreach (var option in column.Options)
        {
            OptionMetadata metadata = column.Type switch
            {
                ColumnKind.State => new StateOptionMetadata { DefaultStatus = option.DefaultStatus, InvariantName = option.Label.English },
                ColumnKind.Status => new StatusOptionMetadata(option.Value, option.State),
                _ => new OptionMetadata(option.Value),
            };
            metadata.Value = option.Value;
            metadata.Label = Label(option.Label, language);
            options.Add(metadata);
        }

        var name = table.LogicalName + "_" + column.LogicalName;
        return new OptionSetMetadata(options)
        {
            Name = name,
            DisplayName = Label(column.DisplayName, language),
            IsGlobal = false,
            IsCustomOptionSet = table.IsCustomEntity || column.IsCustom,
            OptionSetType = column.Type switch
            {
                ColumnKind.State => Microsoft.Xrm.Sdk.Metadata.OptionSetType.State,
                ColumnKind.Status => Microsoft.Xrm.Sdk.Metadata.OptionSetType.Status,
                ColumnKind.Boolean => Microsoft.Xrm.Sdk.Metadata.OptionSetType.Boolean,
                _ => Microsoft.Xrm.Sdk.Metadata.OptionSetType.Picklist,
            },
            MetadataId = IdOf("optionset:" + name),
        };
    }

    private static BooleanOptionSetMetadata BooleanOptions(TableDefinition table, AttributeDefinition column, int language)
    {
        OptionMetadata Option(int value, string english, string german) =>
            new(Label(column.FindOption(value)?.Label ?? new DisplayLabel(english, german), language), value);

        return new BooleanOptionSetMetadata(Option(1, "Yes", "Ja"), Option(0, "No", "Nein"))
        {
            Name = table.LogicalName + "_" + column.LogicalName,
            OptionSetType = Microsoft.Xrm.Sdk.Metadata.OptionSetType.Boolean,
        };
    }

    private static OneToManyRelationshipMetadata Describe(EmulatorSchema schema, RelationshipDefinition relationship) => new()
    {
        SchemaName = relationship.SchemaName,
        ReferencedEntity = relationship.ReferencedTable,
        ReferencedAttribute = schema.Find(relationship.ReferencedTable)?.PrimaryIdAttribute,
        ReferencingEntity = relationship.ReferencingTable,
        ReferencingAttribute = relationship.ReferencingAttribute,
        IsCustomRelationship = schema.Find(relationship.ReferencingTable)?.IsCustomEntity == true || schema.Find(relationship.ReferencedTable)?.IsCustomEntity == true,
        CascadeConfiguration = new CascadeConfiguration
        {
            Delete = Cascade(relationship.Delete),
            Assign = Cascade(relationship.Assign),
            Merge = SdkCascade.NoCascade,
            Reparent = SdkCascade.NoCascade,
            Share = SdkCascade.NoCascade,
            Unshare = SdkCascade.NoCascade,
        },
        MetadataId = IdOf("relationship:" + relationship.SchemaName),
    };

    private static ManyToManyRelationshipMetadata Describe(ManyToManyDefinition relationship) => new()
    {
        SchemaName = relationship.SchemaName,
        Entity1LogicalName = relationship.Entity1,
        Entity1IntersectAttribute = relationship.Entity1Attribute,
        Entity2LogicalName = relationship.Entity2,
        Entity2IntersectAttribute = relationship.Entity2Attribute,
        IntersectEntityName = relationship.IntersectEntity,
        IsCustomRelationship = true,
        MetadataId = IdOf("relationship:" + relationship.SchemaName),
    };

    private static SdkCascade Cascade(CascadeType type) => type switch
    {
        CascadeType.Cascade => SdkCascade.Cascade,
        CascadeType.RemoveLink => SdkCascade.RemoveLink,
        CascadeType.Restrict => SdkCascade.Restrict,
        _ => SdkCascade.NoCascade,
    };

    /// <summary>A label with 1033 and, where known, 1031; the user's label is the one in <paramref name="language"/>.</summary>
    public static Microsoft.Xrm.Sdk.Label Label(DisplayLabel label, int language)
    {
        var labels = new List<LocalizedLabel> { new(label.English, 1033) };
        if (label.German is not null)
        {
            labels.Add(new LocalizedLabel(label.German, 1031));
        }

        var user = labels.FirstOrDefault(l => l.LanguageCode == language) ?? labels[0];
        return new Microsoft.Xrm.Sdk.Label(user, labels.ToArray());
    }

    private static T Value<T>(OrganizationRequest request, string name)
        where T : struct =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed ? typed : default;

    /// <summary>The caller's UI language (usersettings.uilanguageid), 1033 when unknown.</summary>
    private static int LanguageOf(RequestContext context) =>
        context.Emulator.Store.Get("usersettings", context.UserId)?.GetAttributeValue<int?>("uilanguageid") ?? 1033;

    /// <summary>Stable metadata ids: the same name gives the same id in every emulator and run.</summary>
    internal static Guid IdOf(string name) => SdkMessages.NameBasedId("metadata:" + name);

    private sealed class Handler(string messageName, Func<OrganizationRequest, RequestContext, OrganizationResponse> execute) : IRequestHandler
    {
        public string MessageName { get; } = messageName;

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context) => execute(request, context);
    }

    /// <summary>
    /// Sets a property whose setter the SDK keeps internal (the server fills it); the emulator plays the server.
    /// </summary>
    private static class Internal
    {
        public static void Set(object target, string property, object? value) =>
            target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public)!.SetValue(target, value);
    }
}
