namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>An attribute that carries one piece of information about a workflow argument.</summary>
public interface IWorkflowArgument
{
    /// <summary>Gets the value the attribute contributes to the argument.</summary>
    object ArgumentValue { get; }
}
