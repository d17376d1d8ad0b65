using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>The record a request is about: its primary entity name and id (id empty when not known yet).</summary>
/// <param name="LogicalName">Primary entity logical name, or <c>none</c>.</param>
/// <param name="Id">Primary entity id, or <see cref="Guid.Empty"/>.</param>
internal readonly record struct PrimaryEntity(string LogicalName, Guid Id)
{
    /// <summary>The name the platform uses for messages without a table.</summary>
    public const string None = "none";
}

/// <summary>Per-message facts the pipeline needs: which parameter names the primary entity, and which images exist.</summary>
internal static class MessageTargets
{
    /// <summary>Messages that support images, with the request parameter the image is keyed on (lead-semantics §6.5).</summary>
    private static readonly FrozenDictionary<string, string> ImageParameter = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Assign"] = "Target",
        ["Create"] = "Target",
        ["Delete"] = "Target",
        ["DeliverIncoming"] = "EmailId",
        ["DeliverPromote"] = "EmailId",
        ["Merge"] = "Target",
        ["Route"] = "Target",
        ["Send"] = "EmailId",
        ["SetState"] = "EntityMoniker",
        ["SetStateDynamicEntity"] = "EntityMoniker",
        ["Update"] = "Target",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Parameters that name the primary record, in the order they are tried.
    private static readonly string[] PrimaryParameters = ["Target", "EntityMoniker", "LeadId", "EmailId"];

    /// <summary>Whether <paramref name="messageName"/> supports entity images at all.</summary>
    public static bool SupportsImages(string messageName) => ImageParameter.ContainsKey(messageName);

    /// <summary>Whether a pre-image can be registered on the message (Create has none).</summary>
    public static bool SupportsPreImage(string messageName) =>
        SupportsImages(messageName) && !string.Equals(messageName, "Create", StringComparison.Ordinal);

    /// <summary>Whether a post-image can be registered on the message (Delete has none).</summary>
    public static bool SupportsPostImage(string messageName) =>
        SupportsImages(messageName) && !string.Equals(messageName, "Delete", StringComparison.Ordinal);

    /// <summary>The default MessagePropertyName of images on <paramref name="messageName"/>, or null.</summary>
    public static string? DefaultImageParameter(string messageName) =>
        ImageParameter.TryGetValue(messageName, out var name) ? name : null;

    /// <summary>
    /// Determines the primary entity of a request: Target (Entity or EntityReference), EntityMoniker, LeadId, or the
    /// query's entity for RetrieveMultiple; <c>none</c> for entity-less messages.
    /// </summary>
    public static PrimaryEntity Resolve(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Parameters;
        if (string.Equals(request.RequestName, "RetrieveMultiple", StringComparison.Ordinal)
            && parameters.TryGetValue("Query", out var query))
        {
            return new PrimaryEntity(QueryEntityName(query) ?? PrimaryEntity.None, Guid.Empty);
        }

        foreach (var key in PrimaryParameters)
        {
            if (parameters.TryGetValue(key, out var value))
            {
                switch (value)
                {
                    case Entity entity when !string.IsNullOrEmpty(entity.LogicalName):
                        return new PrimaryEntity(entity.LogicalName, entity.Id);
                    case EntityReference reference when !string.IsNullOrEmpty(reference.LogicalName):
                        return new PrimaryEntity(reference.LogicalName, reference.Id);
                    default:
                        break;
                }
            }
        }

        return new PrimaryEntity(PrimaryEntity.None, Guid.Empty);
    }

    /// <summary>The record an image of the message is taken from, read from the image's message property.</summary>
    public static EntityReference? ImageRecord(OrganizationRequest request, string? messagePropertyName, OrganizationResponse? response)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = messagePropertyName ?? DefaultImageParameter(request.RequestName) ?? "Target";

        // Create post-images are registered on "Target" (docs) or "id" (exports): the new record either way.
        if (string.Equals(request.RequestName, "Create", StringComparison.Ordinal))
        {
            var target = request.Parameters.TryGetValue("Target", out var t) ? t as Entity : null;
            var id = response is not null && response.Results.TryGetValue("id", out var idValue) && idValue is Guid g ? g : target?.Id ?? Guid.Empty;
            return target is null || id == Guid.Empty ? null : new EntityReference(target.LogicalName, id);
        }

        if (!request.Parameters.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            Entity entity when entity.Id != Guid.Empty => entity.ToEntityReference(),
            Entity entity when PrimaryKeyValue(entity) is { } keyId => new EntityReference(entity.LogicalName, keyId),
            EntityReference reference => reference,
            _ => null,
        };
    }

    // An Update may name its row by the primary key column alone; images are of that row.
    private static Guid? PrimaryKeyValue(Entity entity) =>
        Metadata.MetadataCatalog.Find(entity.LogicalName)?.PrimaryIdAttribute is { } key
            && entity.Attributes.TryGetValue(key, out var value) && value is Guid id && id != Guid.Empty
            ? id
            : null;

    private static string? QueryEntityName(object? query) => query switch
    {
        QueryExpression expression => expression.EntityName,
        QueryByAttribute byAttribute => byAttribute.EntityName,
        FetchExpression fetch => FetchEntityName(fetch.Query),
        _ => null,
    };

    private static string? FetchEntityName(string? fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml))
        {
            return null;
        }

        try
        {
            return SafeXml.Parse(fetchXml).Element("entity")?.Attribute("name")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            // A malformed query (a DTD included: no entity may decide which steps fire) is the query engine's fault to
            // report; the pipeline just matches no entity.
            return null;
        }
    }
}
