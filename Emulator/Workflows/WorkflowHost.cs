using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>
/// Runs custom workflow activities in one <see cref="XrmEmulator"/> as a process step does: get it with
/// <c>emulator.Workflows</c>, or call <c>emulator.RunActivity(...)</c>.
/// </summary>
/// <remarks>
/// <para>The activity gets three extensions, as on the platform:</para>
/// <list type="bullet">
/// <item>an IWorkflowContext: UserId / InitiatingUserId / BusinessUnitId of the run-as user, the organization,
/// MessageName "ExecuteWorkflow" for an on-demand run (else the triggering message), Mode 1 and WorkflowMode 0 for
/// background, Mode 0 and WorkflowMode 1 for real-time, IsInTransaction for real-time only, WorkflowCategory 0, the
/// primary entity, empty images. Depth is 1 for a process a user starts; a process started by a message runs at the
/// message's depth + 1 (<see cref="WorkflowRunOptions.TriggerDepth"/>).</item>
/// <item>an IOrganizationServiceFactory whose services go through the emulator's dispatch point one level deeper than
/// the process (so plug-in steps fire and see Depth + 1); null = the SYSTEM user.</item>
/// <item>an ITracingService that keeps the lines (<see cref="WorkflowRunResult.Trace"/>).</item>
/// </list>
/// <para>
/// The whole activity runs inside one store transaction: when it throws, everything it wrote is rolled back and the
/// exception propagates unchanged (the failed run is still recorded in <see cref="Runs"/>). On the platform a
/// real-time step shares the trigger's transaction; the emulator gives background runs the same all-or-nothing
/// behaviour so that a failed step leaves no partial writes to reason about (UNCONFIRMED (U18)).
/// </para>
/// <para>Inputs not given take the activity's [Default] value (as the process designer pre-fills them).</para>
/// </remarks>
public sealed class WorkflowHost
{
    private readonly XrmEmulator _emulator;
    private readonly List<WorkflowRunResult> _runs = [];

    internal WorkflowHost(XrmEmulator emulator) => _emulator = emulator;

    /// <summary>Every run so far, failed ones included, oldest first.</summary>
    public IReadOnlyList<WorkflowRunResult> Runs => _runs;

    /// <summary>The latest run, or null.</summary>
    public WorkflowRunResult? LastRun => _runs.Count == 0 ? null : _runs[^1];

    /// <summary>Loads an activity assembly from a file (once per process per content; references resolve to the host's SDK).</summary>
    public static Assembly LoadAssembly(string path) => PluginAssemblyLoader.Load(File.ReadAllBytes(path));

    /// <summary>Creates the activity <paramref name="typeName"/> (full name, or simple name when unique) from <paramref name="assembly"/>.</summary>
    public static Activity CreateActivity(Assembly assembly, string typeName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? assembly.GetTypes().SingleOrDefault(t => string.Equals(t.Name, typeName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The assembly {assembly.GetName().Name} has no type '{typeName}'.", nameof(typeName));
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"The type {type.FullName} is not a concrete workflow activity.", nameof(typeName));
        }

        return (Activity)Activator.CreateInstance(type)!;
    }

    /// <summary>The [Default] values of <paramref name="activity"/>'s inputs, converted to the inputs' types, by property name.</summary>
    public static IReadOnlyDictionary<string, object?> DefaultInputs(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            if (!type.IsGenericType
                || (type.GetGenericTypeDefinition() != typeof(InArgument<>) && type.GetGenericTypeDefinition() != typeof(InOutArgument<>))
                || property.GetCustomAttribute<DefaultAttribute>() is not { } attribute)
            {
                continue;
            }

            defaults[property.Name] = ConvertDefault(attribute, type.GetGenericArguments()[0], property.Name);
        }

