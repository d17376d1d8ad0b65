using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>
/// Runs scenario files (SCENARIOS.md) against a fresh emulator each, with the packed solution imported. Prints one
/// line per failing step and a closing line "N passed, M failed"; exit code 0 all pass, 1 an expectation failed,
/// 2 a file is not valid.
/// </summary>
public sealed class ScenarioRunner
{
    /// <summary>Every scenario passed.</summary>
    public const int ExitPassed = 0;

    /// <summary>At least one expectation failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>At least one file is not valid.</summary>
    public const int ExitInvalid = 2;

    private readonly SolutionSource _solution;
    private readonly IReadOnlyDictionary<string, string> _environmentValues;

    /// <summary>Creates a runner importing the solution from <paramref name="solution"/>.</summary>
    public ScenarioRunner(SolutionSource solution)
        : this(solution, new Dictionary<string, string>())
    {
    }

    /// <summary>
    /// Creates a runner importing the solution from <paramref name="solution"/> that starts every scenario with
    /// <paramref name="environmentValues"/> as environment variable current values (lqx run --environment: what an
    /// environment holds); a scenario's own <c>settings</c> win over them.
    /// </summary>
    public ScenarioRunner(SolutionSource solution, IReadOnlyDictionary<string, string> environmentValues)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(environmentValues);
        _solution = solution;
        _environmentValues = environmentValues;
    }

    /// <summary>Runs the files (folders are expanded to their *.json files), writes the report, returns the exit code.</summary>
    public int Run(IEnumerable<string> paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var files = Expand(paths).ToList();
        if (files.Count == 0)
        {
            // A run that ran nothing must not pass for a green one (a CI job pointed at the wrong folder).
            output.WriteLine($"no scenario files: {string.Join(", ", paths)} holds no *.json file");
            output.WriteLine("0 passed, 0 failed");
            return ExitInvalid;
        }

        var results = files.Select(RunFile).ToList();
        foreach (var result in results)
        {
            if (result.InvalidFile is { } invalid)
            {
                output.WriteLine($"{result.File}: invalid file at {invalid.JsonPath}: {invalid.Problem}");
            }

            foreach (var failure in result.Failures)
            {
                output.WriteLine($"{result.File}: {failure}");
            }
        }

        var passed = results.Count(r => r.Passed);
        output.WriteLine($"{passed} passed, {results.Count - passed} failed");
        return results.Any(r => r.InvalidFile is not null) ? ExitInvalid
            : passed == results.Count ? ExitPassed
            : ExitFailed;
    }

    /// <summary>Reads, validates and runs one file.</summary>
    public ScenarioResult RunFile(string path)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioParser.ParseFile(path);
        }
        catch (ScenarioFileException exception)
        {
            return new ScenarioResult(path, Path.GetFileName(path), [], exception);
        }

        return RunScenario(scenario);
    }

    /// <summary>Runs a parsed scenario.</summary>
    public ScenarioResult RunScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var failures = new List<string>();
        var run = new ScenarioRun(_solution, scenario, _environmentValues);
        try
        {
            run.Setup();
        }
        catch (ScenarioFileException invalid)
        {
            return new ScenarioResult(scenario.File, scenario.Name, failures, invalid);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failures.Add($"setup: {Message(exception)}");
            return new ScenarioResult(scenario.File, scenario.Name, failures, null);
        }

        foreach (var step in scenario.Steps)
        {
            try
            {
                if (run.Execute(step) is { } failure)
                {
                    failures.Add($"step {step.Number} ({step.Action}, {step.Path}): {failure}");
                }
            }
            catch (ScenarioFileException invalid)
            {
                // A value only found invalid when used (its column's type is known once its record is): exit 2 with its path.
                return new ScenarioResult(scenario.File, scenario.Name, failures, invalid);
            }
        }

        return new ScenarioResult(scenario.File, scenario.Name, failures, null);
    }

    /// <summary>The user-facing text of an exception: a fault's message, with the code.</summary>
    public static string Message(Exception exception) => exception switch
    {
        FaultException<OrganizationServiceFault> fault =>
            $"{fault.Detail?.Message ?? fault.Message} (0x{fault.Detail?.ErrorCode ?? 0:X8})",
        TargetInvocationException { InnerException: { } inner } => Message(inner),
        _ => exception.Message,
    };

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
