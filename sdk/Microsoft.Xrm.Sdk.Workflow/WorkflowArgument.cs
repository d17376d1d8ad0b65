using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>
/// Describes an argument of a process. Only <see cref="Required"/> is reproduced: the types of the other
/// members of the real class are not documented, and custom workflow activities do not use this class.
/// </summary>
[Serializable]
public sealed class WorkflowArgument
{
    /// <summary>Gets or sets whether the argument is required.</summary>
    public bool Required { get; set; }
}
