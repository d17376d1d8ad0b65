using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// The plug-in pipeline of one <see cref="XrmEmulator"/>: hooked into the emulator's dispatch point, it runs the
/// registered steps around every handler. Get it with <c>emulator.Plugins</c>.
/// </summary>
public sealed class EmulatorPipeline : IRequestPipeline, IPipelineHost
{
    /// <summary>Id of the SYSTEM user that <c>CreateOrganizationService(null)</c> runs as.</summary>
    public static Guid SystemUser { get; } = new("4e90dfb1-5b6d-4c7e-9fd0-b1ac9d8e7f65");

    // Which plug-in context made a nested request (ParentContext), without touching the core's RequestContext.
    private readonly ConditionalWeakTable<RequestContext, IPluginExecutionContext> _parents = [];
    private readonly ConditionalWeakTable<RequestContext, IPluginExecutionContext> _operations = [];
    private readonly XrmEmulator _emulator;

    internal EmulatorPipeline(XrmEmulator emulator)
    {
        _emulator = emulator;
        Pipeline = new PluginPipeline(this);
        EnsureSystemUser();
    }

    /// <summary>The engine (steps, trace log, async queue).</summary>
    internal PluginPipeline Pipeline { get; }

    /// <summary>Registered steps in registration order (a snapshot: later registrations do not change it).</summary>
    public IReadOnlyList<RegisteredStep> Steps => Pipeline.Steps.Steps;

    /// <summary>Plug-in trace log.</summary>
    public TraceLog TraceLog => Pipeline.TraceLog;

    /// <summary>Every queued asynchronous job with its outcome.</summary>
    public IReadOnlyList<AsyncJob> AsyncJobs => Pipeline.AsyncJobs;

    /// <summary>Run async jobs automatically after each top-level request (default true).</summary>
    public bool AutoRunAsyncJobs
    {
        get => Pipeline.AutoRunAsyncJobs;
        set => Pipeline.AutoRunAsyncJobs = value;
    }

    Guid IPipelineHost.SystemUserId => EnsureSystemUser();

    Guid IPipelineHost.OrganizationId => _emulator.OrganizationId;

    string IPipelineHost.OrganizationName => _emulator.OrganizationName;

    DateTime IPipelineHost.UtcNow => _emulator.Clock.UtcNow;

    /// <summary>Registers a step.</summary>
    public RegisteredStep RegisterStep(PluginStep step)
    {
        StepRules.Check(_emulator, step);
        return Pipeline.Steps.Register(step);
    }

    /// <summary>Removes the step with id <paramref name="stepId"/>; returns whether it was registered.</summary>
    public bool UnregisterStep(Guid stepId) => Pipeline.Steps.Unregister(stepId);

    /// <summary>Runs queued asynchronous jobs until none is left; returns how many ran.</summary>
    public int RunAsyncJobs() => Pipeline.RunAsyncJobs();

    /// <summary>
    /// Runs <paramref name="plugin"/> by hand. Stages 20/40 (synchronous) run inside a transaction that is rolled back
    /// if the plug-in throws; the exception surfaces unchanged. Returns the context for assertions.
    /// </summary>
    public PluginExecutionContext ExecutePlugin(IPlugin plugin, PluginRun run)
    {
        StepRules.Check(_emulator, run);
        var userId = run.UserId ?? _emulator.AdministratorId;
        var request = new RequestContext(_emulator, userId, userId, run.Depth, Guid.NewGuid(), null);
        var inTransaction = run.Stage != PipelineStage.PreValidation && run.Mode == StepMode.Synchronous;
        var call = new PipelineCall
        {
            UserId = userId,
            InitiatingUserId = userId,
            Depth = run.Depth,
            CorrelationId = request.CorrelationId,
            ParentContext = run.ParentContext,
            InTransaction = inTransaction,
            HostState = request,
        };
        if (!inTransaction)
        {
            return Pipeline.RunPlugin(plugin, run, call);
        }

        lock (_emulator.Gate)
        {
            using var scope = _emulator.Store.Begin();
            var context = Pipeline.RunPlugin(plugin, run, call);
            scope.Commit();
            return context;
        }
    }

    OrganizationResponse IRequestPipeline.Execute(OrganizationRequest request, RequestContext context, IRequestHandler core)
    {
        var call = new PipelineCall
        {
            UserId = context.UserId,
            InitiatingUserId = context.InitiatingUserId,
            Depth = context.Depth,
            CorrelationId = context.CorrelationId,
            ParentContext = ParentOf(context),
            InTransaction = _emulator.Store.Depth > 0,
            HostState = context,
        };
        return Pipeline.Execute(request, call, (changed, operation) =>
        {
            if (operation is not null)
            {
                _operations.AddOrUpdate(context, operation);
            }

            return core.Execute(changed, context);
        });
    }

    // A plug-in's call: that step's context. A call the platform makes while running a message (QualifyLead creating the
    // account): that message's core-operation context. Batch items (same depth, e.g. ExecuteMultiple): none.
    private IPluginExecutionContext? ParentOf(RequestContext context)
    {
        if (_parents.TryGetValue(context, out var plugin))
        {
            return plugin;
        }

        return context.Parent is { } parent && context.Depth > parent.Depth && _operations.TryGetValue(parent, out var operation)
            ? operation
            : null;
    }

    Guid IPipelineHost.GetBusinessUnitId(Guid userId) => _emulator.BusinessUnitOf(userId);

    OrganizationResponse IPipelineHost.Execute(OrganizationRequest request, PipelineCall caller)
    {
        var parentRequest = caller.HostState as RequestContext
            ?? throw new InvalidOperationException("A plug-in call must come from a request of this emulator.");
        var child = parentRequest.CreateChild(caller.UserId);
        if (caller.ParentContext is { } pluginContext)
        {
            _parents.AddOrUpdate(child, pluginContext);
        }

        var response = _emulator.Executor.Execute(EntityCloner.CloneRequest(request), child);
        XrmEmulatorProxyTypeExtensions.ApplyProxyTypes(_emulator, response);
        return response;
    }

    IPipelineTransaction IPipelineHost.BeginTransaction() => new StoreScope(_emulator.Store.Begin());

    // The stored row itself: stored rows are never changed in place (a write stores a new row), and images copy only
    // the columns they hold from it.
    Entity? IPipelineHost.RetrieveForImage(string logicalName, Guid id) =>
        _emulator.Store.TableExists(logicalName) ? _emulator.Store.Get(logicalName, id) : null;

    // Checked on use too: seeding inside a transaction scope that later rolls back would lose the row.
    private Guid EnsureSystemUser()
    {
        if (!_emulator.Store.Exists("systemuser", SystemUser))
        {
            _emulator.CreateUser("SYSTEM", "SYSTEM", id: SystemUser);
        }

        return SystemUser;
    }

    private sealed class StoreScope(StoreTransaction transaction) : IPipelineTransaction
    {
        public void Commit() => transaction.Commit();

        public void Dispose() => transaction.Dispose();
    }
}
