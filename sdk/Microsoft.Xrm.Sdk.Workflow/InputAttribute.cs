using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Marks an <c>InArgument&lt;T&gt;</c> property of a custom workflow activity as an input parameter.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : ParameterAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">Parameter label.</param>
    public InputAttribute(string name)
        : base(name)
    {
    }
}
