using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Base of <see cref="InputAttribute"/> and <see cref="OutputAttribute"/>: names a workflow parameter.</summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class ParameterAttribute : Attribute
{
    /// <summary>Initializes the attribute with the label shown in the process designer.</summary>
    /// <param name="name">Parameter label.</param>
    protected ParameterAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Gets the label shown in the process designer.</summary>
    public string Name { get; }
}
