using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>
/// The IWorkflowContext the emulator hands to a custom workflow activity, filled as the platform fills it for a
/// process step (see <see cref="WorkflowHost"/> for the values).
/// </summary>
public sealed class WorkflowContext : IWorkflowContext
{
    /// <summary>Message name of a process a user starts on demand.</summary>
    public const string OnDemandMessage = "ExecuteWorkflow";

    /// <summary>PrimaryEntityName of a process without a record.</summary>
    public const string NoEntity = "none";

    /// <summary>Sandbox isolation (the value PluginAssembly.IsolationMode uses for Sandbox).</summary>
    public const int SandboxIsolation = 2;

    /// <inheritdoc />
    public IWorkflowContext? ParentContext { get; init; }

    /// <inheritdoc />
    public string StageName { get; init; } = string.Empty;

    /// <summary>Gets the category: 0 = workflow (processes of other categories never run custom activities here).</summary>
    public int WorkflowCategory { get; init; }

    /// <inheritdoc />
    public int WorkflowMode { get; init; }

    /// <inheritdoc />
    public Guid BusinessUnitId { get; init; }

    /// <inheritdoc />
    public Guid CorrelationId { get; init; }

    /// <inheritdoc />
    public int Depth { get; init; } = 1;

    /// <inheritdoc />
    public Guid InitiatingUserId { get; init; }

    /// <inheritdoc />
    public ParameterCollection InputParameters { get; } = new();

    /// <inheritdoc />
    public bool IsExecutingOffline => false;

    /// <inheritdoc />
    public bool IsInTransaction { get; init; }

    /// <inheritdoc />
    public bool IsOfflinePlayback => false;

    /// <inheritdoc />
    public int IsolationMode => SandboxIsolation;

    /// <inheritdoc />
    public string MessageName { get; init; } = OnDemandMessage;

    /// <inheritdoc />
    public int Mode { get; init; }

    /// <inheritdoc />
    public DateTime OperationCreatedOn { get; init; }

    /// <inheritdoc />
    public Guid OperationId { get; init; }

    /// <inheritdoc />
    public Guid OrganizationId { get; init; }

    /// <inheritdoc />
    public string OrganizationName { get; init; } = string.Empty;

    /// <inheritdoc />
    public ParameterCollection OutputParameters { get; } = new();

    /// <inheritdoc />
    public EntityReference? OwningExtension { get; init; }

    /// <inheritdoc />
    public EntityImageCollection PostEntityImages { get; } = new();

    /// <inheritdoc />
    public EntityImageCollection PreEntityImages { get; } = new();

    /// <inheritdoc />
    public Guid PrimaryEntityId { get; init; }

    /// <inheritdoc />
    public string PrimaryEntityName { get; init; } = NoEntity;

    /// <inheritdoc />
    public Guid? RequestId { get; init; }

    /// <inheritdoc />
    public string? SecondaryEntityName { get; init; } = NoEntity;

    /// <inheritdoc />
    public ParameterCollection SharedVariables { get; } = new();

    /// <inheritdoc />
    public Guid UserId { get; init; }
}
