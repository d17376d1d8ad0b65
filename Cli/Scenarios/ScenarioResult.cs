using System.Collections.Generic;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>The outcome of one scenario file.</summary>
/// <param name="File">The file.</param>
/// <param name="Name">The scenario's name (the file name when it could not be read).</param>
/// <param name="Failures">One line per failing step; empty when the scenario passed.</param>
/// <param name="InvalidFile">Set when the file is not valid (JSON path and problem).</param>
public sealed record ScenarioResult(string File, string Name, IReadOnlyList<string> Failures, ScenarioFileException? InvalidFile)
{
    /// <summary>True when the file is valid and every step passed.</summary>
    public bool Passed => InvalidFile is null && Failures.Count == 0;
}
