using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Message handlers by message name. Register your own for custom messages or to replace a built-in one.</summary>
internal sealed class Handlers
{
    private readonly Dictionary<string, IRequestHandler> _handlers = new(StringComparer.Ordinal);

    internal Handlers()
    {
        foreach (var handler in BuiltIn)
        {
            _handlers.Add(handler.MessageName, handler);
        }
    }

    /// <summary>Names of all registered messages.</summary>
    public IEnumerable<string> MessageNames => _handlers.Keys;

    // Handlers are stateless, so one set serves every emulator.
    private static IRequestHandler[] BuiltIn { get; } =
    [
        new CreateHandler(), new RetrieveHandler(), new UpdateHandler(), new DeleteHandler(), new RetrieveMultipleHandler(),
        new AssociateHandler(), new DisassociateHandler(), new AssignHandler(), new WhoAmIHandler(), new UpsertHandler(),
        new SetStateHandler(), new ExecuteMultipleHandler(), new ExecuteTransactionHandler(),
        .. Sales.SalesHandlers.All,
        .. Metadata.MetadataMessages.All,
        .. FetchConversionHandlers.All, new ExecuteFetchHandler(),
        .. Security.SharingHandlers.All,
    ];

    /// <summary>Adds or replaces the handler for its message.</summary>
    public void Register(IRequestHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[handler.MessageName] = handler;
    }

    /// <summary>Adds or replaces a handler given as a delegate.</summary>
    public void Register(string messageName, Func<Microsoft.Xrm.Sdk.OrganizationRequest, RequestContext, Microsoft.Xrm.Sdk.OrganizationResponse> execute) =>
        Register(new DelegateHandler(messageName, execute));

    /// <summary>The handler for <paramref name="messageName"/>, or null.</summary>
    public IRequestHandler? Find(string? messageName) =>
        messageName is not null && _handlers.TryGetValue(messageName, out var handler) ? handler : null;

    private sealed class DelegateHandler(string messageName, Func<Microsoft.Xrm.Sdk.OrganizationRequest, RequestContext, Microsoft.Xrm.Sdk.OrganizationResponse> execute) : IRequestHandler
    {
        public string MessageName { get; } = messageName;

        public Microsoft.Xrm.Sdk.OrganizationResponse Execute(Microsoft.Xrm.Sdk.OrganizationRequest request, RequestContext context) => execute(request, context);
    }
}
