using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

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

    /// <summary>Creates a runner importing the solution from <paramref name="solution"/>.</summary>
    public ScenarioRunner(SolutionSource solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        _solution = solution;
    }

    /// <summary>Runs the files (folders are expanded to their *.json files), writes the report, returns the exit code.</summary>
    public int Run(IEnumerable<string> paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var results = Expand(paths).Select(RunFile).ToList();
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
        var run = new ScenarioRun(_solution, scenario);
        try
        {
            run.Setup();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failures.Add($"setup: {Message(exception)}");
            return new ScenarioResult(scenario.File, scenario.Name, failures, null);
        }

        foreach (var step in scenario.Steps)
        {
            if (run.Execute(step) is { } failure)
            {
                failures.Add($"step {step.Number} ({step.Action}, {step.Path}): {failure}");
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

    /// <summary>One scenario's run: its emulator, aliases and imported assemblies.</summary>
    private sealed class ScenarioRun
    {
        private readonly SolutionSource _solution;
        private readonly Scenario _scenario;
        private readonly AliasMap _aliases = new();
        private XrmEmulator _emulator = null!;
        private IReadOnlyList<Assembly> _assemblies = [];

        public ScenarioRun(SolutionSource solution, Scenario scenario)
        {
            _solution = solution;
            _scenario = scenario;
        }

        public void Setup()
        {
            _emulator = new XrmEmulator();
            if (_scenario.Now is { } now)
            {
                _emulator.Clock.Set(now);
            }

            _assemblies = _solution.ImportInto(_emulator);

            var admin = _emulator.GetOrganizationService();
            foreach (var (name, value) in _scenario.Settings)
            {
                SetEnvironmentVariable(admin, name, value);
            }

            foreach (var user in _scenario.Users)
            {
                _aliases.AddUser(user.Alias, _emulator.CreateUser(user.Alias, "User", user.Language));
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
                    throw new StepFailedException($"{record.Path}: creating the {record.Table} failed: {Message(exception)}", exception);
                }
            }
        }

        /// <summary>Runs a step; null when it did what the scenario says, else why not.</summary>
        public string? Execute(ScenarioStep step)
        {
            var expect = step.Expect;
            var before = NeedsSnapshot(step) ? Snapshot() : null;
            Outcome outcome;
            try
            {
                var service = step.As is null ? _emulator.GetOrganizationService() : _emulator.GetOrganizationService(_aliases.User(step.As));
                outcome = Act(step, service);
            }
            catch (StepFailedException exception)
            {
                return exception.Message;
            }
            catch (Exception exception) when (exception is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException or ActivityFailedException)
            {
                return Failed(step, exception, before);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Not a platform error: the emulator or the scenario hit something unexpected. Report it, keep going.
                return $"unexpected {exception.GetType().Name}: {Message(exception)}";
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

        private string? Failed(ScenarioStep step, Exception exception, Dictionary<(string, Guid), long>? before)
        {
            var expect = step.Expect;
            var message = Message(exception);
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

            if (before is not null && Changes(before, Snapshot()) is { Count: > 0 } changes)
            {
                return $"the failed step left changes written: {string.Join(", ", changes.Take(5))}";
            }

            return null;
        }

        private void Verify(ScenarioStep step, Outcome outcome, Dictionary<(string, Guid), long>? before)
        {
            var expect = step.Expect;
            IReadOnlyList<EntityReference> created = outcome.Created ?? (before is null ? [] : NewRows(before, Snapshot()));
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

        private static string Faults(Outcome outcome) =>
            outcome.FaultMessages is { Count: > 0 } faults ? ": " + string.Join("; ", faults.Distinct(StringComparer.Ordinal).Take(3)) : string.Empty;

        private static bool NeedsSnapshot(ScenarioStep step) =>
            !step.Expect.Ok || ((step.Expect.Created is not null || step.Expect.Capture is not null) && step is not (QualifyStep or QualifyManyStep or BatchStep));

        private Outcome Act(ScenarioStep step, IOrganizationService service)
        {
            switch (step)
            {
                case CreateStep create:
                    var id = (Guid)service.Execute(Request(create)).Results["id"];
                    var reference = new EntityReference(create.Table, id);
                    if (create.Alias is not null)
                    {
                        _aliases.AddRecord(create.Alias, reference);
                    }

                    // With a snapshot, what the platform created alongside (e.g. the lead's process instance) counts too.
                    return new Outcome { Created = NeedsSnapshot(step) ? null : [reference] };
                case UpdateStep or SetStateStep or DeleteStep:
                    service.Execute(Request(step));
                    return new Outcome();
                case QualifyStep:
                    var response = (QualifyLeadResponse)service.Execute(Request(step));
                    return new Outcome { Created = response.CreatedEntities?.ToList() ?? [] };
                case QualifyManyStep many:
                    return QualifyMany(many, service);
                case BatchStep batch:
                    return Batch(batch, service);
                case ActivityStep activity:
                    return RunActivity(activity, step.As is null ? null : _aliases.User(step.As));
                case ExecuteStep execute:
                    var request = new OrganizationRequest(execute.Request);
                    foreach (var (name, value) in execute.Parameters)
                    {
                        request.Parameters[name] = ScenarioValues.ToSdk(value, _aliases, null, name)!;
                    }

                    var result = service.Execute(request);
                    return new Outcome { Outputs = result.Results.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal) };
                case CheckStep check:
                    Check(check, service);
                    return new Outcome();
                case CountStep count:
                    Count(count, service);
                    return new Outcome();
                case ProcessStep process:
                    Process(process, service);
                    return new Outcome();
                case AdvanceClockStep clock:
                    _emulator.Clock.Advance(TimeSpan.FromDays(clock.Days) + TimeSpan.FromHours(clock.Hours));
                    return new Outcome();
                default:
                    throw new StepFailedException($"unknown action {step.Action}");
            }
        }

        private QualifyLeadRequest QualifyRequest(EntityReference lead, QualifyFlags flags)
        {
            var request = new QualifyLeadRequest
            {
                LeadId = lead,
                CreateAccount = flags.CreateAccount,
                CreateContact = flags.CreateContact,
                CreateOpportunity = flags.CreateOpportunity,
                Status = new OptionSetValue(flags.Status),
            };
            if (flags.Customer is { } customer)
            {
                request.OpportunityCustomerId = _aliases.Resolve(customer);
            }

            if (flags.Currency is { } currency)
            {
                request.OpportunityCurrencyId = _aliases.Resolve(currency);
            }

            if (flags.Campaign is { } campaign)
            {
                request.SourceCampaignId = _aliases.Resolve(campaign);
            }

            if (flags.ProcessInstance is { } instance)
            {
                request.ProcessInstanceId = _aliases.Resolve(instance);
            }

            return request;
        }

        /// <summary>A list-view bulk qualification: one ExecuteMultiple with ContinueOnError, like a multiple batch.</summary>
        private Outcome QualifyMany(QualifyManyStep step, IOrganizationService service) =>
            Batch(new BatchStep(Transaction: false, ContinueOnError: true, [.. step.Leads.Select(lead => new QualifyStep(lead, step.Flags))]), service);

        private OrganizationRequest Request(ScenarioStep step)
        {
            switch (step)
            {
                case CreateStep create:
                    return new CreateRequest { Target = ScenarioValues.ToEntity(create.Table, Guid.Empty, create.Values, _aliases) };
                case UpdateStep update:
                    var target = _aliases.Resolve(update.Target);
                    return new UpdateRequest { Target = ScenarioValues.ToEntity(target.LogicalName, target.Id, update.Values, _aliases) };
                case SetStateStep setState:
                    return new SetStateRequest
                    {
                        EntityMoniker = _aliases.Resolve(setState.Target),
                        State = new OptionSetValue(setState.State),
                        Status = new OptionSetValue(setState.Status),
                    };
                case DeleteStep delete:
                    return new DeleteRequest { Target = _aliases.Resolve(delete.Target) };
                case QualifyStep qualify:
                    return QualifyRequest(_aliases.Resolve(qualify.Lead), qualify.Flags);
                default:
                    throw new StepFailedException($"{step.Action} cannot be part of a batch");
            }
        }

        private Outcome Batch(BatchStep step, IOrganizationService service)
        {
            var requests = new OrganizationRequestCollection();
            foreach (var inner in step.Requests)
            {
                requests.Add(Request(inner));
            }

            var responses = new List<OrganizationResponse?>();
            var faults = new List<string>();
            if (step.Transaction)
            {
                var response = (ExecuteTransactionResponse)service.Execute(new ExecuteTransactionRequest { Requests = requests, ReturnResponses = true });
                responses.AddRange(response.Responses ?? []);
            }
            else
            {
                var response = (ExecuteMultipleResponse)service.Execute(new ExecuteMultipleRequest
                {
                    Settings = new ExecuteMultipleSettings { ContinueOnError = step.ContinueOnError, ReturnResponses = true },
                    Requests = requests,
                });
                foreach (var item in response.Responses ?? [])
                {
                    responses.Add(item.Response);
                    if (item.Fault is not null)
                    {
                        faults.Add(item.Fault.Message ?? $"0x{item.Fault.ErrorCode:X8}");
                    }
                }
            }

            var created = new List<EntityReference>();
            for (var i = 0; i < responses.Count && i < step.Requests.Count; i++)
            {
                if (responses[i] is not { } response)
                {
                    continue;
                }

                if (step.Requests[i] is CreateStep create && response.Results.TryGetValue("id", out var id) && id is Guid guid)
                {
                    var reference = new EntityReference(create.Table, guid);
                    created.Add(reference);
                    if (create.Alias is not null)
                    {
                        _aliases.AddRecord(create.Alias, reference);
                    }
                }
                else if (response.Results.TryGetValue("CreatedEntities", out var value) && value is EntityReferenceCollection collection)
                {
                    created.AddRange(collection);
                }
            }

            var succeeded = step.Transaction ? step.Requests.Count : responses.Count(r => r is not null);
            return new Outcome { Created = created, Succeeded = succeeded, Failed = faults.Count, FaultMessages = faults };
        }

        private Outcome RunActivity(ActivityStep step, Guid? userId)
        {
            var (assembly, typeName) = FindActivity(step.Type);
            var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in step.Inputs)
            {
                inputs[name] = ScenarioValues.ToSdk(value, _aliases, null, name);
            }

            var result = _emulator.RunActivity(assembly, typeName, new WorkflowRunOptions
            {
                Inputs = inputs,
                PrimaryEntity = step.Target is null ? null : _aliases.Resolve(step.Target),
                UserId = userId,
            });
            if (result.Error is { } error)
            {
                throw new ActivityFailedException(Message(error), error);
            }

            return new Outcome { Outputs = result.Outputs };
        }

        private (Assembly Assembly, string TypeName) FindActivity(string name)
        {
            foreach (var assembly in _assemblies)
            {
                Type[] types;
                try
                {
                    types = assembly.GetTypes();
                }
                catch (ReflectionTypeLoadException exception)
                {
                    types = exception.Types.Where(t => t is not null).ToArray()!;
                }

                var type = types.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.Ordinal))
                    ?? types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal) && !t.IsAbstract);
                if (type?.FullName is { } fullName)
                {
                    return (assembly, fullName);
                }
            }

            throw new StepFailedException($"the imported solution has no activity class '{name}'");
        }

        private void Check(CheckStep step, IOrganizationService service)
        {
            var target = _aliases.Resolve(step.Target);
            Entity record;
            try
            {
                record = service.Retrieve(target.LogicalName, target.Id, new ColumnSet(true));
            }
            catch (FaultException<OrganizationServiceFault> exception)
            {
                throw new StepFailedException($"cannot read {target.LogicalName} {step.Target.Text}: {Message(exception)}");
            }

            var problems = new List<string>();
            foreach (var (column, expected) in step.Values)
            {
                record.Attributes.TryGetValue(column, out var actual);
                if (ScenarioValues.Mismatch(expected, actual, _aliases) is { } mismatch)
                {
                    problems.Add($"{column}: {mismatch}");
                }
            }

            if (problems.Count > 0)
            {
                throw new StepFailedException($"{step.Target.Text}: {string.Join("; ", problems)}");
            }
        }

        private void Count(CountStep step, IOrganizationService service)
        {
            var query = new QueryExpression(step.Table) { ColumnSet = new ColumnSet(false) };
            foreach (var (column, value) in step.Where)
            {
                var sdk = ScenarioValues.ToSdk(value, _aliases, step.Table, column);
                switch (sdk)
                {
                    case null:
                        query.Criteria.AddCondition(column, ConditionOperator.Null);
                        break;
                    case EntityReference reference:
                        query.Criteria.AddCondition(column, ConditionOperator.Equal, reference.Id);
                        break;
                    case OptionSetValue option:
                        query.Criteria.AddCondition(column, ConditionOperator.Equal, option.Value);
                        break;
                    case Money money:
                        query.Criteria.AddCondition(column, ConditionOperator.Equal, money.Value);
                        break;
                    default:
                        query.Criteria.AddCondition(column, ConditionOperator.Equal, sdk);
                        break;
                }
            }

            var actual = service.RetrieveMultiple(query).Entities.Count;
            if (actual != step.EqualsCount)
            {
                throw new StepFailedException($"{actual} {step.Table} row(s) match, expected {step.EqualsCount}");
            }
        }

        private void Process(ProcessStep step, IOrganizationService service)
        {
            var target = _aliases.Resolve(step.Target);
            var response = service.Execute(new RetrieveProcessInstancesRequest { EntityId = target.Id, EntityLogicalName = target.LogicalName });
            var instances = ((EntityCollection)response.Results["Processes"]).Entities;
            if (step.Stage is null && step.Status is null)
            {
                if (instances.Count > 0)
                {
                    throw new StepFailedException($"{step.Target.Text} has a process instance, expected none");
                }

                return;
            }

            if (instances.Count == 0)
            {
                throw new StepFailedException($"{step.Target.Text} has no process instance");
            }

            var instance = _emulator.Get(instances[0].LogicalName, instances[0].Id) ?? instances[0];
            var stageId = instances[0].GetAttributeValue<Guid?>("processstageid")
                ?? instance.GetAttributeValue<EntityReference>("activestageid")?.Id;
            var stageName = stageId is { } id ? _emulator.Get("processstage", id)?.GetAttributeValue<string>("stagename") : null;
            if (step.Stage is not null && !string.Equals(stageName, step.Stage, StringComparison.OrdinalIgnoreCase))
            {
                throw new StepFailedException($"the process of {step.Target.Text} is on stage '{stageName ?? "(none)"}', expected '{step.Stage}'");
            }

            if (step.Status is not null)
            {
                var status = instance.GetAttributeValue<OptionSetValue>("statuscode")?.Value switch
                {
                    1 => "Active",
                    2 => "Finished",
                    3 => "Aborted",
                    var other => other?.ToString(CultureInfo.InvariantCulture) ?? "(none)",
                };
                if (!string.Equals(status, step.Status, StringComparison.Ordinal))
                {
                    throw new StepFailedException($"the process of {step.Target.Text} is {status}, expected {step.Status}");
                }
            }
        }

        private static void SetEnvironmentVariable(IOrganizationService admin, string schemaName, string value)
        {
            var query = new QueryByAttribute("environmentvariabledefinition") { ColumnSet = new ColumnSet("schemaname") };
            query.AddAttributeValue("schemaname", schemaName);
            var definition = admin.RetrieveMultiple(query).Entities.FirstOrDefault()
                ?? throw new StepFailedException($"$.settings.{schemaName}: the solution has no environment variable '{schemaName}'");
            admin.Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = schemaName,
                ["value"] = value,
                ["environmentvariabledefinitionid"] = definition.ToEntityReference(),
            });
        }

        private Dictionary<(string, Guid), long> Snapshot()
        {
            var rows = new Dictionary<(string, Guid), long>();
            foreach (var table in MetadataCatalog.Tables)
            {
                foreach (var row in _emulator.Store.Rows(table.LogicalName))
                {
                    rows[(table.LogicalName, row.Id)] = row.GetAttributeValue<long?>("versionnumber") ?? 0;
                }
            }

            return rows;
        }

        private static List<EntityReference> NewRows(Dictionary<(string, Guid), long> before, Dictionary<(string, Guid), long> after) =>
            after.Keys.Where(k => !before.ContainsKey(k)).Select(k => new EntityReference(k.Item1, k.Item2)).ToList();

        private static List<string> Changes(Dictionary<(string, Guid), long> before, Dictionary<(string, Guid), long> after)
        {
            var changes = new List<string>();
            changes.AddRange(after.Keys.Where(k => !before.ContainsKey(k)).Select(k => $"{k.Item1} {k.Item2} created"));
            changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{k.Item1} {k.Item2} deleted"));
            changes.AddRange(before.Where(p => after.TryGetValue(p.Key, out var v) && v != p.Value).Select(p => $"{p.Key.Item1} {p.Key.Item2} updated"));
            return changes;
        }
    }

    /// <summary>What an action produced.</summary>
    private sealed class Outcome
    {
        public IReadOnlyList<EntityReference>? Created { get; init; }

        public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

        public int Succeeded { get; init; }

        public int Failed { get; init; }

        public IReadOnlyList<string>? FaultMessages { get; init; }
    }
}

/// <summary>A workflow activity ended with an exception (its writes were rolled back).</summary>
public sealed class ActivityFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message)
        : base(message)
    {
    }
}
