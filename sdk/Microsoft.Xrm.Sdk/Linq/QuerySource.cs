using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>One table of a query: the root, or a joined table (a <see cref="LinkEntity"/> with an alias).</summary>
internal sealed class QuerySource
{
    public QuerySource(string logicalName, Type clrType, string? alias, LinkEntity? link)
    {
        LogicalName = logicalName;
        ClrType = clrType;
        Alias = alias;
        Link = link;
        PrimaryId = PrimaryIdOf(logicalName, clrType);
    }

    public string LogicalName { get; }

    /// <summary>Entity, or the early-bound class the query names.</summary>
    public Type ClrType { get; }

    /// <summary>The link's alias (null for the root).</summary>
    public string? Alias { get; }

    public LinkEntity? Link { get; }

    public bool IsRoot => Link is null;

    /// <summary>A left outer join: an outer row without a match has no entity of this table (null).</summary>
    public bool IsOuter => Link?.JoinOperator == JoinOperator.LeftOuter;

    public string PrimaryId { get; }

    /// <summary>Whether the result needs every column (the whole entity is returned or used).</summary>
    public bool AllColumns { get; set; }

    /// <summary>The columns the result reads, when not <see cref="AllColumns"/>.</summary>
    public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>The logical name of an early-bound property, the primary id for <see cref="Entity.Id"/>, or null.</summary>
    public string? AttributeOf(Type declaringType, string propertyName)
    {
        var property = FindProperty(declaringType, propertyName);
        var attribute = property?.GetCustomAttribute<AttributeLogicalNameAttribute>(true)?.LogicalName;
        if (attribute is not null)
        {
            return attribute;
        }

        return propertyName == nameof(Entity.Id) ? PrimaryId : null;
    }

    public ColumnSet ToColumnSet(bool withPrimaryId)
    {
        if (AllColumns)
        {
            return new ColumnSet(true);
        }

        var columns = Columns.ToList();
        if (withPrimaryId && !Columns.Contains(PrimaryId))
        {
            columns.Add(PrimaryId);
        }

        return new ColumnSet(columns.ToArray());
    }

    private static string PrimaryIdOf(string logicalName, Type clrType)
    {
        // Early-bound classes map Id to the primary key column; late-bound rows follow the platform's naming (<table>id).
        var id = FindProperty(clrType, nameof(Entity.Id))?.GetCustomAttribute<AttributeLogicalNameAttribute>(true)?.LogicalName;
        return id ?? logicalName + "id";
    }

    private static PropertyInfo? FindProperty(Type type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var declared = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (declared is not null)
            {
                return declared;
            }
        }

        return null;
    }
}
