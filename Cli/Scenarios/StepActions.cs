using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;


namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>Performs a scenario step's action against the emulator and reports what it produced.</summary>
internal sealed class StepActions
{
    private readonly XrmEmulator _emulator;
    private readonly AliasMap _aliases;
    private readonly ActivityCatalog _activities;

    public StepActions(XrmEmulator emulator, AliasMap aliases, ActivityCatalog activities)
    {
        _emulator = emulator;
        _aliases = aliases;
        _activities = activities;
    }

    /// <summary>Runs the step's action as the caller of <paramref name="service"/>; checks (check, count, process) throw when they fail.</summary>
    public StepOutcome Act(ScenarioStep step, IOrganizationService service)
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
                return new StepOutcome { Created = StoreSnapshot.IsNeededFor(step) ? null : [reference] };
            case UpdateStep or SetStateStep or DeleteStep:
                service.Execute(Request(step));
                return new StepOutcome();
            case QualifyStep:
                var response = (QualifyLeadResponse)service.Execute(Request(step));
                return new StepOutcome { Created = response.CreatedEntities?.ToList() ?? [] };
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
                return new StepOutcome { Outputs = result.Results.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal) };
            case CheckStep check:
                Check(check, service);
                return new StepOutcome();
            case CountStep count:
                Count(count, service);
                return new StepOutcome();
            case ProcessStep process:
                Process(process, service);
                return new StepOutcome();
            case AdvanceClockStep clock:
                var span = TimeSpan.FromDays(clock.Days) + TimeSpan.FromHours(clock.Hours);
                var moved = _emulator.Clock.UtcNow.Ticks + span.Ticks;
                if (moved < ScenarioParser.EarliestDate.Ticks || moved > ScenarioParser.LatestDate.Ticks)
                {
                    throw new ScenarioFileException(step.Path + ".advanceClock", "moves the clock outside 1753-01-01 … 9999-12-31, the dates the platform stores");
                }

                _emulator.Clock.Advance(span);
                return new StepOutcome();
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
    private StepOutcome QualifyMany(QualifyManyStep step, IOrganizationService service) =>
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

    private StepOutcome Batch(BatchStep step, IOrganizationService service)
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
        return new StepOutcome { Created = created, Succeeded = succeeded, Failed = faults.Count, FaultMessages = faults };
    }

    private StepOutcome RunActivity(ActivityStep step, Guid? userId)
    {
        var (assembly, typeName) = _activities.Find(step.Type);
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
            throw new ActivityFailedException(ScenarioRunner.Message(error), error);
        }

        return new StepOutcome { Outputs = result.Outputs };
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
            throw new StepFailedException($"cannot read {target.LogicalName} {step.Target.Text}: {ScenarioRunner.Message(exception)}");
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
}
