using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Workflows;
using LeadQualifyExtensions.Testing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>Arranging leads, their Lead to Opportunity process and users in a fresh emulator.</summary>
internal sealed class TestSupport
{
    public const int English = 1033;
    public const int German = 1031;

    /// <summary>An organization with the shipped solution imported, or a bare one when <paramref name="withSolution"/> is false.</summary>
    public TestSupport(bool withSolution = false)
        : this(withSolution ? ShippedSolution.Organization() : new XrmEmulator())
    {
    }

    /// <summary>Arranging in <paramref name="emulator"/>.</summary>
    public TestSupport(XrmEmulator emulator)
    {
        Emulator = emulator;
        Service = Emulator.GetOrganizationService();
    }

    public XrmEmulator Emulator { get; }

    public IOrganizationService Service { get; }

    /// <summary>An open lead; the emulator gives it the Lead to Opportunity process unless <paramref name="withProcess"/> is false.</summary>
    public EntityReference CreateLead(bool withProcess = true)
    {
        var lead = new Entity("lead") { ["lastname"] = "Lovelace", ["firstname"] = "Ada", ["companyname"] = "Contoso" };
        if (!withProcess)
        {
            lead["processid"] = Guid.Empty;
        }

        return new EntityReference("lead", Service.Create(lead));
    }

    /// <summary>An open lead with every column the shipped default policy requires, unless left out by <paramref name="omit"/>.</summary>
    public EntityReference CreateQualifiableLead(string company = "Contoso", EntityReference? existingAccount = null, string? omit = null)
    {
        var lead = new Entity("lead")
        {
            ["lastname"] = "Lovelace",
            ["firstname"] = "Ada",
            ["companyname"] = company,
            ["budgetamount"] = new Money(1000m),
            ["purchasetimeframe"] = new OptionSetValue(1),
            ["purchaseprocess"] = new OptionSetValue(1),
        };
        if (existingAccount is not null)
        {
            lead["parentaccountid"] = existingAccount;
        }

        if (omit is not null)
        {
            lead.Attributes.Remove(omit);
        }

        return new EntityReference("lead", Service.Create(lead));
    }

    /// <summary>An active account named <paramref name="name"/>.</summary>
    public EntityReference CreateAccount(string name) => new("account", Service.Create(new Entity("account") { ["name"] = name }));

    /// <summary>Qualifies the lead through QualifyLead; returns the opportunity or null.</summary>
    public EntityReference? Qualify(EntityReference lead, bool createOpportunity)
    {
        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = lead,
            CreateAccount = true,
            CreateContact = true,
            CreateOpportunity = createOpportunity,
            Status = new OptionSetValue(-1),
        });
        return response.CreatedEntities.FirstOrDefault(r => r.LogicalName == "opportunity");
    }

    /// <summary>The record's only process instance row.</summary>
    public Entity Instance(EntityReference lead) =>
        Emulator.All("leadtoopportunitysalesprocess").Single(i => i.GetAttributeValue<EntityReference>("leadid")?.Id == lead.Id);

    /// <summary>The stage name of the lead's process instance.</summary>
    public string ActiveStage(EntityReference lead)
    {
        var stageId = Instance(lead).GetAttributeValue<EntityReference>("activestageid").Id;
        return Emulator.Get("processstage", stageId)!.GetAttributeValue<string>("stagename");
    }

    public Guid CreateUser(int language) => Emulator.CreateUser("Grace", language == German ? "Hopper-De" : "Hopper", language, roles: ["Salesperson"]);

    public WorkflowRunResult Run(string activity, IReadOnlyDictionary<string, object?>? inputs = null, EntityReference? primary = null, Guid? userId = null) =>
        Emulator.RunActivity(ShippedWorkflows.Create(activity), new WorkflowRunOptions
        {
            Inputs = inputs ?? new Dictionary<string, object?>(),
            PrimaryEntity = primary,
            UserId = userId,
        });

    /// <summary>Row counts of the tables an activity may write, to show that nothing changed.</summary>
    public string Snapshot() => string.Join(
        ";",
        new[] { "lead", "account", "contact", "opportunity", "leadtoopportunitysalesprocess" }.Select(t =>
            t + "=" + string.Join(",", Emulator.All(t).Select(r => r.Id + "/" + r.GetAttributeValue<long>("versionnumber")))));
}
