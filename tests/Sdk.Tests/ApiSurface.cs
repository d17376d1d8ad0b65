using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.Xrm.Sdk;

namespace Sdk.Tests;

/// <summary>Renders the type-level records of api.txt (type, assembly, datacontract, attributes, ...) for a runtime type.</summary>
internal static class ApiSurface
{
    private static readonly Dictionary<string, HashSet<string>> InterfaceImplCache = new(StringComparer.Ordinal);

    /// <summary>Interfaces the type line lists: those the base class lacks plus any the type re-declares in metadata.</summary>
    public static List<Type> DeclaredInterfaces(Type type)
    {
        var all = type.GetInterfaces();
        var inherited = type.BaseType?.GetInterfaces() ?? [];
        var redeclared = RedeclaredInterfaceNames(type);
        return all.Where(i => !inherited.Contains(i) || (!i.IsGenericType && redeclared.Contains(i.FullName ?? string.Empty))).ToList();
    }

    /// <summary>F5 of the datacontract record: DataContract(Name=..;Namespace=..), CollectionDataContract(...) or none.</summary>
    public static string DataContract(Type type)
    {
        foreach (var data in type.GetCustomAttributesData())
        {
            var name = data.AttributeType.FullName;
            if (name is "System.Runtime.Serialization.DataContractAttribute" or "System.Runtime.Serialization.CollectionDataContractAttribute")
            {
                var order = new[] { "Name", "Namespace", "ItemName", "KeyName", "ValueName", "IsReference" };
                var args = data.NamedArguments
                    .OrderBy(a => Array.IndexOf(order, a.MemberName))
                    .Select(a => a.MemberName + "=" + Convert.ToString(a.TypedValue.Value, CultureInfo.InvariantCulture));
                return data.AttributeType.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal) + "(" + string.Join(";", args) + ")";
            }
        }

