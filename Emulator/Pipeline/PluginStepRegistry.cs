using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>A validated registration with its one plug-in instance (created on first use, reused afterwards).</summary>
public sealed class RegisteredStep
{
    private readonly Lazy<IPlugin> _instance;

    internal RegisteredStep(PluginStep step, long order)
    {
        Step = step;
        Order = order;
        PluginTypeName = step.PluginTypeName ?? step.PluginType?.FullName ?? "plug-in";
        var entity = IsAnyEntity(step.PrimaryEntity) ? "any Entity" : step.PrimaryEntity;
        Name = step.Name ?? string.Create(CultureInfo.InvariantCulture, $"{PluginTypeName}: {step.Message} of {entity}");
        _instance = new Lazy<IPlugin>(CreatePlugin, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The registration.</summary>
    public PluginStep Step { get; }

    /// <summary>Step name used in traces and jobs.</summary>
    public string Name { get; }

    /// <summary>Plug-in type name.</summary>
    public string PluginTypeName { get; }

    /// <summary>How many times the step ran.</summary>
    public int ExecutionCount => _executions;

    internal long Order { get; }

    internal IPlugin Plugin => _instance.Value;

    private int _executions;

    internal void CountExecution() => Interlocked.Increment(ref _executions);

    internal static bool IsAnyEntity(string? entity) =>
        string.IsNullOrEmpty(entity) || string.Equals(entity, PrimaryEntity.None, StringComparison.OrdinalIgnoreCase);

    internal bool Matches(string messageName, string primaryEntityName) =>
        string.Equals(Step.Message, messageName, StringComparison.OrdinalIgnoreCase)
        && (IsAnyEntity(Step.PrimaryEntity) || string.Equals(Step.PrimaryEntity, primaryEntityName, StringComparison.OrdinalIgnoreCase));

    private IPlugin CreatePlugin()
    {
        if (Step.PluginFactory is not null)
        {
            return Step.PluginFactory(Step.UnsecureConfiguration, Step.SecureConfiguration)
                ?? throw new InvalidOperationException($"The plug-in factory of step '{Name}' returned null.");
        }

        var type = Step.PluginType ?? throw new InvalidOperationException($"Step '{Name}' has neither PluginType nor PluginFactory.");
        return CreateFromType(type, Step.UnsecureConfiguration, Step.SecureConfiguration);
    }

    /// <summary>The platform's constructor choice: (unsecure, secure), else (unsecure), else parameterless.</summary>
    internal static IPlugin CreateFromType(Type type, string? unsecure, string? secure)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        object instance;
        if (type.GetConstructor(flags, [typeof(string), typeof(string)]) is { } two)
        {
            instance = two.Invoke([unsecure, secure]);
        }
        else if (type.GetConstructor(flags, [typeof(string)]) is { } one)
        {
            instance = one.Invoke([unsecure]);
        }
        else if (type.GetConstructor(flags, Type.EmptyTypes) is { } none)
        {
            instance = none.Invoke(null);
        }
        else
        {
            throw new InvalidOperationException($"Plug-in type '{type.FullName}' has no usable constructor.");
        }

        return instance as IPlugin ?? throw new InvalidOperationException($"Type '{type.FullName}' does not implement IPlugin.");
    }
}

/// <summary>The registered steps of one emulator. Thread-safe.</summary>
internal sealed class PluginStepRegistry
{
    private readonly object _gate = new();
    private List<RegisteredStep> _steps = [];
    private long _order;

    // Matches per message and table, computed on first use and dropped with every registration change (copy-on-write).
    private System.Collections.Concurrent.ConcurrentDictionary<(string Message, string Table), StepMatches> _matches = NewMatchCache();

