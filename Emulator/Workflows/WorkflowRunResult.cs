using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>One run of a custom workflow activity in the emulator.</summary>
/// <param name="ActivityType">Full name of the activity's type.</param>
/// <param name="Context">The workflow context the activity saw.</param>
/// <param name="Outputs">Output argument values by property name (empty when the run failed).</param>
/// <param name="Trace">What the activity wrote to its ITracingService.</param>
/// <param name="Error">The exception the activity threw (its writes were rolled back), or null.</param>
public sealed record WorkflowRunResult(
    string ActivityType, WorkflowContext Context, IReadOnlyDictionary<string, object?> Outputs, WorkflowTrace Trace, Exception? Error)
{
    /// <summary>True when the activity finished without an exception.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The output <paramref name="name"/> as <typeparamref name="T"/> (default when unset).</summary>
    public T? Output<T>(string name) => Outputs.TryGetValue(name, out var value) && value is T typed ? typed : default;
}
