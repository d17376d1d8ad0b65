using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

/// <summary>A fresh emulator per test plus builders for the lead lifecycle.</summary>
internal sealed class SalesFixture
{
    public SalesFixture()
    {
        Emulator = new XrmEmulator();
        Service = Emulator.GetOrganizationService();
    }

    public XrmEmulator Emulator { get; }

    public IOrganizationService Service { get; }

    public Guid CreateLead(Action<Entity>? configure = null)
    {
        var lead = new Entity("lead")
        {
            ["firstname"] = "Ada",
            ["lastname"] = "Lovelace",
            ["subject"] = "Analytical engines",
            ["companyname"] = "Babbage Ltd",
            ["emailaddress1"] = "ada@example.com",
            ["jobtitle"] = "Analyst",
            ["description"] = "Met at the fair",
        };
        configure?.Invoke(lead);
        return Service.Create(lead);
    }

    public static QualifyLeadRequest Qualify(Guid leadId, bool account = true, bool contact = true, bool opportunity = true, int status = 3) => new()
    {
        LeadId = new EntityReference("lead", leadId),
        CreateAccount = account,
        CreateContact = contact,
        CreateOpportunity = opportunity,
        Status = new OptionSetValue(status),
    };

    public QualifyLeadResponse Execute(QualifyLeadRequest request) => (QualifyLeadResponse)Service.Execute(request);

    public Entity Row(string table, Guid id) => Emulator.Get(table, id) ?? throw new InvalidOperationException($"{table} {id} not found");

    public IReadOnlyList<Entity> All(string table) => Emulator.All(table);

    public Entity Instance(Guid leadId)
    {
        foreach (var row in All(LeadToOpportunityProcess.InstanceTable))
        {
            if (row.GetAttributeValue<EntityReference>("leadid")?.Id == leadId)
            {
                return row;
            }
        }

        throw new InvalidOperationException("no BPF instance for lead " + leadId);
    }

    public static int State(Entity row) => row.GetAttributeValue<OptionSetValue>("statecode").Value;

    public static int Status(Entity row) => row.GetAttributeValue<OptionSetValue>("statuscode").Value;

    public static EntityReference? Find(EntityReferenceCollection references, string table)
    {
        foreach (var reference in references)
        {
            if (reference.LogicalName == table)
            {
                return reference;
            }
        }

        return null;
    }
}
