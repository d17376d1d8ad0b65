using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>Deep copies of entities and attribute values, so no caller shares a mutable object with the store.</summary>
internal static class EntityCloner
{
    /// <summary>A deep copy of <paramref name="source"/> (attributes, formatted values, key attributes, related entities).</summary>
    public static Entity Clone(Entity source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new Entity(source.LogicalName) { Id = source.Id, RowVersion = source.RowVersion, EntityState = source.EntityState };
        LazyCollections.ReserveAttributes(copy, source.Attributes.Count);
        foreach (var pair in source.Attributes)
        {
            copy.Attributes[pair.Key] = CloneValue(pair.Value)!;
        }

        // Only collections that hold something are read: reading creates them (see LazyCollections).
        if (LazyCollections.HasFormattedValues(source))
        {
            foreach (var pair in source.FormattedValues)
            {
                copy.FormattedValues[pair.Key] = pair.Value;
            }
        }

        if (LazyCollections.HasKeyAttributes(source))
        {
            foreach (var pair in source.KeyAttributes)
            {
                copy.KeyAttributes[pair.Key] = CloneValue(pair.Value)!;
            }
        }

        if (LazyCollections.HasRelatedEntities(source))
        {
            foreach (var pair in source.RelatedEntities)
            {
                copy.RelatedEntities[pair.Key] = CloneCollection(pair.Value);
            }
        }

        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="request"/> of the same type with deep copies of its parameters' values: the platform
    /// deserializes the caller's request, so nothing a handler or plug-in changes reaches the caller's objects.
    /// </summary>
    public static OrganizationRequest CloneRequest(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        OrganizationRequest copy;
        try
        {
            copy = Activator.CreateInstance(request.GetType()) as OrganizationRequest ?? new OrganizationRequest();
        }
        catch (MissingMethodException)
        {
            copy = new OrganizationRequest();
        }

        copy.RequestName = request.RequestName;
        copy.RequestId = request.RequestId;
        var parameters = new ParameterCollection();
        foreach (var pair in request.Parameters)
        {
            parameters[pair.Key] = CloneValue(pair.Value)!;
        }

        copy.Parameters = parameters;
        return copy;
    }

    /// <summary>A copy of <paramref name="source"/> with only <paramref name="columns"/> (plus nothing else).</summary>
    public static Entity Project(Entity source, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        var copy = new Entity(source.LogicalName) { Id = source.Id, RowVersion = source.RowVersion };
        foreach (var column in columns)
        {
            if (source.Attributes.TryGetValue(column, out var value))
            {
                copy.Attributes[column] = CloneValue(value)!;
            }
        }

        return copy;
    }

    /// <summary>A deep copy of an attribute value; immutable values are returned as they are.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static object? CloneValue(object? value) => value switch
    {
        null => null,
        string or Guid or int or long or decimal or double or bool or DateTime or float => value,
        EntityReference reference => CloneReference(reference),
        OptionSetValue option => new OptionSetValue(option.Value),
        Money money => new Money(money.Value),
        OptionSetValueCollection options => CloneOptions(options),
        AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName!, aliased.AttributeLogicalName!, CloneValue(aliased.Value)!),
        Entity entity => Clone(entity),
        EntityCollection collection => CloneCollection(collection),
        EntityReferenceCollection references => CloneReferences(references),
        byte[] bytes => bytes.Clone(),
        _ => value,
    };

    /// <summary>A copy of an entity reference.</summary>
    public static EntityReference CloneReference(EntityReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion };
        if (LazyCollections.HasKeyAttributes(reference))
        {
            foreach (var pair in reference.KeyAttributes)
            {
                copy.KeyAttributes[pair.Key] = CloneValue(pair.Value)!;
            }
        }

        return copy;
    }

    private static OptionSetValueCollection CloneOptions(OptionSetValueCollection options)
    {
        var copy = new OptionSetValueCollection();
        foreach (var option in options)
        {
            copy.Add(new OptionSetValue(option.Value));
        }

        return copy;
    }

    private static EntityCollection CloneCollection(EntityCollection collection)
    {
        var copy = new EntityCollection
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
        };
        foreach (var entity in collection.Entities)
        {
            copy.Entities.Add(Clone(entity));
        }

        return copy;
    }

    private static EntityReferenceCollection CloneReferences(EntityReferenceCollection references)
    {
        var copy = new EntityReferenceCollection();
        foreach (var reference in references)
        {
            copy.Add(CloneReference(reference));
        }

        return copy;
    }
}
