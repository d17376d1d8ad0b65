namespace LeadQualifyExtensions.Plugins.Registration;

/// <summary>Step execution mode, with the platform's numbers (IExecutionContext.Mode).</summary>
public enum ExecutionMode
{
    /// <summary>Runs in the caller's request.</summary>
    Synchronous = 0,

    /// <summary>Runs later as a system job, outside the caller's transaction.</summary>
    Asynchronous = 1,
}
