using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>States whether a workflow argument is required (not the same as System.Activities.RequiredArgumentAttribute).</summary>
[Serializable]
[AttributeUsage(AttributeTargets.All)]
public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Initializes the attribute; the argument is not required.</summary>
    public ArgumentRequiredAttribute()
    {
    }

    /// <summary>Initializes the attribute.</summary>
    /// <param name="value">Whether the argument is required.</param>
    public ArgumentRequiredAttribute(bool value)
    {
        Value = value;
    }

    /// <summary>Gets <see cref="Value"/> boxed.</summary>
    public object ArgumentValue => Value;

    /// <summary>Gets or sets whether the argument is required.</summary>
    public bool Value { get; set; }
}
