using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Names a relationship by schema name and, for self-referential relationships, the primary entity role.
/// Equal to another relationship with the same schema name and role.
/// </summary>
[DataContract(Name = "Relationship", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class Relationship : IExtensibleDataObject
{
    public Relationship()
    {
    }

    public Relationship(string schemaName)
    {
        SchemaName = schemaName;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public EntityRole? PrimaryEntityRole { get; set; }

    [DataMember]
    public string? SchemaName { get; set; }

    public override bool Equals(object? obj)
    {
        return obj is Relationship other
            && string.Equals(other.SchemaName, SchemaName, StringComparison.Ordinal)
            && other.PrimaryEntityRole == PrimaryEntityRole;
    }

    public override int GetHashCode()
    {
        var nameHash = SchemaName is null ? 0 : StringComparer.Ordinal.GetHashCode(SchemaName);
        return nameHash ^ PrimaryEntityRole.GetHashCode();
    }

    public override string ToString()
    {
        // "<schema>." without a role, "<schema>.Referencing" with one, as Microsoft's SDK was observed to format it (issue 18).
        return PrimaryEntityRole is null ? SchemaName + "." : $"{SchemaName}.{PrimaryEntityRole}";
    }
}