        return "none";
    }

    /// <summary>Tokens of the attributes record: Serializable, KnownType(..), AttributeUsage(..), ServiceContract(..).</summary>
    public static List<string> AttributeTokens(Type type)
    {
        var tokens = new List<string>();
        foreach (var data in type.GetCustomAttributesData())
        {
            switch (data.AttributeType.FullName)
            {
                case "System.Runtime.Serialization.KnownTypeAttribute":
                    var arg = data.ConstructorArguments[0].Value;
                    tokens.Add("KnownType(" + (arg is Type known ? "typeof(" + SignatureFormatter.TypeName(known) + ")" : arg) + ")");
                    break;
                case "System.AttributeUsageAttribute":
                    var targets = (AttributeTargets)(int)data.ConstructorArguments[0].Value!;
                    var names = targets == AttributeTargets.All ? ["All"] : targets.ToString().Split(", ");
                    tokens.Add("AttributeUsage(" + string.Join(" | ", names.Select(n => "AttributeTargets." + n)) + ")");
                    break;
                case "System.ServiceModel.ServiceContractAttribute":
                    var args = data.NamedArguments.OrderBy(a => a.MemberName == "Name" ? 0 : 1).Select(a => a.MemberName + "=" + a.TypedValue.Value);
                    tokens.Add("ServiceContract(" + string.Join(";", args) + ")");
                    break;
                default:
                    break;
            }
        }

        // api.txt records the [Serializable] metadata flag, obsolete for new code but part of the contract.
#pragma warning disable SYSLIB0050
        if (type.IsClass && (type.Attributes & TypeAttributes.Serializable) != 0)
#pragma warning restore SYSLIB0050
        {
            tokens.Add("Serializable");
        }

        return tokens;
    }

    /// <summary>Splits an attributes F5 into tokens at top-level spaces.</summary>
    public static List<string> SplitTokens(string text)
    {
        var tokens = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ' && depth == 0))
            {
                var token = text[start..i].Trim();
                if (token.Length > 0)
                {
                    tokens.Add(token);
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }

        return tokens;
    }

    /// <summary>The string the parameterless ctor of a request assigns to RequestName, or null.</summary>
    public static string? RequestName(Type type)
    {
        if (!typeof(OrganizationRequest).IsAssignableFrom(type) || type == typeof(OrganizationRequest) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var request = (OrganizationRequest)Activator.CreateInstance(type)!;
        return request.RequestName is null ? null : "\"" + request.RequestName + "\"";
    }

    /// <summary>"Prop -> Parameters["key"]" for each settable property of a request, found by setting it and diffing Parameters.</summary>
    public static List<string> ParamKeys(Type type)
    {
        var keys = new List<string>();
        if (!typeof(OrganizationRequest).IsAssignableFrom(type) || type == typeof(OrganizationRequest) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return keys;
        }

        foreach (var property in StorageProperties(type).Where(p => p.SetMethod?.IsPublic == true))
        {
            string key;
            try
            {
                var request = (OrganizationRequest)Activator.CreateInstance(type)!;
                var before = request.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                var sample = Sample(property.PropertyType, property.GetValue(request));
                property.SetValue(request, sample);
                var changed = request.Parameters
                    .Where(p => !before.TryGetValue(p.Key, out var old) || !ReferenceEquals(old, p.Value) && !Equals(old, p.Value))
                    .Select(p => p.Key)
                    .ToList();
                key = changed.Count == 1 ? "\"" + changed[0] + "\"" : "?";
            }
            catch (Exception ex) when (ex is TargetInvocationException or InvalidCastException or NullReferenceException)
            {
                key = "!" + ex.GetType().Name;
            }

            keys.Add(property.Name + " -> Parameters[" + key + "]");
        }

        return keys;
    }

    /// <summary>"Prop -> Results["key"]" for each readable property of a response; candidate keys are the expected one and the property name.</summary>
    public static List<string> ResultKeys(Type type, IReadOnlyDictionary<string, string> expectedKeys)
    {
        var keys = new List<string>();
        if (!typeof(OrganizationResponse).IsAssignableFrom(type) || type == typeof(OrganizationResponse) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return keys;
        }

        foreach (var property in StorageProperties(type).Where(p => p.GetMethod?.IsPublic == true))
        {
            var candidates = new List<string>();
            if (expectedKeys.TryGetValue(property.Name, out var expected))
            {
                candidates.Add(expected);
            }

            candidates.Add(property.Name);
            var found = "?";
            foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    var response = (OrganizationResponse)Activator.CreateInstance(type)!;
                    var sample = Sample(property.PropertyType, null);
                    response.Results[candidate] = sample!;
                    if (Equals(property.GetValue(response), sample))
                    {
                        found = "\"" + candidate + "\"";
                        break;
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException or InvalidCastException or NullReferenceException)
                {
                    found = "!" + ex.GetType().Name;
                }
            }

            keys.Add(property.Name + " -> Results[" + found + "]");
        }

        return keys;
    }

    private static IEnumerable<PropertyInfo> StorageProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>A value of the type that differs from <paramref name="current"/>, so a write is observable.</summary>
    private static object? Sample(Type type, object? current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "sample";
        }

        if (underlying == typeof(bool))
        {
            return current is not true;
        }

        if (underlying == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.Length > 1 ? values.GetValue(1) : values.GetValue(0);
        }

        if (underlying.IsPrimitive || underlying == typeof(decimal))
        {
            return Convert.ChangeType(42, underlying, CultureInfo.InvariantCulture);
        }

        if (underlying.IsValueType)
        {
            return Activator.CreateInstance(underlying);
        }

        var concrete = underlying.IsAbstract
            ? underlying.Assembly.GetExportedTypes().FirstOrDefault(t => underlying.IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            : underlying.GetConstructor(Type.EmptyTypes) is not null ? underlying : null;
        return concrete is null ? null : Activator.CreateInstance(concrete);
    }

    /// <summary>Non-generic interface names listed in the type's InterfaceImpl metadata (re-declarations included).</summary>
    private static HashSet<string> RedeclaredInterfaceNames(Type type)
    {
        var cacheKey = type.Assembly.Location + "|" + type.FullName;
        lock (InterfaceImplCache)
        {
            if (InterfaceImplCache.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            using (var stream = File.OpenRead(type.Assembly.Location))
            using (var pe = new PEReader(stream))
            {
                var reader = pe.GetMetadataReader();
                foreach (var handle in reader.TypeDefinitions)
                {
                    var definition = reader.GetTypeDefinition(handle);
                    if (reader.GetString(definition.Name) != type.Name || reader.GetString(definition.Namespace) != (type.Namespace ?? string.Empty))
                    {
                        continue;
                    }

                    foreach (var implHandle in definition.GetInterfaceImplementations())
                    {
                        var iface = reader.GetInterfaceImplementation(implHandle).Interface;
                        if (iface.Kind == HandleKind.TypeReference)
                        {
                            var reference = reader.GetTypeReference((TypeReferenceHandle)iface);
                            names.Add(reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name));
                        }
                        else if (iface.Kind == HandleKind.TypeDefinition)
                        {
                            var own = reader.GetTypeDefinition((TypeDefinitionHandle)iface);
                            names.Add(reader.GetString(own.Namespace) + "." + reader.GetString(own.Name));
                        }
                    }
                }
            }

            InterfaceImplCache[cacheKey] = names;
            return names;
        }
    }
}
