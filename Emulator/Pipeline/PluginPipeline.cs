using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Threading;
using LeadQualifyExtensions.Emulator.Sales;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// The event pipeline around every message: PreValidation (10) outside the transaction of a top-level call, then
/// PreOperation (20), the core operation and synchronous PostOperation (40) inside one transaction scope, then
/// asynchronous PostOperation steps queued until the outermost transaction has committed. An Update that changes
/// statecode/statuscode together with other columns runs stages 20, 30 and 40 once per part (see <see cref="Operations"/>).
/// </summary>
internal sealed class PluginPipeline
{
    /// <summary>The platform's default maximum depth; a request deeper than this faults.</summary>
    public const int MaxDepth = 8;

    // Messages whose PreValidation shared variables reach stages 20/40 only through ParentContext (lead-semantics §6.4).
    private static readonly HashSet<string> ParentSharedVariableMessages =
        new(["Create", "Update", "Delete", "RetrieveExchangeRate"], StringComparer.Ordinal);

    // MainOperation: platform only, never hosts steps; the stage of the context platform-made child requests see as parent.
    private const PipelineStage MainOperationStage = (PipelineStage)30;

    private readonly IPipelineHost _host;
    private readonly object _queueGate = new();
    private readonly Queue<AsyncJob> _queue = new();
    private readonly List<AsyncJob> _jobs = [];
    private readonly AsyncLocal<List<AsyncJob>?> _pendingJobs = new();
    private readonly AsyncLocal<bool> _draining = new();

    /// <summary>Creates the pipeline of one emulator.</summary>
    public PluginPipeline(IPipelineHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    /// <summary>Registered steps.</summary>
    public PluginStepRegistry Steps { get; } = new();

    /// <summary>Plug-in trace log of every execution.</summary>
    public TraceLog TraceLog { get; } = new();

    /// <summary>
    /// When true (default), queued asynchronous steps run automatically right after each top-level request has
    /// committed; when false they wait for <see cref="RunAsyncJobs"/>.
    /// </summary>
    public bool AutoRunAsyncJobs { get; set; } = true;

    /// <summary>Every asynchronous job queued so far (waiting, succeeded or failed), oldest first.</summary>
    public IReadOnlyList<AsyncJob> AsyncJobs
    {
        get
        {
            lock (_queueGate)
            {
                return _jobs.ToArray();
            }
        }
    }

    /// <summary>
    /// Runs queued asynchronous jobs (and jobs they queue) until the queue is empty. Failures are recorded on the job and
    /// never thrown. Returns the number of jobs run.
    /// </summary>
    public int RunAsyncJobs()
    {
        var count = 0;
        var wasDraining = _draining.Value;
        _draining.Value = true;
        try
        {
            while (TryDequeue(out var job))
            {
                job.Run(job);
                count++;
            }
        }
        finally
        {
            _draining.Value = wasDraining;
        }

        return count;
    }

    /// <summary>
    /// Runs <paramref name="request"/> through the pipeline. <paramref name="coreOperation"/> is the message handler's
    /// core operation (stage 30); it receives the request whose parameters the pre-stages may have changed.
    /// </summary>
    public OrganizationResponse Execute(
        OrganizationRequest request, PipelineCall call, Func<OrganizationRequest, OrganizationResponse> coreOperation)
    {
        ArgumentNullException.ThrowIfNull(coreOperation);
        return Execute(request, call, (changed, _) => coreOperation(changed));
    }

    /// <summary>
    /// Runs <paramref name="request"/> through the pipeline; <paramref name="coreOperation"/> also receives the context of
    /// the core operation (stage 30), which requests the platform makes on its behalf see as ParentContext (null when no
    /// step is registered, as nothing could observe it).
    /// </summary>
    public OrganizationResponse Execute(
        OrganizationRequest request, PipelineCall call, Func<OrganizationRequest, IPluginExecutionContext?, OrganizationResponse> coreOperation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(coreOperation);
        if (call.Depth > MaxDepth)
        {
            throw PipelineFaults.Create(PipelineFaults.DepthTooHigh, PipelineFaults.DepthTooHighMessage);
        }

        if (Steps.Steps.Count == 0)
        {
            // Nothing registered: only the transaction around the core operation(s).
            using var transaction = _host.BeginTransaction();
            OrganizationResponse? direct = null;
            foreach (var operation in Operations(request))
            {
                direct = coreOperation(operation, null);
            }

            transaction.Commit();
            return direct!;
        }

        var ownsPendingJobs = _pendingJobs.Value is null || !call.InTransaction;
        var outerPending = _pendingJobs.Value;
        if (ownsPendingJobs)
        {
            _pendingJobs.Value = [];
        }

        try
        {
            var response = new Execution(this, request, call, coreOperation).Run();
            if (ownsPendingJobs)
            {
                Enqueue(_pendingJobs.Value!);
            }

            if (call.Depth == 1 && call.ParentContext is null && !call.InTransaction)
            {
                _pendingJobs.Value = outerPending;
                AfterTopLevelRequest();
            }

            return response;
        }
        finally
        {
            if (ownsPendingJobs)
            {
                _pendingJobs.Value = outerPending;
            }
        }
    }

    /// <summary>
    /// Runs one plug-in by hand with a context built from <paramref name="run"/> (no registration, no other steps).
    /// Exceptions surface unchanged, as in a unit test of the plug-in class; the trace goes to <see cref="TraceLog"/>.
    /// </summary>
    public PluginExecutionContext RunPlugin(IPlugin plugin, PluginRun run, PipelineCall call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(call);
        var parameters = run.InputParameters;
        if (run.Target is not null)
        {
            parameters["Target"] = run.Target;
        }

        var primary = MessageTargets.Resolve(new OrganizationRequest(run.Message) { Parameters = parameters });
        var context = PluginExecutionContext.Create(
            run.Message, primary, (int)run.Stage, (int)run.Mode, call.Depth, call, _host.GetBusinessUnitId(call.UserId),
            _host.OrganizationId, _host.OrganizationName, _host.UtcNow, call.InTransaction, parameters, run.OutputParameters,
            run.SharedVariables, run.ParentContext, requestId: null, Guid.NewGuid(), owningExtension: null);
        foreach (var (alias, image) in run.PreImages)
        {
            context.PreEntityImages[alias] = image;
        }

        foreach (var (alias, image) in run.PostImages)
        {
            context.PostEntityImages[alias] = image;
        }

        var name = "hand-run: " + plugin.GetType().FullName;
        var tracing = new StepTracingService(TraceLog, Guid.Empty, name, context, _host);
        plugin.Execute(new PluginServiceProvider(context, tracing, new PluginServiceFactory(_host, context)));
        return context;
    }

    /// <summary>Runs due asynchronous jobs if automatic running is on and this is the end of a top-level request.</summary>
    public void AfterTopLevelRequest()
    {
        if (AutoRunAsyncJobs && !_draining.Value)
        {
            RunAsyncJobs();
        }
    }

    private void Enqueue(List<AsyncJob> jobs)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        lock (_queueGate)
        {
            foreach (var job in jobs)
            {
                _queue.Enqueue(job);
                _jobs.Add(job);
            }
        }
    }

