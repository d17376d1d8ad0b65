namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>
/// How a process runs. The numeric values are IWorkflowContext.WorkflowMode's (0 = background, 1 = real-time), which
/// are the opposite of IExecutionContext.Mode's (0 = synchronous, 1 = asynchronous).
/// </summary>
public enum WorkflowRunMode
{
    /// <summary>A background (asynchronous) workflow: WorkflowMode 0, Mode 1, not in the trigger's transaction.</summary>
    Background = 0,

    /// <summary>A real-time (synchronous) workflow: WorkflowMode 1, Mode 0, inside the trigger's transaction.</summary>
    RealTime = 1,
}
