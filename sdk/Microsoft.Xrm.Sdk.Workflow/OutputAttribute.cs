using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Marks an <c>OutArgument&lt;T&gt;</c> property of a custom workflow activity as an output parameter.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : ParameterAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">Parameter label.</param>
    public OutputAttribute(string name)
        : base(name)
    {
    }
}
