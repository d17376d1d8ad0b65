using System;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>A scenario file is not valid; <see cref="JsonPath"/> says where.</summary>
public sealed class ScenarioFileException : Exception
{
    /// <summary>Creates the exception for the problem at <paramref name="jsonPath"/>.</summary>
    public ScenarioFileException(string jsonPath, string problem)
        : base($"{jsonPath}: {problem}")
    {
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioFileException()
    {
        JsonPath = "$";
        Problem = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScenarioFileException(string message)
        : base(message)
    {
        JsonPath = "$";
        Problem = message;
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public ScenarioFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
        Problem = message;
    }

    /// <summary>JSON path of the problem, e.g. $.steps[2].qualify.lead.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }
}
