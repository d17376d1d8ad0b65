using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>
/// Whether an entity's or reference's secondary collections (formatted values, key attributes, related entities) hold
/// anything, without creating them: this repository's SDK creates them on first access, so reading the property of a
/// stored row to copy it would leave an empty collection on that row for good (hundreds of bytes per row). With an
/// SDK that has no such lazy fields (the official one) the properties are read as usual.
/// </summary>
internal static class LazyCollections
{
    private static readonly Func<Entity, object?>? EntityFormattedValues = Field<Entity>("_formattedValues");
    private static readonly Func<Entity, object?>? EntityKeyAttributes = Field<Entity>("_keyAttributes");
    private static readonly Func<Entity, object?>? EntityRelatedEntities = Field<Entity>("_relatedEntities");
    private static readonly Func<EntityReference, object?>? ReferenceKeyAttributes = Field<EntityReference>("_keyAttributes");
    private static readonly Func<DataCollection<string, object>, object?>? CollectionItems = Field<DataCollection<string, object>>("_items");

    public static bool HasFormattedValues(Entity entity) =>
        EntityFormattedValues is null ? entity.FormattedValues.Count > 0 : EntityFormattedValues(entity) is FormattedValueCollection { Count: > 0 };

    public static bool HasKeyAttributes(Entity entity) =>
        EntityKeyAttributes is null ? entity.KeyAttributes.Count > 0 : EntityKeyAttributes(entity) is KeyAttributeCollection { Count: > 0 };

    public static bool HasRelatedEntities(Entity entity) =>
        EntityRelatedEntities is null ? entity.RelatedEntities.Count > 0 : EntityRelatedEntities(entity) is RelatedEntityCollection { Count: > 0 };

    public static bool HasKeyAttributes(EntityReference reference) =>
        ReferenceKeyAttributes is null ? reference.KeyAttributes.Count > 0 : ReferenceKeyAttributes(reference) is KeyAttributeCollection { Count: > 0 };

    /// <summary>Makes room for <paramref name="count"/> attributes at once, so copying a row does not regrow its table step by step.</summary>
    public static void ReserveAttributes(Entity entity, int count)
    {
        if (CollectionItems?.Invoke(entity.Attributes) is Dictionary<string, object> items)
        {
            items.EnsureCapacity(count);
        }
    }

    // A compiled read of the private backing field, or null when the SDK in use has none of that name.
    private static Func<T, object?>? Field<T>(string name)
    {
        var field = typeof(T).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null)
        {
            return null;
        }

        var instance = Expression.Parameter(typeof(T), "instance");
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Field(instance, field), typeof(object)), instance).Compile();
    }
}
