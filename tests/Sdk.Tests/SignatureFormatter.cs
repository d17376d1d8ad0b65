using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Sdk.Tests;

/// <summary>A rendered member: api.txt record kind, F4 modifiers and F5 signature.</summary>
internal sealed record RenderedMember(string Kind, string Modifiers, string Signature);

/// <summary>
/// Renders reflected types and members in api.txt's F4/F5 form. Works on runtime types and on
/// MetadataLoadContext types alike (attributes are read through CustomAttributeData only).
/// </summary>
internal static class SignatureFormatter
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Full CLR name in C# generic form without spaces, e.g. System.Nullable&lt;System.Guid&gt;.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsByRef || type.IsPointer)
        {
            return TypeName(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var prefix = type.IsNested ? TypeName(type.DeclaringType!) + "." : (string.IsNullOrEmpty(type.Namespace) ? string.Empty : type.Namespace + ".");
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (!type.IsGenericType)
        {
            return prefix + name;
        }

        // Nested generic types carry their parents' arguments first; only this level's are shown here.
        var all = type.GetGenericArguments();
        var parentCount = type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0;
        var own = all.Skip(parentCount).ToArray();
        return own.Length == 0 ? prefix + name : prefix + name + "<" + string.Join(",", own.Select(TypeName)) + ">";
    }

    /// <summary>F4 of a type record.</summary>
    public static string TypeModifiers(Type type)
    {
        var access = type.IsPublic || type.IsNestedPublic ? "public" : type.IsNestedFamily ? "protected" : "internal";
        if (!type.IsClass || type.IsSubclassOf(typeof(Delegate)) || IsDelegate(type))
        {
            return access;
        }

        return type.IsAbstract && type.IsSealed ? access + " static"
            : type.IsAbstract ? access + " abstract"
            : type.IsSealed ? access + " sealed"
            : access;
    }

    /// <summary>Kind word of F2 / the type record: class, interface, enum, struct or delegate.</summary>
    public static string TypeKind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : IsDelegate(type) ? "delegate" : type.IsValueType ? "struct" : "class";

    /// <summary>F5 of a type record: "&lt;kind&gt; &lt;name&gt; : &lt;base&gt;, &lt;declared interfaces&gt;".</summary>
    public static string TypeSignature(Type type, IEnumerable<Type> declaredInterfaces)
    {
        var kind = TypeKind(type);
        var head = kind + " " + TypeName(type);
        var parts = new List<string>();
        if (type.IsEnum)
        {
            parts.Add(TypeName(Enum.GetUnderlyingType(type)));
        }
        else
        {
            if (type.IsClass && type.BaseType is not null)
            {
                parts.Add(TypeName(type.BaseType));
            }

            parts.AddRange(declaredInterfaces.Select(TypeName));
        }

        return parts.Count == 0 ? head : head + " : " + string.Join(", ", parts);
    }

    /// <summary>All public/protected members declared by the type, plus explicit interface implementations.</summary>
    public static List<RenderedMember> Members(Type type)
    {
        var result = new List<RenderedMember>();
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => Convert.ToDecimal(f.GetRawConstantValue(), CultureInfo.InvariantCulture)))
            {
                var value = Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture);
                result.Add(new RenderedMember("enumvalue", string.Empty, field.Name + " = " + value));
            }

            return result;
        }

        foreach (var ctor in type.GetConstructors(Declared).Where(c => !c.IsStatic && IsVisible(c)))
        {
            result.Add(new RenderedMember("ctor", Access(ctor), ShortName(type) + "(" + Parameters(ctor.GetParameters()) + ")"));
        }

        foreach (var field in type.GetFields(Declared).Where(f => IsVisible(f) && !f.IsSpecialName))
        {
            var mods = Access(field) + (field.IsLiteral ? " const" : (field.IsStatic ? " static" : string.Empty) + (field.IsInitOnly ? " readonly" : string.Empty));
            result.Add(new RenderedMember("field", mods, TypeName(field.FieldType) + " " + field.Name));
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var rendered = Property(type, property);
            if (rendered is not null)
            {
                result.Add(rendered);
            }
        }

        foreach (var method in type.GetMethods(Declared))
        {
            if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal))
            {
                continue;
            }

            if (IsVisible(method))
            {
                var kind = method.IsSpecialName ? "operator" : "method";
                result.Add(new RenderedMember(kind, Modifiers(type, method), MethodSignature(method, method.Name)));
            }
            else if (method.IsPrivate && method.Name.Contains('.', StringComparison.Ordinal))
            {
                result.Add(new RenderedMember("explicit", string.Empty, MethodSignature(method, method.Name)));
            }
        }

        foreach (var evt in type.GetEvents(Declared))
        {
            var add = evt.AddMethod;
            if (add is not null && IsVisible(add))
            {
                result.Add(new RenderedMember("event", Modifiers(type, add), TypeName(evt.EventHandlerType!) + " " + evt.Name));
            }
        }

        return result;
    }

    /// <summary>A method signature: "Ret Name&lt;T&gt;(params) where T : X".</summary>
    public static string MethodSignature(MethodInfo method, string name)
    {
        var generic = method.IsGenericMethodDefinition ? method.GetGenericArguments() : [];
        var text = TypeName(method.ReturnType) + " " + name;
        if (generic.Length > 0)
        {
            text += "<" + string.Join(",", generic.Select(g => g.Name)) + ">";
        }

        text += "(" + Parameters(method.GetParameters()) + ")";
        foreach (var g in generic)
        {
            var constraint = Constraint(g);
            if (constraint.Length > 0)
            {
                text += " where " + g.Name + " : " + constraint;
            }
        }

        return text;
    }

    /// <summary>"class, struct, X, new()" constraint list of a generic parameter, or empty.</summary>
    public static string Constraint(Type parameter)
    {
        var parts = new List<string>();
        var attrs = parameter.GenericParameterAttributes;
        var types = parameter.GetGenericParameterConstraints().Where(c => c.FullName != "System.ValueType").ToList();
        if ((attrs & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
        {
            parts.Add("struct");
        }
        else if ((attrs & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
        {
            parts.Add("class");
        }

        parts.AddRange(types.Select(TypeName));
        if ((attrs & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && (attrs & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0)
        {
            parts.Add("new()");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Parameter list: "[out |ref |in |params ]Type name[ = default]".</summary>
    public static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(Parameter));

    private static string Parameter(ParameterInfo p)
    {
        var prefix = string.Empty;
        if (p.ParameterType.IsByRef)
        {
            prefix = p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
        }
        else if (HasAttribute(p.GetCustomAttributesData(), "System.ParamArrayAttribute"))
        {
            prefix = "params ";
        }

        var text = prefix + TypeName(p.ParameterType) + " " + p.Name;
        if (p.HasDefaultValue)
        {
            text += " = " + Literal(p.RawDefaultValue);
        }

        return text;
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        char c => "'" + c + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static RenderedMember? Property(Type type, PropertyInfo property)
    {
        var accessors = new[] { property.GetMethod, property.SetMethod }.Where(m => m is not null).Select(m => m!).ToList();
        var visible = accessors.Where(IsVisible).ToList();
        var indexParameters = property.GetIndexParameters();
        var isExplicit = property.Name.Contains('.', StringComparison.Ordinal) && accessors.All(a => a.IsPrivate);
        if (visible.Count == 0 && !isExplicit)
        {
            return null;
        }

        // Only accessors as visible as the property itself appear in F5 (api.txt: "PUBLIC accessors").
        var shown = isExplicit ? accessors : visible.Where(a => Rank(a) == visible.Max(Rank)).ToList();
        var block = "{" + (shown.Contains(property.GetMethod!) ? "get;" : string.Empty) + (property.SetMethod is not null && shown.Contains(property.SetMethod) ? "set;" : string.Empty) + "}";
        var name = indexParameters.Length > 0 && !isExplicit ? "this[" + Parameters(indexParameters) + "]" : property.Name;
        var signature = TypeName(property.PropertyType) + " " + name + " " + block;
        if (isExplicit)
        {
            return new RenderedMember("explicit", string.Empty, signature);
        }

        var main = shown.OrderByDescending(Rank).First();
        return new RenderedMember(indexParameters.Length > 0 ? "indexer" : "property", Modifiers(type, main), signature);
    }

    private static string Modifiers(Type type, MethodInfo method)
    {
        var access = Access(method);
        if (type.IsInterface)
        {
            return method.IsStatic ? access + " static" : access;
        }

        if (method.IsStatic)
        {
            return access + " static";
        }

        if (method.IsAbstract)
        {
            return access + " abstract";
        }

        if (!method.IsVirtual)
        {
            return access;
        }

        // C# emits newslot for every new virtual/abstract slot, so a virtual without it overrides
        // (GetBaseDefinition is unavailable under MetadataLoadContext).
        if ((method.Attributes & MethodAttributes.NewSlot) == 0)
        {
            return access + (method.IsFinal ? " sealed override" : " override");
        }

        // virtual + final + newslot is an implicit interface implementation, not a C# virtual.
        return method.IsFinal ? access : access + " virtual";
    }

    private static string Access(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamily ? "protected" : method.IsFamilyOrAssembly ? "protected internal" : "internal";

    private static string Access(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamily ? "protected" : field.IsFamilyOrAssembly ? "protected internal" : "internal";

    private static int Rank(MethodBase method) => method.IsPublic ? 3 : method.IsFamilyOrAssembly ? 2 : method.IsFamily ? 1 : 0;

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string ShortName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? type.Name[..tick] : type.Name;
    }

    private static bool IsDelegate(Type type) => type.BaseType?.FullName is "System.MulticastDelegate" or "System.Delegate";

    /// <summary>True when the attribute list holds an attribute of the given full type name.</summary>
    public static bool HasAttribute(IEnumerable<CustomAttributeData> attributes, string fullName) =>
        attributes.Any(a => a.AttributeType.FullName == fullName);
}
