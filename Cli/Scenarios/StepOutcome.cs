using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>What an action produced.</summary>
internal sealed class StepOutcome
{
    public IReadOnlyList<EntityReference>? Created { get; init; }

    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    public IReadOnlyList<string>? FaultMessages { get; init; }
}