    private bool TryDequeue(out AsyncJob job)
    {
        lock (_queueGate)
        {
            return _queue.TryDequeue(out job!);
        }
    }

    /// <summary>
    /// The core operations <paramref name="request"/> runs as after PreValidation: the request itself, or for an Update
    /// whose Target changes statecode/statuscode together with other columns (lead-semantics §3.1,
    /// <see cref="StateSplit"/>) two copies of it, the first with the other columns, the second with the state columns
    /// as Target. Each one gets its own stages 20 and 40, images, filtering and output parameters.
    /// </summary>
    internal static IReadOnlyList<OrganizationRequest> Operations(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.RequestName, "Update", StringComparison.Ordinal)
            || !request.Parameters.TryGetValue("Target", out var value) || value is not Entity target || !StateSplit.MustSplit(target))
        {
            return [request];
        }

        return StateSplit.Split(target).Select(part =>
        {
            var operation = EntityCloner.CloneRequest(request);
            operation.Parameters["Target"] = part;
            return operation;
        }).ToList();
    }

    private static Entity ImageOf(Entity record, StepImage image)
    {
        var result = new Entity(record.LogicalName) { Id = record.Id };
        if (image.Attributes.Count == 0)
        {
            foreach (var (key, value) in record.Attributes)
            {
                result.Attributes[key] = EntityCloner.CloneValue(value)!;
            }
        }
        else
        {
            foreach (var column in image.Attributes)
            {
                if (record.Attributes.TryGetValue(column, out var value))
                {
                    result.Attributes[column] = EntityCloner.CloneValue(value)!;
                }
            }
        }

        return result;
    }

    /// <summary>One request's trip through the pipeline.</summary>
    private sealed class Execution
    {
        private readonly PluginPipeline _pipeline;
        private readonly IPipelineHost _host;
        private readonly PipelineCall _call;
        private readonly Func<OrganizationRequest, IPluginExecutionContext?, OrganizationResponse> _core;
        private Dictionary<(bool Post, string Name, Guid Id), Entity?>? _records;
        private readonly DateTime _operationCreatedOn;
        private readonly Guid _operationId = Guid.NewGuid();
        private readonly StepMatches _matches;
        private Guid? _businessUnitId;
        private PrimaryEntity _primary;
        private OrganizationResponse? _response;

        // The caller's request, then (after PreValidation) the operation running now: one part of a split Update.
        private OrganizationRequest _request;

        public Execution(PluginPipeline pipeline, OrganizationRequest request, PipelineCall call, Func<OrganizationRequest, IPluginExecutionContext?, OrganizationResponse> core)
        {
            _pipeline = pipeline;
            _host = pipeline._host;
            _call = call;
            _core = core;
            _primary = MessageTargets.Resolve(request);
            _matches = pipeline.Steps.MatchesFor(request.RequestName, _primary.LogicalName);

            // Steps may change the request; without one on this message and table nothing can, and the core operations
            // never change it (the no-steps path hands them the caller's request as it is).
            _request = _matches.All.Length == 0 ? request : EntityCloner.CloneRequest(request);
            _operationCreatedOn = _host.UtcNow;
        }

        private string Message => _request.RequestName;

        public OrganizationResponse Run()
        {
            var preValidationShared = new ParameterCollection();
            var trap = ParentSharedVariableMessages.Contains(Message);
            var mainShared = trap ? new ParameterCollection() : preValidationShared;

            foreach (var step in Due(PipelineStage.PreValidation, StepMode.Synchronous))
            {
                var context = NewContext(PipelineStage.PreValidation, StepMode.Synchronous, _call.InTransaction, preValidationShared, _call.ParentContext, new ParameterCollection(), step);
                RunStep(step, context, preImages: true, postImages: false);
            }

            // For the trap messages the platform nests PreOperation/PostOperation under the PreValidation context.
            var innerParent = trap
                ? NewContext(PipelineStage.PreValidation, StepMode.Synchronous, _call.InTransaction, preValidationShared, _call.ParentContext, new ParameterCollection())
                : _call.ParentContext;

            using var transaction = _host.BeginTransaction();
            OrganizationResponse? response = null;
            foreach (var operation in Operations(_request))
            {
                _request = operation;
                response = RunOperation(mainShared, innerParent);
            }

            transaction.Commit();
            return response!;
        }

        // Stage 20, the core operation and stage 40 of one operation, with images taken around it.
        private OrganizationResponse RunOperation(ParameterCollection mainShared, IPluginExecutionContext? innerParent)
        {
            _records?.Clear();
            CapturePreImages();
            foreach (var step in Due(PipelineStage.PreOperation, StepMode.Synchronous))
            {
                var context = NewContext(PipelineStage.PreOperation, StepMode.Synchronous, true, mainShared, innerParent, new ParameterCollection(), step);
                RunStep(step, context, preImages: true, postImages: false);
            }

            var response = RunCore(NewContext(MainOperationStage, StepMode.Synchronous, true, mainShared, innerParent, new ParameterCollection()));
            foreach (var step in Due(PipelineStage.PostOperation, StepMode.Synchronous))
            {
                var context = NewContext(PipelineStage.PostOperation, StepMode.Synchronous, true, mainShared, innerParent, response.Results, step);
                RunStep(step, context, preImages: true, postImages: true);
            }

            foreach (var step in Due(PipelineStage.PostOperation, StepMode.Asynchronous))
            {
                var context = NewContext(PipelineStage.PostOperation, StepMode.Asynchronous, false, mainShared, innerParent, response.Results, step);
                AddImages(step, context, preImages: true, postImages: true);
                QueueJob(step, context);
            }

            return response;
        }

        private OrganizationResponse RunCore(PluginExecutionContext operation)
        {
            _response = _core(_request, operation);
            if (_primary.Id == Guid.Empty && _response.Results.TryGetValue("id", out var id) && id is Guid created)
            {
                _primary = _primary with { Id = created };
            }

            return _response;
        }

        private IEnumerable<RegisteredStep> Due(PipelineStage stage, StepMode mode)
        {
            var steps = _matches.For(stage, mode);
            return steps.Length == 0 || !string.Equals(Message, "Update", StringComparison.Ordinal) ? steps : Filtered(steps);
        }

        private IEnumerable<RegisteredStep> Filtered(RegisteredStep[] steps)
        {
            foreach (var step in steps)
            {
                if (PassesFilter(step))
                {
                    yield return step;
                }
            }
        }

        // Filtering attributes apply to Update: run only if Target carries one of them (checked when the stage runs,
        // so columns a PreOperation step adds count for PostOperation).
        private bool PassesFilter(RegisteredStep step)
        {
            var filter = step.Step.FilteringAttributes;
            if (filter.Count == 0 || !string.Equals(Message, "Update", StringComparison.Ordinal))
            {
                return true;
            }

            return _request.Parameters.TryGetValue("Target", out var target) && target is Entity entity
                && filter.Any(column => entity.Attributes.ContainsKey(column.Trim()));
        }

        private PluginExecutionContext NewContext(
            PipelineStage stage, StepMode mode, bool inTransaction, ParameterCollection shared, IPluginExecutionContext? parent,
            ParameterCollection output, RegisteredStep? step = null)
        {
            // A step with an impersonating user runs as that user (its business unit too); the initiating user stays.
            var call = step?.Step.ImpersonatingUserId is { } runAs ? _call with { UserId = runAs } : _call;
            var businessUnit = ReferenceEquals(call, _call) ? _businessUnitId ??= _host.GetBusinessUnitId(_call.UserId) : _host.GetBusinessUnitId(call.UserId);
            return PluginExecutionContext.Create(Message, _primary, (int)stage, (int)mode, call.Depth, call, businessUnit, _host.OrganizationId,
                _host.OrganizationName, _operationCreatedOn, inTransaction, _request.Parameters, output, shared, parent,
                _request.RequestId, _operationId,
                step is null ? null : new EntityReference("sdkmessageprocessingstep", step.Step.Id) { Name = step.Name });
        }

        private void CapturePreImages()
        {
            foreach (var step in _matches.WithImages)
            {
                foreach (var image in step.Step.Images.Where(i => i.ImageType != StepImageType.PostImage))
                {
                    _ = Record(post: false, image);
                }
            }
        }

        private Entity? Record(bool post, StepImage image)
        {
            var reference = MessageTargets.ImageRecord(_request, image.MessagePropertyName, post ? _response : null);
            if (reference is null)
            {
                return null;
            }

            var key = (post, reference.LogicalName, reference.Id);
            _records ??= [];
            if (!_records.TryGetValue(key, out var record))
            {
                record = _host.RetrieveForImage(reference.LogicalName, reference.Id);
                _records[key] = record;
            }

            return record;
        }

        private void AddImages(RegisteredStep step, PluginExecutionContext context, bool preImages, bool postImages)
        {
            foreach (var image in step.Step.Images)
            {
                if (preImages && image.ImageType != StepImageType.PostImage && Record(post: false, image) is { } before)
                {
                    context.PreEntityImages[image.EntityAlias] = ImageOf(before, image);
                }

                if (postImages && image.ImageType != StepImageType.PreImage && Record(post: true, image) is { } after)
                {
                    context.PostEntityImages[image.EntityAlias] = ImageOf(after, image);
                }
            }
        }

        private void RunStep(RegisteredStep step, PluginExecutionContext context, bool preImages, bool postImages)
        {
            AddImages(step, context, preImages, postImages);
            Invoke(_pipeline, _host, step, context);
        }

        private void QueueJob(RegisteredStep step, PluginExecutionContext context)
        {
            var pipeline = _pipeline;
            var host = _host;
            var job = new AsyncJob(step.Name, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, context.CorrelationId, host.UtcNow, job =>
            {
                try
                {
                    Invoke(pipeline, host, step, context);
                    job.Status = AsyncJobStatus.Succeeded;
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    // Like a failed system job: recorded, nothing of the triggering request is undone.
                    job.Status = AsyncJobStatus.Failed;
                    job.ErrorMessage = fault.Detail.Message;
                    job.ErrorCode = fault.Detail.ErrorCode;
                }

                job.CompletedOn = host.UtcNow;
            });
            pipeline._pendingJobs.Value?.Add(job);
        }

        private static void Invoke(PluginPipeline pipeline, IPipelineHost host, RegisteredStep step, PluginExecutionContext context)
        {
            step.CountExecution();
            var tracing = new StepTracingService(pipeline.TraceLog, step.Step.Id, step.Name, context, host);
            var provider = new PluginServiceProvider(context, tracing, new PluginServiceFactory(host, context));
            try
            {
                step.Plugin.Execute(provider);
            }
#pragma warning disable CA1031 // The platform catches everything a plug-in throws and turns it into a fault.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : exception;
                tracing.TraceException(inner);
                throw PipelineFaults.FromPluginException(inner);
            }
        }
    }
}
