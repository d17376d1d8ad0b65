using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using LeadQualifyExtensions.Cli.Scenarios;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Spectre.Console;

namespace LeadQualifyExtensions.Cli.Demo;

/// <summary>
/// The lqx demo: a small sales organisation on a fresh emulator with the packed solution imported, and the lead
/// qualification story told as tables. Every chapter checks its outcome; the story succeeds only if all do.
/// </summary>
public sealed class DemoStory
{
    private const int English = 1033;
    private const int German = 1031;

    private readonly IAnsiConsole _console;
    private readonly SolutionSource _solution;
    private readonly List<(string Chapter, bool Ok, string Detail)> _outcomes = [];
    private XrmEmulator _emulator = null!;
    private IOrganizationService _admin = null!;
    private IReadOnlyList<Assembly> _assemblies = [];
    private Guid _anna;
    private Guid _sam;
    private EntityReference _contoso = null!;
    private readonly List<EntityReference> _leads = [];

    /// <summary>Creates the story, told on <paramref name="console"/>, with the solution from <paramref name="solution"/>.</summary>
    public DemoStory(IAnsiConsole console, SolutionSource solution)
    {
        _console = console;
        _solution = solution;
    }

    /// <summary>Tells the story; true when every chapter did what it says.</summary>
    public bool Tell()
    {
        Seed();
        Chapter("1. Qualify with the existing account", QualifyWithExistingAccount);
        Chapter("2. Missing budget refused (German)", () => MissingFields(_anna, "lead-budget", "Füllen Sie diese Felder aus"));
        Chapter("3. Missing timeframe refused (English)", () => MissingFields(_sam, "lead-timeframe", "Fill in these fields"));
        Chapter("4. Account and contact only", AccountAndContactOnly);
        Chapter("5. Linked opportunity blocks disqualify", LinkedOpportunityBlocksDisqualify);
        Chapter("6. Disqualify and reactivate", DisqualifyAndReactivate);
        Chapter("7. Bulk qualification", BulkQualify);
        Chapter("8. Process moved on by the workflow activity", AdvanceByActivity);

        var summary = new Table().Title("Story outcome").AddColumn("Chapter").AddColumn("Outcome").AddColumn("Detail");
        foreach (var (chapter, ok, detail) in _outcomes)
        {
            summary.AddRow(Markup.Escape(chapter), ok ? "[green]as told[/]" : "[red]NOT as told[/]", Markup.Escape(detail));
        }

        _console.Write(summary);
        return _outcomes.All(o => o.Ok);
    }

    private void Seed()
    {
        _emulator = new XrmEmulator();
        _assemblies = _solution.ImportInto(_emulator);

        _admin = _emulator.GetOrganizationService();
        _anna = _emulator.CreateUser("Anna", "Schmidt", German, roles: ["Salesperson"]);
        _sam = _emulator.CreateUser("Sam", "Carter", English, roles: ["Salesperson"]);
        var eur = _admin.Create(new Entity("transactioncurrency")
        {
            ["isocurrencycode"] = "EUR",
            ["currencyname"] = "Euro",
            ["currencysymbol"] = "€",
            ["exchangerate"] = 0.92m,
            ["currencyprecision"] = 2,
        });
        var usd = new EntityReference("transactioncurrency", _emulator.BaseCurrencyId);
        var euro = new EntityReference("transactioncurrency", eur);
        _contoso = new EntityReference("account", _admin.Create(new Entity("account") { ["name"] = "Contoso", ["transactioncurrencyid"] = usd }));
        var fabrikam = new EntityReference("account", _admin.Create(new Entity("account") { ["name"] = "Fabrikam GmbH", ["transactioncurrencyid"] = euro }));
        _admin.Create(new Entity("contact") { ["firstname"] = "Lena", ["lastname"] = "Vogel", ["parentcustomerid"] = fabrikam, ["emailaddress1"] = "lena.vogel@fabrikam.example" });
        _admin.Create(new Entity("contact") { ["firstname"] = "Mark", ["lastname"] = "Ellis", ["parentcustomerid"] = _contoso, ["emailaddress1"] = "mark.ellis@contoso.example" });

        Lead("lead-contoso", "50 city bikes", "Mark", "Ellis", "Contoso", usd, complete: true, parent: _contoso);
        Lead("lead-budget", "Lastenräder für die Filiale", "Jonas", "Keller", "Keller Logistik", euro, complete: false, missing: "budgetamount");
        Lead("lead-timeframe", "Fleet service contract", "Olivia", "Hart", "Hart Couriers", usd, complete: false, missing: "purchasetimeframe");
        Lead("lead-nopp", "Workshop tools", "Emil", "Brandt", "Brandt Werkstatt", euro, complete: true);
        Lead("lead-notes", "Spare parts", "Nora", "Lind", "Lind Cycles", euro, complete: true, notes: 2);
        string[] companies =
        [
            "Adatum", "Alpine Ski House", "Blue Yonder", "City Power", "Coho Winery", "Fourth Coffee", "Graphic Design Institute",
            "Humongous Insurance", "Litware", "Lucerne Publishing", "Margie's Travel", "Northwind Traders", "Proseware", "Tailspin Toys", "Wide World Importers",
        ];
        var index = 0;
        foreach (var company in companies)
        {
            Lead($"bulk-{index}", $"{10 + index} bikes", "Buyer", company.Split(' ')[0], company, index % 2 == 0 ? usd : euro, complete: true, notes: index % 3 == 0 ? 1 : 0);
            index++;
        }

        var seeded = new Table().Title("The sales organisation").AddColumn("What").AddColumn("Count").AddColumn("Examples");
        seeded.AddRow("Sellers", "2", "Anna Schmidt (German), Sam Carter (English)");
        seeded.AddRow("Currencies", "2", "USD (base), EUR");
        seeded.AddRow("Accounts", Count("account").ToString(CultureInfo.InvariantCulture), "Contoso, Fabrikam GmbH");
        seeded.AddRow("Contacts", Count("contact").ToString(CultureInfo.InvariantCulture), "Mark Ellis, Lena Vogel");
        seeded.AddRow("Leads", Count("lead").ToString(CultureInfo.InvariantCulture), "50 city bikes (Contoso), Lastenräder für die Filiale, ...");
        seeded.AddRow("Notes", Count("annotation").ToString(CultureInfo.InvariantCulture), "on some leads");
        _console.Write(seeded);
    }

