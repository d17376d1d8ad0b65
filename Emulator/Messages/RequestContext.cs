using System;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Who runs a request, how deep in the call stack, and inside which transaction.</summary>
internal sealed class RequestContext
{
    internal RequestContext(XrmEmulator emulator, Guid userId, Guid initiatingUserId, int depth, Guid correlationId, RequestContext? parent)
    {
        Emulator = emulator;
        UserId = userId;
        InitiatingUserId = initiatingUserId;
        Depth = depth;
        CorrelationId = correlationId;
        Parent = parent;
        AuthenticatedUserId = userId;
        BusinessUnitId = emulator.BusinessUnitOf(userId);
    }

    /// <summary>The emulator the request runs in.</summary>
    public XrmEmulator Emulator { get; }

    /// <summary>The user whose rights apply (the caller, or the impersonated user).</summary>
    public Guid UserId { get; }

    /// <summary>
    /// The user who signed in: differs from <see cref="UserId"/> only for a top-level call that impersonates with CallerId
    /// (then both users' rights must allow each operation, and this user needs prvActOnBehalfOfAnotherUser).
    /// </summary>
    public Guid AuthenticatedUserId { get; internal init; }

    /// <summary>The user who started the outermost request.</summary>
    public Guid InitiatingUserId { get; }

    /// <summary>The calling user's business unit.</summary>
    public Guid BusinessUnitId { get; }

    /// <summary>1 for a call from outside; +1 for each nested call made on behalf of another request.</summary>
    public int Depth { get; }

    /// <summary>Shared by a request and all requests nested in it.</summary>
    public Guid CorrelationId { get; }

    /// <summary>The request this one is nested in, or null.</summary>
    public RequestContext? Parent { get; }

    /// <summary>The message being executed (set by the executor).</summary>
    public string MessageName { get; internal set; } = string.Empty;

    /// <summary>The innermost open transaction scope while the request runs.</summary>
    public StoreTransaction? Transaction => Emulator.Store.Current;

    /// <summary>A context for a request nested in this one.</summary>
    /// <param name="userId">Run as this user (default: the same user).</param>
    /// <param name="incrementDepth">False for batch items (ExecuteMultiple), which run at the batch's depth.</param>
    public RequestContext CreateChild(Guid? userId = null, bool incrementDepth = true) =>
        new(Emulator, userId ?? UserId, InitiatingUserId, incrementDepth ? Depth + 1 : Depth, CorrelationId, this);

    /// <summary>Executes <paramref name="request"/> nested in this one (depth + 1) through the dispatch point.</summary>
    public OrganizationResponse Execute(OrganizationRequest request) => Emulator.Executor.Execute(request, CreateChild());
}
