using System;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>Status of a queued asynchronous step (a simplified asyncoperation status).</summary>
public enum AsyncJobStatus
{
    /// <summary>Queued, not run yet.</summary>
    Waiting,

    /// <summary>Ran without an exception.</summary>
    Succeeded,

    /// <summary>The plug-in threw; nothing was rolled back outside the job's own calls.</summary>
    Failed,
}

/// <summary>A system job for one asynchronous step execution.</summary>
public sealed class AsyncJob
{
    internal AsyncJob(string stepName, string messageName, string primaryEntityName, Guid primaryEntityId, Guid correlationId, DateTime createdOn, Action<AsyncJob> run)
    {
        StepName = stepName;
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
        CorrelationId = correlationId;
        CreatedOn = createdOn;
        Run = run;
    }

    /// <summary>Job id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The step that was queued.</summary>
    public string StepName { get; }

    /// <summary>Message that triggered the step.</summary>
    public string MessageName { get; }

    /// <summary>Primary entity of the triggering request.</summary>
    public string PrimaryEntityName { get; }

    /// <summary>Primary entity id of the triggering request.</summary>
    public Guid PrimaryEntityId { get; }

    /// <summary>Correlation id of the triggering call tree.</summary>
    public Guid CorrelationId { get; }

    /// <summary>When the job was queued (emulator clock).</summary>
    public DateTime CreatedOn { get; }

    /// <summary>When the job finished (emulator clock).</summary>
    public DateTime? CompletedOn { get; internal set; }

    /// <summary>Current status.</summary>
    public AsyncJobStatus Status { get; internal set; } = AsyncJobStatus.Waiting;

    /// <summary>The fault message when the job failed (what asyncoperation.message would hold).</summary>
    public string? ErrorMessage { get; internal set; }

    /// <summary>The fault code when the job failed.</summary>
    public int? ErrorCode { get; internal set; }

    internal Action<AsyncJob> Run { get; }
}
