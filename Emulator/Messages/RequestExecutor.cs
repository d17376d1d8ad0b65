using System;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>The one dispatch point: counts the call, opens a transaction scope, runs the handler (through the pipeline, if any).</summary>
internal sealed class RequestExecutor
{
    private readonly XrmEmulator _emulator;

    internal RequestExecutor(XrmEmulator emulator) => _emulator = emulator;

    /// <summary>Optional wrapper around every handler call (the plug-in pipeline).</summary>
    public IRequestPipeline? Pipeline { get; set; }

    /// <summary>Executes <paramref name="request"/> atomically: on any exception, every write it made (nested ones included) is undone.</summary>
    /// <remarks>Requests are serialized: a top-level request waits until the one running has committed or rolled back.</remarks>
    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        lock (_emulator.Gate)
        {
            return ExecuteAlone(request, context);
        }
    }

    private OrganizationResponse ExecuteAlone(OrganizationRequest request, RequestContext context)
    {
        var name = request.RequestName;
        _emulator.Calls.Increment(name ?? string.Empty);
        var raised = RaisedMessages.Raise(request);
        var handler = _emulator.Handlers.Find(raised.RequestName) ?? throw Faults.UnknownMessage(raised.RequestName, _emulator.Handlers.MessageNames);
        context.MessageName = raised.RequestName;
        Security.SecurityChecks.Caller(context);
        (handler as IRequestValidator)?.Validate(raised);
        Store.RowValidator.CheckTypes(_emulator.Schema, raised);
        handler = Security.SecurityChecks.Guard(handler);

        // The pipeline opens the transaction scope itself: PreValidation of a top-level call runs outside it.
        var response = Pipeline is not null ? Pipeline.Execute(raised, context, handler) : ExecuteAtomically(handler, raised, context);
        response = ReferenceEquals(raised, request) ? response : RaisedMessages.ForCaller(name, response);
        response.ResponseName ??= name;
        return response;
    }

    private OrganizationResponse ExecuteAtomically(IRequestHandler handler, OrganizationRequest request, RequestContext context)
    {
        using var scope = _emulator.Store.Begin();
        var response = handler.Execute(request, context);
        scope.Commit();
        return response;
    }
}
