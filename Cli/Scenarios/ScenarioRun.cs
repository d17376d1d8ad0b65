using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>One scenario's run: its emulator and aliases; sets it up, then runs each step and checks its expectations.</summary>
internal sealed class ScenarioRun
{
    private readonly SolutionSource _solution;
    private readonly Scenario _scenario;
    private readonly IReadOnlyDictionary<string, string> _environmentValues;
    private readonly AliasMap _aliases = new();
    private XrmEmulator _emulator = null!;
    private StepActions _actions = null!;

    public ScenarioRun(SolutionSource solution, Scenario scenario, IReadOnlyDictionary<string, string> environmentValues)
    {
        _solution = solution;
        _scenario = scenario;
        _environmentValues = environmentValues;
    }

    public void Setup()
    {
        _emulator = new XrmEmulator();
        if (_scenario.Now is { } now)
        {
            _emulator.Clock.Set(now);
        }

        _actions = new StepActions(_emulator, _aliases, new ActivityCatalog(_solution.ImportInto(_emulator)));

        var admin = _emulator.GetOrganizationService();

        // An environment's current values first (lqx run --environment), then the scenario's settings, which win.
        foreach (var (name, value) in _environmentValues)
        {
            _emulator.SetEnvironmentVariable(name, value);
        }

        foreach (var (name, value) in _scenario.Settings)
        {
            SetEnvironmentVariable(name, value);
        }

        foreach (var user in _scenario.Users)
        {
            _aliases.AddUser(user.Alias, _emulator.CreateUser(user.Alias, "User", user.Language, roles: [.. user.Roles]));
        }

        foreach (var record in _scenario.Records)
        {
            try
            {
                var id = admin.Create(ScenarioValues.ToEntity(record.Table, Guid.Empty, record.Values, _aliases));
                if (record.Alias.Length > 0)
                {
                    _aliases.AddRecord(record.Alias, new EntityReference(record.Table, id));
                }
            }
            catch (Exception exception) when (exception is FaultException<OrganizationServiceFault> or StepFailedException)
            {
                throw new StepFailedException($"{record.Path}: creating the {record.Table} failed: {ScenarioRunner.Message(exception)}", exception);
            }
        }
    }

    /// <summary>Runs a step; null when it did what the scenario says, else why not.</summary>
    public string? Execute(ScenarioStep step)
    {
        var expect = step.Expect;
        var before = StoreSnapshot.IsNeededFor(step) ? StoreSnapshot.Take(_emulator) : null;
        StepOutcome outcome;
        try
        {
            var service = step.As is null ? _emulator.GetOrganizationService() : _emulator.GetOrganizationService(_aliases.User(step.As));
            outcome = _actions.Act(step, service);
        }
        catch (StepFailedException exception)
        {
            return exception.Message;
        }
        catch (Exception exception) when (exception is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException or ActivityFailedException)
        {
            return Failed(step, exception, before);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or ScenarioFileException))
        {
            // Not a platform error: the emulator or the scenario hit something unexpected. Report it, keep going.
            return $"unexpected {exception.GetType().Name}: {ScenarioRunner.Message(exception)}";
        }

        if (!expect.Ok)
        {
            return "expected the step to fail, but it succeeded";
        }

        try
        {
            Verify(step, outcome, before);
        }
        catch (StepFailedException exception)
        {
            return exception.Message;
        }

        return null;
    }

    private string? Failed(ScenarioStep step, Exception exception, StoreSnapshot? before)
    {
        var expect = step.Expect;
        var message = ScenarioRunner.Message(exception);
        if (expect.Ok)
        {
            return $"expected success, failed with: {message}";
        }

        var fault = exception as FaultException<OrganizationServiceFault>
            ?? (exception as ActivityFailedException)?.InnerException as FaultException<OrganizationServiceFault>;
        var text = fault?.Detail?.Message ?? exception.InnerException?.Message ?? exception.Message;
        if (expect.ErrorContains is { } contains && !text.Contains(contains, StringComparison.OrdinalIgnoreCase)
            && !message.Contains(contains, StringComparison.OrdinalIgnoreCase))
        {
            return $"expected an error containing \"{contains}\", got: {message}";
        }

        if (expect.ErrorCode is { } code && fault?.Detail?.ErrorCode != code)
        {
            return $"expected error code 0x{code:X8}, got: {message}";
        }

        if (before is not null && before.Changes(StoreSnapshot.Take(_emulator)) is { Count: > 0 } changes)
        {
            return $"the failed step left changes written: {string.Join(", ", changes.Take(5))}";
        }

        return null;
    }

    private void Verify(ScenarioStep step, StepOutcome outcome, StoreSnapshot? before)
    {
        var expect = step.Expect;
        IReadOnlyList<EntityReference> created = outcome.Created ?? (before is null ? [] : before.NewRows(StoreSnapshot.Take(_emulator)));
        if (expect.Created is { } counts)
        {
            var problems = counts
                .Select(c => (c.Key, Expected: c.Value, Actual: created.Count(r => r.LogicalName == c.Key)))
                .Where(c => c.Expected != c.Actual)
                .Select(c => $"{c.Key} {c.Actual} (expected {c.Expected})")
                .ToList();
            if (problems.Count > 0)
            {
                throw new StepFailedException($"created {string.Join(", ", problems)}");
            }
        }

        foreach (var (table, alias) in expect.Capture ?? new Dictionary<string, string>())
        {
            var matches = created.Where(r => r.LogicalName == table).ToList();
            if (matches.Count != 1)
            {
                throw new StepFailedException($"capture {table} as '{alias}': the step created {matches.Count} {table} record(s), not one");
            }

            _aliases.AddRecord(alias, matches[0]);
        }

        foreach (var (name, value) in expect.Outputs ?? new Dictionary<string, ValueSpec>())
        {
            if (outcome.Outputs is null)
            {
                throw new StepFailedException("this step has no outputs to check");
            }

            outcome.Outputs.TryGetValue(name, out var actual);
            if (ScenarioValues.Mismatch(value, actual, _aliases) is { } mismatch)
            {
                throw new StepFailedException($"output {name}: {mismatch}");
            }
        }

        if (expect.Succeeded is { } succeeded && outcome.Succeeded != succeeded)
        {
            throw new StepFailedException($"{outcome.Succeeded} lead(s) qualified (expected {succeeded}){Faults(outcome)}");
        }

        if (expect.Failed is { } failed && outcome.Failed != failed)
        {
            throw new StepFailedException($"{outcome.Failed} lead(s) failed (expected {failed}){Faults(outcome)}");
        }
    }

    private void SetEnvironmentVariable(string schemaName, string value)
    {
        try
        {
            _emulator.SetEnvironmentVariable(schemaName, value);
        }
        catch (ArgumentException)
        {
            throw new StepFailedException($"$.settings.{schemaName}: the solution has no environment variable '{schemaName}'");
        }
    }

    private static string Faults(StepOutcome outcome) =>
        outcome.FaultMessages is { Count: > 0 } faults ? ": " + string.Join("; ", faults.Distinct(StringComparer.Ordinal).Take(3)) : string.Empty;
}
