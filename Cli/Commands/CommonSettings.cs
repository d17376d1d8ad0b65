using System.ComponentModel;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>Options every command takes.</summary>
public class CommonSettings : CommandSettings
{
    /// <summary>Show stack traces of unexpected errors.</summary>
    [CommandOption("--verbose")]
    [Description("Show stack traces of unexpected errors.")]
    public bool Verbose { get; init; }

    /// <summary>A solution zip to import instead of packing the repository's built assemblies.</summary>
    [CommandOption("--solution <ZIP>")]
    [Description("Import this solution zip instead of packing the repository's built assemblies.")]
    public string? Solution { get; init; }

    /// <summary>The solution source the options name.</summary>
    public Scenarios.SolutionSource SolutionSource() =>
        Solution is null ? Scenarios.SolutionSource.Default() : Scenarios.SolutionSource.FromZip(Solution);
}
