using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace LeadQualifyExtensions.Emulator;

/// <summary>
/// Early-bound results: after <c>EnableProxyTypes(assembly)</c> the emulator's services return rows of the tables that
/// assembly maps (classes with <see cref="EntityLogicalNameAttribute"/>) as instances of those classes, from Retrieve,
/// RetrieveMultiple and requests whose response carries an entity or an entity collection.
/// </summary>
public static class XrmEmulatorProxyTypeExtensions
{
    private static readonly ConditionalWeakTable<XrmEmulator, ProxyTypeMap> Maps = [];

    extension(XrmEmulator emulator)
    {
        /// <summary>
        /// Returns rows of the tables <paramref name="assembly"/> maps as its early-bound classes (a test-harness switch,
        /// like a client's EnableProxyTypes; plug-in execution contexts keep their late-bound Target as on the platform).
        /// Several assemblies may be enabled; a later one wins for a table both map.
        /// </summary>
        public void EnableProxyTypes(Assembly assembly)
        {
            ArgumentNullException.ThrowIfNull(assembly);
            Maps.GetValue(emulator, static _ => new ProxyTypeMap()).Add(assembly);
        }
    }

    /// <summary>Replaces the entities of <paramref name="response"/> by early-bound instances where a class is enabled.</summary>
    internal static void ApplyProxyTypes(XrmEmulator emulator, OrganizationResponse response)
    {
        if (!Maps.TryGetValue(emulator, out var map))
        {
            return;
        }

        foreach (var key in response.Results.Keys.ToList())
        {
            switch (response.Results[key])
            {
                case Entity entity:
                    response.Results[key] = map.Typed(entity);
                    break;
                case EntityCollection collection:
                    for (var i = 0; i < collection.Entities.Count; i++)
                    {
                        collection.Entities[i] = map.Typed(collection.Entities[i]);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Logical name → early-bound class, shared by every thread that uses the emulator.</summary>
    private sealed class ProxyTypeMap
    {
        private static readonly MethodInfo ToEntity = typeof(Entity).GetMethod(nameof(Entity.ToEntity))!;

        private readonly ConcurrentDictionary<string, MethodInfo> _converters = new(StringComparer.Ordinal);

        public void Add(Assembly assembly)
        {
            foreach (var type in Types(assembly))
            {
                var logicalName = type.GetCustomAttribute<EntityLogicalNameAttribute>()!.LogicalName;
                _converters[logicalName] = ToEntity.MakeGenericMethod(type);
            }
        }

        public Entity Typed(Entity entity)
        {
            if (entity.LogicalName is null || !_converters.TryGetValue(entity.LogicalName, out var convert) || entity.GetType() == convert.ReturnType)
            {
                return entity;
            }

            return (Entity)convert.Invoke(entity, null)!;
        }

        private static IEnumerable<Type> Types(Assembly assembly)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException partial)
            {
                types = partial.Types.Where(t => t is not null).ToArray()!;
            }

            return types.Where(t => t.IsClass && !t.IsAbstract && typeof(Entity).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetCustomAttribute<EntityLogicalNameAttribute>() is not null);
        }
    }
}
