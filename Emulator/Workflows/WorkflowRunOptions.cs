using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>How the emulator starts one custom workflow activity: its inputs and the process around it.</summary>
public sealed record WorkflowRunOptions
{
    /// <summary>Input argument values by property name; unbound inputs take their [Default] value, as the designer fills them.</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The record the process runs on (PrimaryEntityName / PrimaryEntityId); null for none ("none", empty id).</summary>
    public EntityReference? PrimaryEntity { get; init; }

    /// <summary>Background (WorkflowMode 0) or real-time (WorkflowMode 1).</summary>
    public WorkflowRunMode Mode { get; init; } = WorkflowRunMode.Background;

    /// <summary>The user the process runs as (context UserId); null = the emulator's administrator.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The user who started the process (InitiatingUserId, whose language messages use); null = <see cref="UserId"/>.</summary>
    public Guid? InitiatingUserId { get; init; }

    /// <summary>
    /// The message that started the process (MessageName), e.g. "Create" for a process started when a record is created;
    /// null = started on demand by a user ("ExecuteWorkflow").
    /// </summary>
    public string? TriggeringMessage { get; init; }

    /// <summary>
    /// Depth of the operation that started the process. The process runs one level deeper: 0 (a user started it on
    /// demand) gives Depth 1; a Create at depth 1 gives a process at Depth 2. Calls the activity makes run one deeper again.
    /// </summary>
    public int TriggerDepth { get; init; }

    /// <summary>The name of the process stage the step is in (StageName).</summary>
    public string StageName { get; init; } = string.Empty;

    /// <summary>Correlation id of the call tree; null = a new one.</summary>
    public Guid? CorrelationId { get; init; }

    /// <summary>Values for the context's InputParameters (e.g. the trigger's Target); empty by default.</summary>
    public IReadOnlyDictionary<string, object?> ContextInputParameters { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
