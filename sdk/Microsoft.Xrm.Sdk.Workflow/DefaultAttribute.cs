using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Default value of a workflow input parameter, in the string form the process designer uses.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute : Attribute
{
    /// <summary>Initializes the attribute with a default value.</summary>
    /// <param name="value">Default value.</param>
    public DefaultAttribute(string value)
    {
        Value = value;
    }

    /// <summary>Initializes the attribute with a default record for a lookup, customer or owner parameter.</summary>
    /// <param name="value">Default record id.</param>
    /// <param name="entityName">Logical name of the default record's entity.</param>
    public DefaultAttribute(string value, string entityName)
    {
        Value = value;
        EntityName = entityName;
    }

    /// <summary>Gets the logical name of the default record's entity, or null.</summary>
    public string? EntityName { get; }

    /// <summary>Gets the default value.</summary>
    public string Value { get; }
}