    /// <summary>All registered steps in registration order.</summary>
    public IReadOnlyList<RegisteredStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps;
            }
        }
    }

    /// <summary>Validates and adds a step; the registration rules are the platform's (images, async, stages).</summary>
    public RegisteredStep Register(PluginStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Validate(step);
        lock (_gate)
        {
            if (_steps.Any(s => s.Step.Id == step.Id))
            {
                // Also catches "step with { ... }" copies, which keep the original's id.
                throw new ArgumentException($"A step with id {step.Id} is already registered; give the copy a new Id.", nameof(step));
            }

            var registered = new RegisteredStep(step, _order++);

            // Copy-on-write: executions enumerate a snapshot without locking.
            _steps = [.. _steps, registered];
            _matches = NewMatchCache();
            return registered;
        }
    }

    /// <summary>Removes a step by id; returns whether it existed.</summary>
    public bool Unregister(Guid stepId)
    {
        lock (_gate)
        {
            var remaining = _steps.Where(s => s.Step.Id != stepId).ToList();
            var removed = remaining.Count != _steps.Count;
            _steps = remaining;
            _matches = NewMatchCache();
            return removed;
        }
    }

    /// <summary>Steps of a message/entity/stage/mode in execution order (rank, then registration order).</summary>
    internal IReadOnlyList<RegisteredStep> Match(string messageName, string primaryEntityName, PipelineStage stage, StepMode mode) =>
        MatchesFor(messageName, primaryEntityName).For(stage, mode);

    /// <summary>Every step of a message/entity, by stage and mode; cached until the registrations change.</summary>
    internal StepMatches MatchesFor(string messageName, string primaryEntityName)
    {
        var cache = _matches;
        var key = (messageName ?? string.Empty, primaryEntityName ?? string.Empty);
        if (cache.TryGetValue(key, out var found))
        {
            return found;
        }

        List<RegisteredStep> snapshot;
        lock (_gate)
        {
            snapshot = _steps;
            cache = _matches;
        }

        var matches = new StepMatches(snapshot.Where(s => s.Matches(key.Item1, key.Item2)).OrderBy(s => s.Step.Rank).ThenBy(s => s.Order).ToArray());
        cache.TryAdd(key, matches);
        return matches;
    }

    private static System.Collections.Concurrent.ConcurrentDictionary<(string Message, string Table), StepMatches> NewMatchCache() =>
        new(MessageTableComparer.Instance);

    // Messages and tables match case-insensitively, as RegisteredStep.Matches does.
    private sealed class MessageTableComparer : IEqualityComparer<(string Message, string Table)>
    {
        public static readonly MessageTableComparer Instance = new();

        public bool Equals((string Message, string Table) x, (string Message, string Table) y) =>
            string.Equals(x.Message, y.Message, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Table, y.Table, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Message, string Table) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Message), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Table));
    }

    private static void Validate(PluginStep step)
    {
        ArgumentException.ThrowIfNullOrEmpty(step.Message);
        if (step.PluginType is null && step.PluginFactory is null)
        {
            throw new ArgumentException("A step needs a PluginType or a PluginFactory.", nameof(step));
        }

        if (step.PluginType is not null && !typeof(IPlugin).IsAssignableFrom(step.PluginType))
        {
            throw new ArgumentException($"Type '{step.PluginType.FullName}' does not implement IPlugin.", nameof(step));
        }

        if (step.Stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
        {
            throw new ArgumentException($"Stage {(int)step.Stage} cannot host custom steps (use 10, 20 or 40).", nameof(step));
        }

        if (step.Mode == StepMode.Asynchronous && step.Stage != PipelineStage.PostOperation)
        {
            throw new ArgumentException("Asynchronous steps are only allowed in PostOperation (40).", nameof(step));
        }

        foreach (var image in step.Images)
        {
            if (!MessageTargets.SupportsImages(step.Message))
            {
                throw new ArgumentException($"Message '{step.Message}' does not support image registration.", nameof(step));
            }

            var wantsPre = image.ImageType is StepImageType.PreImage or StepImageType.Both;
            var wantsPost = image.ImageType is StepImageType.PostImage or StepImageType.Both;
            if (wantsPre && !MessageTargets.SupportsPreImage(step.Message))
            {
                throw new ArgumentException($"Message {step.Message} does not support this image type (pre-image).", nameof(step));
            }

            if (wantsPost && !MessageTargets.SupportsPostImage(step.Message))
            {
                throw new ArgumentException($"Message {step.Message} does not support this image type (post-image).", nameof(step));
            }

            if (wantsPost && step.Stage != PipelineStage.PostOperation)
            {
                throw new ArgumentException("PreEvent step registration does not support Post Image.", nameof(step));
            }
        }
    }
}

/// <summary>The steps of one message and table, in execution order, split by stage and mode once.</summary>
internal sealed class StepMatches
{
    private readonly RegisteredStep[][] _byStageAndMode = new RegisteredStep[4][];

    public StepMatches(RegisteredStep[] steps)
    {
        All = steps;
        WithImages = Array.FindAll(steps, s => s.Step.Images.Count > 0);
        _byStageAndMode[0] = Array.FindAll(steps, s => s.Step.Stage == PipelineStage.PreValidation && s.Step.Mode == StepMode.Synchronous);
        _byStageAndMode[1] = Array.FindAll(steps, s => s.Step.Stage == PipelineStage.PreOperation && s.Step.Mode == StepMode.Synchronous);
        _byStageAndMode[2] = Array.FindAll(steps, s => s.Step.Stage == PipelineStage.PostOperation && s.Step.Mode == StepMode.Synchronous);
        _byStageAndMode[3] = Array.FindAll(steps, s => s.Step.Stage == PipelineStage.PostOperation && s.Step.Mode == StepMode.Asynchronous);
    }

    /// <summary>Every matching step.</summary>
    public RegisteredStep[] All { get; }

    /// <summary>The matching steps that have images.</summary>
    public RegisteredStep[] WithImages { get; }

    /// <summary>The steps of one stage and mode (empty for combinations that host none).</summary>
    public RegisteredStep[] For(PipelineStage stage, StepMode mode) => (stage, mode) switch
    {
        (PipelineStage.PreValidation, StepMode.Synchronous) => _byStageAndMode[0],
        (PipelineStage.PreOperation, StepMode.Synchronous) => _byStageAndMode[1],
        (PipelineStage.PostOperation, StepMode.Synchronous) => _byStageAndMode[2],
        (PipelineStage.PostOperation, StepMode.Asynchronous) => _byStageAndMode[3],
        _ => [],
    };
}