    private void Lead(string alias, string subject, string first, string last, string company, EntityReference currency, bool complete,
        string? missing = null, EntityReference? parent = null, int notes = 0)
    {
        var lead = new Entity("lead")
        {
            ["subject"] = subject,
            ["firstname"] = first,
            ["lastname"] = last,
            ["companyname"] = company,
            ["transactioncurrencyid"] = currency,
            ["description"] = alias,
        };
        if (complete || missing != "budgetamount")
        {
            lead["budgetamount"] = new Money(5000m + (_leads.Count * 250m));
        }

        if (complete || missing != "purchasetimeframe")
        {
            lead["purchasetimeframe"] = new OptionSetValue(1);
        }

        lead["purchaseprocess"] = new OptionSetValue(0);
        if (parent is not null)
        {
            lead["parentaccountid"] = parent;
        }

        var id = _admin.Create(lead);
        _leads.Add(new EntityReference("lead", id) { Name = alias });
        for (var n = 0; n < notes; n++)
        {
            _admin.Create(new Entity("annotation")
            {
                ["subject"] = $"Call {n + 1}",
                ["notetext"] = $"Talked to {first} {last} about {subject}.",
                ["objectid"] = new EntityReference("lead", id),
            });
        }
    }

    private EntityReference LeadOf(string alias) => _leads.First(l => l.Name == alias);

