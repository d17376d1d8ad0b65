using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Sales.Bpf;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>The sales message handlers, registered in the core <see cref="Handlers"/> registry.</summary>
internal static class SalesHandlers
{
    /// <summary>QualifyLead, SetStateDynamicEntity, RetrieveProcessInstances, RetrieveActivePath, SetProcess, Win/LoseOpportunity.</summary>
    public static IReadOnlyList<IRequestHandler> All { get; } =
    [
        new SalesHandler(SalesNames.QualifyLead, QualifyLead.Execute, QualifyLead.Validate),
        new SalesHandler(SalesNames.RetrieveProcessInstances, BpfMessages.RetrieveProcessInstances),
        new SalesHandler(SalesNames.RetrieveActivePath, BpfMessages.RetrieveActivePath),
        new SalesHandler(SalesNames.SetProcess, BpfMessages.SetProcess),
        new SalesHandler(SalesNames.WinOpportunity, CloseOpportunity.Win),
        new SalesHandler(SalesNames.LoseOpportunity, CloseOpportunity.Lose),
        new SetStateDynamicEntityHandler(),
    ];

    private sealed class SalesHandler(
        string messageName,
        Func<ISalesContext, OrganizationRequest, OrganizationResponse> execute,
        Action<OrganizationRequest>? validate = null) : IRequestHandler, IRequestValidator
    {
        public string MessageName { get; } = messageName;

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context) => execute(new CoreSalesContext(context), request);

        public void Validate(OrganizationRequest request) => validate?.Invoke(request);
    }

    /// <summary>
    /// SetStateDynamicEntity: its own message (own steps), same parameters and core operation as SetState
    /// (a validated statecode/statuscode write, −1 = default status). Disqualifying a lead that has an opportunity is not
    /// refused here (UNCONFIRMED (U17)): that is a plug-in's rule.
    /// </summary>
    private sealed class SetStateDynamicEntityHandler : IRequestHandler
    {
        public string MessageName => SalesNames.SetStateDynamicEntity;

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
        {
            var setState = context.Emulator.Handlers.Find(SalesNames.SetState) ?? throw Faults.UnknownMessage(SalesNames.SetState);
            var response = setState.Execute(request, context);
            return new OrganizationResponse { ResponseName = MessageName, Results = response.Results };
        }
    }
}

/// <summary>Core hooks the store's write paths call for sales behaviour (BPF instances, stage rules).</summary>
internal static class SalesHooks
{
    /// <summary>
    /// Called by the core Create at the start of its main operation. For a BPF instance table, returns a copy of
    /// <paramref name="target"/> with name, active stage and traversed path filled and the stage checked; otherwise
    /// returns <paramref name="target"/> itself.
    /// </summary>
    public static Entity BeforeCreate(Entity target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (BpfCatalog.ForInstanceTable(target.LogicalName) is null)
        {
            return target;
        }

        var copy = EntityCloner.Clone(target);
        BpfRules.BeforeInstanceCreate(copy);
        return copy;
    }

    /// <summary>Called by the core Create after the row is stored: applies the default BPF to a new lead.</summary>
    public static void AfterCreate(Entity target, Guid id, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.LogicalName == "lead")
        {
            BpfRules.AfterCreate(new CoreSalesContext(context), target, id);
        }
    }

    /// <summary>
    /// Called by the core Update before it applies <paramref name="target"/> to <paramref name="existing"/>. For a BPF
    /// instance, returns a copy with the stage move checked and traversedpath / timestamps filled; otherwise the target.
    /// </summary>
    public static Entity BeforeUpdate(Entity existing, Entity target, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(target);
        if (BpfCatalog.ForInstanceTable(target.LogicalName) is null)
        {
            return target;
        }

        var copy = EntityCloner.Clone(target);
        BpfRules.BeforeInstanceUpdate(new CoreSalesContext(context), existing, copy);
        return copy;
    }
}

/// <summary><see cref="ISalesContext"/> over the core request context.</summary>
internal sealed class CoreSalesContext(RequestContext context) : ISalesContext
{
    public DateTime UtcNow => context.Emulator.Clock.UtcNow;

    public Entity? Find(string table, Guid id) => context.Emulator.Store.Get(table, id);

    public IEnumerable<Entity> Rows(string table) => context.Emulator.Store.Rows(table);

    // Through the store's equality index: finding a lead's process instances costs the same at any table size.
    public IEnumerable<Entity> RowsReferencing(string table, string column, Guid id)
    {
        foreach (var row in context.Emulator.Store.RowsWhereEqual(table, column, id) ?? Rows(table))
        {
            if (row.GetAttributeValue<EntityReference>(column)?.Id == id)
            {
                yield return row;
            }
        }
    }

    public OrganizationResponse Execute(OrganizationRequest request) => context.Execute(request);

    public void WriteCore(Entity changes) => DataOperations.Update(changes, context);

    public bool MayCreate(string table) =>
        context.Emulator.Schema.Find(table) is not { } definition
        || new Security.AccessScope(context.Emulator, context.UserId, definition, Security.PrivilegeAction.Create).HoldsPrivilege;
}
