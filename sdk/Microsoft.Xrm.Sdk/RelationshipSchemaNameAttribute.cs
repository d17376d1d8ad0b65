using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Maps an early-bound property to a relationship schema name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RelationshipSchemaNameAttribute : Attribute
{
    public RelationshipSchemaNameAttribute(string schemaName)
    {
        SchemaName = schemaName;
    }

    public RelationshipSchemaNameAttribute(string schemaName, EntityRole primaryEntityRole)
    {
        SchemaName = schemaName;
        PrimaryEntityRole = primaryEntityRole;
    }

    public EntityRole? PrimaryEntityRole { get; }

    public string SchemaName { get; }
}
