using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Names the option-set attribute whose options an <c>OptionSetValue</c> workflow parameter takes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AttributeTargetAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="entityName">Logical name of the entity.</param>
    /// <param name="attributeName">Logical name of the option-set attribute.</param>
    public AttributeTargetAttribute(string entityName, string attributeName)
    {
        EntityName = entityName;
        AttributeName = attributeName;
    }

    /// <summary>Gets the logical name of the option-set attribute.</summary>
    public string AttributeName { get; }

    /// <summary>Gets the logical name of the entity.</summary>
    public string EntityName { get; }
}
