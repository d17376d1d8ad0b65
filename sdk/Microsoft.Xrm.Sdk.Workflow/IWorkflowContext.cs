namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>
/// Execution context of a custom workflow activity; obtained inside <c>CodeActivity.Execute</c> through
/// <c>context.GetExtension&lt;IWorkflowContext&gt;()</c>.
/// </summary>
public interface IWorkflowContext : IExecutionContext
{
    /// <summary>Gets the context of the workflow that started this one, or null.</summary>
    IWorkflowContext? ParentContext { get; }

    /// <summary>Gets the name of the current stage of the process.</summary>
    string StageName { get; }

    /// <summary>Gets the category of the process (workflow, dialog, business process flow, ...).</summary>
    int WorkflowCategory { get; }

    /// <summary>Gets the execution mode: 0 = background (asynchronous), 1 = real-time.</summary>
    int WorkflowMode { get; }
}
