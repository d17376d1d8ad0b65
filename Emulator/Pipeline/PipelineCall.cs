using System;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// Who makes a request and from where: the caller, the user who started the call tree, the depth, the correlation id,
/// the plug-in context whose service call started this request, and whether a transaction is already open.
/// </summary>
internal sealed record PipelineCall
{
    /// <summary>The user the request runs as (context UserId).</summary>
    public required Guid UserId { get; init; }

    /// <summary>The user who made the top-level call (context InitiatingUserId).</summary>
    public required Guid InitiatingUserId { get; init; }

    /// <summary>1 for a top-level call, +1 for every call made through a plug-in's organization service.</summary>
    public int Depth { get; init; } = 1;

    /// <summary>Shared by every request in one call tree.</summary>
    public Guid CorrelationId { get; init; }

    /// <summary>The context of the plug-in step whose service call started this request; null at top level.</summary>
    public IPluginExecutionContext? ParentContext { get; init; }

    /// <summary>True when the request runs inside a transaction opened by an outer request.</summary>
    public bool InTransaction { get; init; }

    /// <summary>Opaque host data carried from a request to the calls its plug-ins make (the emulator's request context).</summary>
    public object? HostState { get; init; }

    /// <summary>A top-level call by <paramref name="userId"/>.</summary>
    public static PipelineCall TopLevel(Guid userId) => new() { UserId = userId, InitiatingUserId = userId, CorrelationId = Guid.NewGuid() };

    /// <summary>The call a plug-in makes through its organization service, as <paramref name="userId"/>.</summary>
    public static PipelineCall FromPlugin(IPluginExecutionContext context, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PipelineCall
        {
            UserId = userId,
            InitiatingUserId = context.InitiatingUserId,
            Depth = context.Depth + 1,
            CorrelationId = context.CorrelationId,
            ParentContext = context,
            InTransaction = context.IsInTransaction,
            HostState = (context as PluginExecutionContext)?.Call.HostState,
        };
    }
}
