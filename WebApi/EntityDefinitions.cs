using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// GET EntityDefinitions(LogicalName='t') and EntityDefinitions(LogicalName='t')/Attributes: the table's metadata from
/// RetrieveEntity, labels with UserLocalizedLabel in the caller's language. $select is not applied: every property
/// listed here is returned.
/// </summary>
internal static partial class EntityDefinitions
{
    /// <summary>The table and whether its Attributes were asked for, when <paramref name="path"/> is such a route.</summary>
    public static (string LogicalName, bool Attributes)? Match(string path)
    {
        var match = Route().Match(path);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Success) : null;
    }

    /// <summary>Writes the entity or its attributes (a collection) into the open response object.</summary>
    public static void Write(Utf8JsonWriter writer, Uri serviceRoot, IOrganizationService service, string logicalName, bool attributes)
    {
        var entity = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest
        {
            LogicalName = logicalName,
            EntityFilters = attributes ? EntityFilters.Attributes : EntityFilters.Entity,
        })).EntityMetadata ?? throw new InvalidOperationException($"RetrieveEntity gave no metadata for {logicalName}.");
        if (!attributes)
        {
            writer.WriteString("@odata.context", new Uri(serviceRoot, "$metadata#EntityDefinitions/$entity").ToString());
            writer.WriteString("MetadataId", entity.MetadataId?.ToString());
            writer.WriteString("LogicalName", entity.LogicalName);
            writer.WriteString("EntitySetName", entity.EntitySetName);
            writer.WriteString("PrimaryIdAttribute", entity.PrimaryIdAttribute);
            writer.WriteString("PrimaryNameAttribute", entity.PrimaryNameAttribute);
            WriteLabel(writer, "DisplayName", entity.DisplayName);
            return;
        }

        writer.WriteString("@odata.context", new Uri(serviceRoot, $"$metadata#EntityDefinitions('{entity.MetadataId}')/Attributes").ToString());
        writer.WriteStartArray("value");
        foreach (var attribute in entity.Attributes ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("MetadataId", attribute.MetadataId?.ToString());
            writer.WriteString("LogicalName", attribute.LogicalName);
            writer.WriteString("SchemaName", attribute.SchemaName);
            writer.WriteString("AttributeType", attribute.AttributeType?.ToString());
            WriteBoolean(writer, "IsValidForCreate", attribute.IsValidForCreate);
            WriteBoolean(writer, "IsValidForUpdate", attribute.IsValidForUpdate);
            WriteBoolean(writer, "IsValidForRead", attribute.IsValidForRead);
            WriteLabel(writer, "DisplayName", attribute.DisplayName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBoolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteLabel(Utf8JsonWriter writer, string name, Label? label)
    {
        writer.WriteStartObject(name);
        writer.WriteStartArray("LocalizedLabels");
        foreach (var localized in label?.LocalizedLabels ?? [])
        {
            WriteLocalized(writer, localized);
        }

        writer.WriteEndArray();
        if (label?.UserLocalizedLabel is { } user)
        {
            writer.WritePropertyName("UserLocalizedLabel");
            WriteLocalized(writer, user);
        }
        else
        {
            writer.WriteNull("UserLocalizedLabel");
        }

        writer.WriteEndObject();
    }

    private static void WriteLocalized(Utf8JsonWriter writer, LocalizedLabel label)
    {
        writer.WriteStartObject();
        writer.WriteString("Label", label.Label);
        writer.WriteNumber("LanguageCode", label.LanguageCode);
        writer.WriteEndObject();
    }

    [GeneratedRegex("^/EntityDefinitions\\(LogicalName='([A-Za-z0-9_]+)'\\)(/Attributes)?/?$")]
    private static partial Regex Route();
}