    private int Count(string table, string? column = null, object? value = null)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false) };
        if (column is not null)
        {
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value!);
        }

        return _admin.RetrieveMultiple(query).Entities.Count;
    }

    private void Chapter(string title, Func<(bool Ok, string Detail)> chapter)
    {
        _console.Write(new Rule(Markup.Escape(title)).LeftJustified());
        (bool Ok, string Detail) outcome;
        try
        {
            outcome = chapter();
        }
        catch (Exception exception) when (exception is FaultException<OrganizationServiceFault> or InvalidOperationException or StepFailedException)
        {
            outcome = (false, "unexpected error: " + ScenarioRunner.Message(exception));
        }

        _outcomes.Add((title, outcome.Ok, outcome.Detail));
        if (!outcome.Ok)
        {
            _console.MarkupLineInterpolated($"[red]Not as told:[/] {outcome.Detail}");
        }
    }

    private static QualifyLeadRequest Qualify(EntityReference lead, bool account = true, bool contact = true, bool opportunity = true) => new()
    {
        LeadId = new EntityReference("lead", lead.Id),
        CreateAccount = account,
        CreateContact = contact,
        CreateOpportunity = opportunity,
        Status = new OptionSetValue(-1),
    };

    private (bool, string) QualifyWithExistingAccount()
    {
        var service = _emulator.GetOrganizationService(_sam);
        var response = (QualifyLeadResponse)service.Execute(Qualify(LeadOf("lead-contoso")));
        var created = response.CreatedEntities.ToList();
        var opportunity = created.FirstOrDefault(r => r.LogicalName == "opportunity");
        var customer = opportunity is null ? null : _admin.Retrieve("opportunity", opportunity.Id, new ColumnSet("parentaccountid")).GetAttributeValue<EntityReference>("parentaccountid");
        var accounts = Count("account", "name", "Contoso");
        var table = new Table().AddColumn("Lead").AddColumn("Created").AddColumn("Opportunity account").AddColumn("Accounts named Contoso");
        table.AddRow("50 city bikes", Markup.Escape(Describe(created)), customer?.Id == _contoso.Id ? "Contoso (existing)" : "-", accounts.ToString(CultureInfo.InvariantCulture));
        _console.Write(table);
        var ok = opportunity is not null && created.All(r => r.LogicalName != "account") && accounts == 1 && customer?.Id == _contoso.Id;
        return (ok, ok ? "opportunity on the existing Contoso, no duplicate account" : $"created {Describe(created)}, {accounts} Contoso account(s)");
    }

    private (bool, string) MissingFields(Guid user, string alias, string expected)
    {
        var before = Count("opportunity");
        string message;
        try
        {
            _emulator.GetOrganizationService(user).Execute(Qualify(LeadOf(alias)));
            message = "(qualified)";
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            message = fault.Detail?.Message ?? fault.Message;
        }

        var table = new Table().AddColumn("Seller").AddColumn("Message the seller sees");
        table.AddRow(user == _anna ? "Anna (Deutsch)" : "Sam (English)", Markup.Escape(message));
        _console.Write(table);
        var ok = message.Contains(expected, StringComparison.Ordinal) && Count("opportunity") == before && State(LeadOf(alias)) == 0;
        return (ok, ok ? "refused, lead still open, nothing created" : message);
    }

    private (bool, string) AccountAndContactOnly()
    {
        var lead = LeadOf("lead-nopp");
        var response = (QualifyLeadResponse)_emulator.GetOrganizationService(_anna).Execute(Qualify(lead, opportunity: false));
        var created = response.CreatedEntities.ToList();
        var (stage, status) = Process(lead);
        var table = new Table().AddColumn("Lead").AddColumn("Created").AddColumn("Process stage").AddColumn("Process status");
        table.AddRow("Workshop tools", Markup.Escape(Describe(created)), Markup.Escape(stage), Markup.Escape(status));
        _console.Write(table);
        var ok = created.Any(r => r.LogicalName == "account") && created.Any(r => r.LogicalName == "contact")
            && created.All(r => r.LogicalName != "opportunity") && stage == "Qualify" && status == "Active";
        return (ok, ok ? "account and contact created; the policy keeps the process active on Qualify" : $"created {Describe(created)}, process {stage}/{status}");
    }

    private (bool, string) LinkedOpportunityBlocksDisqualify()
    {
        var lead = LeadOf("lead-contoso");
        _admin.Update(new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        string message;
        try
        {
            _emulator.GetOrganizationService(_sam).Update(new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
            message = "(disqualified)";
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            message = fault.Detail?.Message ?? fault.Message;
        }

        var table = new Table().AddColumn("Action").AddColumn("Result");
        table.AddRow("Reactivate 50 city bikes", "open again");
        table.AddRow("Disqualify it (Lost)", Markup.Escape(message));
        _console.Write(table);
        var ok = message.Contains("was created from it", StringComparison.Ordinal) && State(lead) == 0;
        return (ok, ok ? "disqualify refused: the lead has an opportunity" : message);
    }

    private (bool, string) DisqualifyAndReactivate()
    {
        var lead = LeadOf("lead-notes");
        var service = _emulator.GetOrganizationService(_anna);
        service.Update(new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });
        var disqualified = Status(lead);
        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead.Id), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        var reactivated = Status(lead);
        var notes = Count("annotation", "objectid", lead.Id);
        var (stage, status) = Process(lead);
        var table = new Table().AddColumn("Step").AddColumn("State / status reason").AddColumn("Notes").AddColumn("Process");
        table.AddRow("Disqualify (No Longer Interested)", Markup.Escape(disqualified), notes.ToString(CultureInfo.InvariantCulture), "-");
        table.AddRow("Reactivate", Markup.Escape(reactivated), notes.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{stage} ({status})"));
        _console.Write(table);
        var ok = disqualified == "2/6" && reactivated == "0/1" && notes == 2 && stage == "Qualify" && status == "Active";
        return (ok, ok ? "status New, both notes kept, process back on Qualify" : $"{disqualified} -> {reactivated}, {notes} notes, process {stage}/{status}");
    }

    private (bool, string) BulkQualify()
    {
        var open = _leads.Where(l => l.Name!.StartsWith("bulk-", StringComparison.Ordinal)).ToList();
        var results = new List<(string Lead, string Outcome)>();
        void Send(IReadOnlyList<EntityReference> batch)
        {
            var request = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
                Requests = [],
            };
            foreach (var lead in batch)
            {
                request.Requests.Add(Qualify(lead));
            }

            var response = (ExecuteMultipleResponse)_emulator.GetOrganizationService(_sam).Execute(request);
            foreach (var item in response.Responses ?? [])
            {
                var lead = batch[item.RequestIndex];
                var company = _admin.Retrieve("lead", lead.Id, new ColumnSet("companyname")).GetAttributeValue<string>("companyname");
                results.Add((company, item.Fault is null ? "qualified" : "refused: " + item.Fault.Message));
            }
        }

        var batches = open.Chunk(5).ToList();
        if (_console.Profile.Capabilities.Interactive)
        {
            _console.Progress().Start(progress =>
            {
                var task = progress.AddTask("Qualifying leads", maxValue: open.Count);
                foreach (var batch in batches)
                {
                    Send(batch);
                    task.Increment(batch.Length);
                }
            });
        }
        else
        {
            foreach (var batch in batches)
            {
                Send(batch);
                _console.WriteLine($"Qualifying leads: {results.Count}/{open.Count}");
            }
        }

        var table = new Table().AddColumn("Company").AddColumn("Outcome");
        foreach (var (lead, outcome) in results)
        {
            table.AddRow(Markup.Escape(lead ?? "?"), Markup.Escape(outcome));
        }

        _console.Write(table);
        var qualified = results.Count(r => r.Outcome == "qualified");
        var ok = qualified == open.Count;
        return (ok, $"{qualified} of {open.Count} leads qualified in {batches.Count} ExecuteMultiple request(s)");
    }

    private (bool, string) AdvanceByActivity()
    {
        var lead = _leads.First(l => l.Name == "bulk-0");
        var opportunity = _admin.Retrieve("lead", lead.Id, new ColumnSet("qualifyingopportunityid")).GetAttributeValue<EntityReference>("qualifyingopportunityid")
            ?? FirstOpportunityOf(lead);
        var assembly = _assemblies.FirstOrDefault(a => a.GetType("LeadQualifyExtensions.Workflows.Activities.AdvanceProcessStage") is not null)
            ?? throw new InvalidOperationException("The imported solution has no AdvanceProcessStage activity.");
        var before = Process(opportunity).Stage;
        var result = _emulator.RunActivity(assembly, "LeadQualifyExtensions.Workflows.Activities.AdvanceProcessStage", new WorkflowRunOptions
        {
            Inputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" },
            PrimaryEntity = opportunity,
        });
        var after = Process(opportunity).Stage;
        var table = new Table().AddColumn("Opportunity").AddColumn("Stage before").AddColumn("Activity").AddColumn("Stage after");
        table.AddRow("10 bikes (Adatum)", Markup.Escape(before), result.Error is null ? "AdvanceProcessStage → Propose" : Markup.Escape(ScenarioRunner.Message(result.Error)), Markup.Escape(after));
        _console.Write(table);
        var ok = result.Error is null && before == "Develop" && after == "Propose";
        return (ok, ok ? "Develop → Propose" : $"{before} → {after}");
    }

    private EntityReference FirstOpportunityOf(EntityReference lead)
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition("originatingleadid", ConditionOperator.Equal, lead.Id);
        return _admin.RetrieveMultiple(query).Entities.FirstOrDefault()?.ToEntityReference()
            ?? throw new InvalidOperationException("The bulk-qualified lead has no opportunity.");
    }

    private int State(EntityReference lead) =>
        _admin.Retrieve("lead", lead.Id, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode")?.Value ?? -1;

    private string Status(EntityReference lead)
    {
        var row = _admin.Retrieve("lead", lead.Id, new ColumnSet("statecode", "statuscode"));
        return $"{row.GetAttributeValue<OptionSetValue>("statecode")?.Value}/{row.GetAttributeValue<OptionSetValue>("statuscode")?.Value}";
    }

    private (string Stage, string Status) Process(EntityReference record)
    {
        var response = _admin.Execute(new RetrieveProcessInstancesRequest { EntityId = record.Id, EntityLogicalName = record.LogicalName });
        var instance = ((EntityCollection)response.Results["Processes"]).Entities.FirstOrDefault();
        if (instance is null)
        {
            return ("(none)", "(none)");
        }

        var stored = _emulator.Get(instance.LogicalName, instance.Id) ?? instance;
        var stageId = instance.GetAttributeValue<Guid?>("processstageid");
        var stage = stageId is { } id ? _emulator.Get("processstage", id)?.GetAttributeValue<string>("stagename") ?? "?" : "?";
        var status = stored.GetAttributeValue<OptionSetValue>("statuscode")?.Value switch
        {
            1 => "Active",
            2 => "Finished",
            3 => "Aborted",
            _ => "?",
        };
        return (stage, status);
    }

    private static string Describe(IEnumerable<EntityReference> created)
    {
        var groups = created.GroupBy(r => r.LogicalName).Select(g => $"{g.Count()} {g.Key}").ToList();
        return groups.Count == 0 ? "nothing" : string.Join(", ", groups);
    }
}
