using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Names the entity an <c>EntityReference</c> workflow parameter points to.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferenceTargetAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="entityName">Logical name of the target entity.</param>
    public ReferenceTargetAttribute(string entityName)
    {
        EntityName = entityName;
    }

    /// <summary>Gets the logical name of the target entity.</summary>
    public string EntityName { get; }
}
