using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Description of a workflow argument.</summary>
[Serializable]
[AttributeUsage(AttributeTargets.All)]
public sealed class ArgumentDescriptionAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Initializes the attribute with an empty description.</summary>
    public ArgumentDescriptionAttribute()
    {
        Value = string.Empty;
    }

    /// <summary>Initializes the attribute.</summary>
    /// <param name="value">Description.</param>
    public ArgumentDescriptionAttribute(string value)
    {
        Value = value;
    }

    /// <summary>Gets <see cref="Value"/>.</summary>
    public object ArgumentValue => Value;

    /// <summary>Gets or sets the description.</summary>
    public string Value { get; set; }
}