        return defaults;
    }

    /// <summary>Runs the activity <paramref name="typeName"/> from <paramref name="assembly"/>.</summary>
    public WorkflowRunResult Run(Assembly assembly, string typeName, WorkflowRunOptions options) => Run(CreateActivity(assembly, typeName), options);

    /// <summary>
    /// Runs <paramref name="activity"/> as a process step. Returns its outputs and trace; when it throws, its writes are
    /// rolled back and the exception propagates unchanged.
    /// </summary>
    public WorkflowRunResult Run(Activity activity, WorkflowRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TriggerDepth);

        // One transaction from start to end, like a request: no other thread's request may interleave.
        lock (_emulator.Gate)
        {
            return RunAlone(activity, options);
        }
    }

    private WorkflowRunResult RunAlone(Activity activity, WorkflowRunOptions options)
    {

        // The pipeline brings plug-in steps into the activity's calls and the SYSTEM user for CreateOrganizationService(null).
        var pipeline = _emulator.Plugins;
        var userId = options.UserId ?? _emulator.AdministratorId;
        var initiatingUserId = options.InitiatingUserId ?? userId;
        var realTime = options.Mode == WorkflowRunMode.RealTime;
        var message = options.TriggeringMessage ?? WorkflowContext.OnDemandMessage;
        var context = new WorkflowContext
        {
            UserId = userId,
            InitiatingUserId = initiatingUserId,
            BusinessUnitId = _emulator.BusinessUnitOf(userId),
            OrganizationId = _emulator.OrganizationId,
            OrganizationName = _emulator.OrganizationName,
            CorrelationId = options.CorrelationId ?? Guid.NewGuid(),
            Depth = options.TriggerDepth + 1,
            MessageName = message,
            Mode = realTime ? 0 : 1,
            WorkflowMode = (int)options.Mode,
            IsInTransaction = realTime,

            // A background step belongs to a system job (asyncoperation); a real-time step has none.
            OperationId = realTime ? Guid.Empty : Guid.NewGuid(),
            OperationCreatedOn = _emulator.Clock.UtcNow,
            PrimaryEntityName = options.PrimaryEntity?.LogicalName ?? WorkflowContext.NoEntity,
            PrimaryEntityId = options.PrimaryEntity?.Id ?? Guid.Empty,
            StageName = options.StageName,
            WorkflowCategory = 0,
        };
        foreach (var pair in options.ContextInputParameters)
        {
            context.InputParameters[pair.Key] = pair.Value!;
        }

        var process = new RequestContext(_emulator, userId, initiatingUserId, context.Depth, context.CorrelationId, parent: null)
        {
            MessageName = message,
        };
        var trace = new WorkflowTrace();
        var invoker = new WorkflowInvoker(activity);
        invoker.Extensions.Add(context);
        invoker.Extensions.Add(new WorkflowServiceFactory(_emulator, process));
        invoker.Extensions.Add(trace);

        var inputs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var pair in DefaultInputs(activity))
        {
            inputs[pair.Key] = pair.Value!;
        }

        foreach (var pair in options.Inputs)
        {
            inputs[pair.Key] = pair.Value!;
        }

        var activityType = activity.GetType().FullName ?? activity.GetType().Name;
        IDictionary<string, object> outputs;
        using (var transaction = _emulator.Store.Begin())
        {
            try
            {
                outputs = invoker.Invoke(inputs);
                transaction.Commit();
            }
            catch (Exception exception)
            {
                transaction.Rollback();
                _runs.Add(new WorkflowRunResult(activityType, context, new Dictionary<string, object?>(StringComparer.Ordinal), trace, exception));
                throw;
            }
        }

        var result = new WorkflowRunResult(
            activityType, context, outputs.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal), trace, Error: null);
        _runs.Add(result);
        if (options.TriggerDepth == 0)
        {
            // A process a user started ends like a top-level request: due asynchronous plug-in jobs run now.
            pipeline.Pipeline.AfterTopLevelRequest();
        }

        return result;
    }

    private static object? ConvertDefault(DefaultAttribute attribute, Type type, string property)
    {
        var text = attribute.Value;
        var culture = CultureInfo.InvariantCulture;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => text,
            _ when target == typeof(bool) => text.Trim() switch
            {
                "1" => true,
                "0" => false,
                var word => bool.Parse(word),
            },
            _ when target == typeof(int) => int.Parse(text, NumberStyles.Integer, culture),
            _ when target == typeof(decimal) => decimal.Parse(text, NumberStyles.Number, culture),
            _ when target == typeof(double) => double.Parse(text, NumberStyles.Float, culture),
            _ when target == typeof(DateTime) => DateTime.Parse(text, culture, DateTimeStyles.RoundtripKind),
            _ when target == typeof(OptionSetValue) => new OptionSetValue(int.Parse(text, NumberStyles.Integer, culture)),
            _ when target == typeof(Money) => new Money(decimal.Parse(text, NumberStyles.Number, culture)),
            _ when target == typeof(EntityReference) => new EntityReference(
                attribute.EntityName ?? throw new NotSupportedException($"The [Default] of lookup input {property} names no table."),
                Guid.Parse(text)),
            _ => throw new NotSupportedException($"The [Default] of input {property} has a type the emulator cannot convert: {type.FullName}."),
        };
    }

    /// <summary>Services nested in the process's request context: one level deeper, same initiating user and correlation.</summary>
    private sealed class WorkflowServiceFactory(XrmEmulator emulator, RequestContext process) : IOrganizationServiceFactory
    {
        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            emulator.GetOrganizationService(userId ?? EmulatorPipeline.SystemUser, process);
    }
}
