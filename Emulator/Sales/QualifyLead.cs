using System;
using LeadQualifyExtensions.Emulator.Sales.Bpf;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using P = LeadQualifyExtensions.Emulator.Sales.QualifyLeadParameters;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>
/// The core operation of QualifyLead (lead-semantics §2). Every write is a nested request through the dispatch point,
/// so account/contact/opportunity Create steps, the lead's Update steps and the BPF instance's Update steps fire at
/// depth + 1, all inside the QualifyLead transaction: a failure anywhere leaves nothing behind. No duplicate detection and
/// no copying of notes (UNCONFIRMED (U10), Sales README).
/// </summary>
internal static class QualifyLead
{
    /// <summary>Runs QualifyLead.</summary>
    public static OrganizationResponse Execute(ISalesContext context, OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var input = Read(context, request);
        var lead = context.Find("lead", input.Lead.Id) ?? throw Faults.RecordNotFound("lead", input.Lead.Id);
        if ((StateRules.StateOf(lead) ?? LeadStates.Open) != LeadStates.Open)
        {
            throw SalesFaults.LeadClosed();
        }

        var instance = ProcessInstance(context, input, lead.Id);
        var created = new EntityReferenceCollection();
        var parentAccount = lead.GetAttributeValue<EntityReference>("parentaccountid");
        var parentContact = lead.GetAttributeValue<EntityReference>("parentcontactid");

        EntityReference? account = null;
        // Create flags are honoured literally, also when the lead already has a parent account (UNCONFIRMED (U7)).
        if (input.CreateAccount)
        {
            account = Create(context, FromLead(lead, "account"), created);
        }

        EntityReference? contact = null;
        if (input.CreateContact)
        {
            var row = FromLead(lead, "contact");
            if ((account ?? parentAccount) is { } company)
            {
                row["parentcustomerid"] = Copy(company);
            }

            contact = Create(context, row, created);
        }

        if (account is not null && contact is not null)
        {
            // QualifyLeadRequest, Notes for Callers: the new contact becomes the new account's primary contact. The account
            // exists before the contact, so this is a nested Update (its steps fire at depth + 1).
            context.Execute(new UpdateRequest { Target = new Entity("account", account.Id) { ["primarycontactid"] = Copy(contact) } });
        }

        EntityReference? opportunity = null;
        if (input.CreateOpportunity)
        {
            var row = FromLead(lead, "opportunity");
            // Customer: OpportunityCustomerId, else new account, else new contact; currency likewise (UNCONFIRMED (U8)).
            if ((input.Customer ?? account ?? contact) is { } customer)
            {
                row["customerid"] = Copy(customer);
            }

            if (!row.Contains("parentaccountid") && account is not null)
            {
                row["parentaccountid"] = Copy(account);
            }

            if (!row.Contains("parentcontactid") && contact is not null)
            {
                row["parentcontactid"] = Copy(contact);
            }

            var currency = input.Currency ?? lead.GetAttributeValue<EntityReference>("transactioncurrencyid") ?? BaseCurrency(context);
            if (currency is not null)
            {
                row["transactioncurrencyid"] = Copy(currency);
            }

            if (input.Campaign is not null)
            {
                row["campaignid"] = Copy(input.Campaign); // the exact column is UNCONFIRMED (U9)
            }

            opportunity = Create(context, row, created);
        }

        if (opportunity is not null && instance is not null)
        {
            CarryProcess(context, instance, opportunity);
        }

        // One Update, not SetState (UNCONFIRMED (U4)): the dispatch runs it as two operations (links, then state) per the
        // Update split rule. Links written only when empty (UNCONFIRMED (U6)).
        var close = new Entity("lead", lead.Id)
        {
            [SalesNames.StateCode] = new OptionSetValue(LeadStates.Qualified),
            [SalesNames.StatusCode] = new OptionSetValue(input.Status),
        };
        if (parentAccount is null && account is not null)
        {
            close["parentaccountid"] = Copy(account);
        }

        if (parentContact is null && contact is not null)
        {
            close["parentcontactid"] = Copy(contact);
        }

        if (opportunity is not null)
        {
            close["qualifyingopportunityid"] = Copy(opportunity);
        }

        context.Execute(new UpdateRequest { Target = close });

        var response = new QualifyLeadResponse();
        response.Results[P.CreatedEntities] = created;
        return response;
    }

    /// <summary>
    /// The parameter check the dispatch point runs before any step: LeadId, the three Create flags and Status are required
    /// (QualifyLeadRequest reference: "Required"; the Web API action lists them as not nullable), each of its type; the
    /// optional references must be EntityReferences of their tables. Microsoft's typed QualifyLeadRequest pre-creates
    /// LeadId and the flags, so its WorkWithBPF call shape (LeadId, Status, CreateOpportunity) passes.
    /// </summary>
    public static void Validate(OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = request.RequestName ?? SalesNames.QualifyLead;
        Typed<EntityReference>(request, message, P.LeadId, required: true);
        Flag(request, message, P.CreateAccount);
        Flag(request, message, P.CreateContact);
        Flag(request, message, P.CreateOpportunity);
        StatusValue(request, message);
        foreach (var optional in new[] { P.OpportunityCustomerId, P.OpportunityCurrencyId, P.SourceCampaignId, P.ProcessInstanceId })
        {
            Typed<EntityReference>(request, message, optional, required: false);
        }
    }

    /// <summary>Presence and type only: values (ids, tables, existence) are the core operation's to check.</summary>
    private static void Typed<T>(OrganizationRequest request, string message, string name, bool required)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null)
        {
            if (required)
            {
                throw SalesFaults.MissingParameter(message, name);
            }
        }
        else if (value is not T)
        {
            throw SalesFaults.InvalidParameter(name, "expected " + typeof(T).Name + ".");
        }
    }

    private static Input Read(ISalesContext context, OrganizationRequest request)
    {
        var message = request.RequestName ?? SalesNames.QualifyLead;
        var lead = Reference(request, P.LeadId, required: true, "lead")!;
        var status = StatusValue(request, message);

        // Only statuses of state Qualified (or −1) are accepted; whether the platform takes Disqualified ones is UNCONFIRMED (U1).
        var table = Metadata.MetadataCatalog.Find("lead")!;
        var resolved = StateRules.ResolveStatus(table, LeadStates.Qualified, status);
        var customer = Reference(request, P.OpportunityCustomerId, required: false, "account", "contact");
        var currency = Reference(request, P.OpportunityCurrencyId, required: false, "transactioncurrency");
        var campaign = Reference(request, P.SourceCampaignId, required: false, "campaign");
        foreach (var reference in new[] { customer, currency, campaign })
        {
            if (reference is not null && context.Find(reference.LogicalName, reference.Id) is null)
            {
                throw Faults.RecordNotFound(reference.LogicalName, reference.Id);
            }
        }

        return new Input(
            lead, Flag(request, message, P.CreateAccount), Flag(request, message, P.CreateContact), Flag(request, message, P.CreateOpportunity),
            resolved, customer, currency, campaign, Reference(request, P.ProcessInstanceId, required: false));
    }

    private static Entity? ProcessInstance(ISalesContext context, Input input, Guid leadId)
    {
        Entity? instance;
        if (input.ProcessInstance is { } wanted)
        {
            instance = null;
            foreach (var candidate in BpfRules.InstancesFor(context, "lead", leadId))
            {
                if (candidate.Id == wanted.Id)
                {
                    instance = candidate;
                }
            }

            if (instance is null)
            {
                throw SalesFaults.InstanceNotFound(wanted.Id, "lead");
            }
        }
        else
        {
            instance = BpfRules.ActiveInstance(context, "lead", leadId);
        }

        if (instance is null || !input.CreateOpportunity)
        {
            return instance;
        }

        var definition = BpfCatalog.ForInstanceTable(instance.LogicalName)!;
        var stageId = instance.GetAttributeValue<EntityReference>(BpfRules.ActiveStage)?.Id ?? Guid.Empty;
        var index = definition.IndexOf(stageId);
        if (index < 0 || definition.Stages[index].Entity != "lead")
        {
            throw SalesFaults.ActiveStageNotOnLead();
        }

        return instance;
    }

    private static void CarryProcess(ISalesContext context, Entity instance, EntityReference opportunity)
    {
        var definition = BpfCatalog.ForInstanceTable(instance.LogicalName)!;
        var index = definition.IndexOf(instance.GetAttributeValue<EntityReference>(BpfRules.ActiveStage)!.Id);
        if (index + 1 >= definition.Stages.Count)
        {
            return;
        }

        var next = definition.Stages[index + 1];
        context.Execute(new UpdateRequest
        {
            Target = new Entity(instance.LogicalName, instance.Id)
            {
                [definition.Bindings["opportunity"]] = Copy(opportunity),
                [BpfRules.ActiveStage] = next.Reference(),
            },
        });
    }

    /// <summary>A new <paramref name="table"/> row mapped from the lead and linked back to it.</summary>
    private static Entity FromLead(Entity lead, string table)
    {
        var row = LeadAttributeMaps.Apply(lead, table);
        row["originatingleadid"] = new EntityReference("lead", lead.Id);
        return row;
    }

    /// <summary>Creates <paramref name="row"/> through the dispatch point and records it in CreatedEntities.</summary>
    private static EntityReference Create(ISalesContext context, Entity row, EntityReferenceCollection created)
    {
        var response = context.Execute(new CreateRequest { Target = row });
        var reference = new EntityReference(row.LogicalName, (Guid)response.Results["id"]);
        created.Add(reference);
        return reference;
    }

    private static EntityReference? BaseCurrency(ISalesContext context)
    {
        foreach (var organization in context.Rows("organization"))
        {
            return organization.GetAttributeValue<EntityReference>("basecurrencyid");
        }

        return null;
    }

    private static int StatusValue(OrganizationRequest request, string message)
    {
        if (!request.Parameters.TryGetValue(P.Status, out var raw) || raw is null)
        {
            throw SalesFaults.MissingParameter(message, P.Status);
        }

        return StateRules.OptionValue(raw) ?? throw SalesFaults.InvalidParameter(P.Status, "expected an OptionSetValue.");
    }

    private static bool Flag(OrganizationRequest request, string message, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null)
        {
            throw SalesFaults.MissingParameter(message, name);
        }

        return value is bool flag ? flag : throw SalesFaults.InvalidParameter(name, "expected a Boolean.");
    }

    private static EntityReference? Reference(OrganizationRequest request, string name, bool required, params string[] tables)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null)
        {
            return required ? throw SalesFaults.MissingParameter(request.RequestName ?? SalesNames.QualifyLead, name) : null;
        }

        if (value is not EntityReference reference)
        {
            throw SalesFaults.InvalidParameter(name, "expected an EntityReference.");
        }

        if (reference.Id == Guid.Empty)
        {
            // The Sales Hub sends empty objects ({}) for unused references; an empty id counts as absent unless required
            // (UNCONFIRMED (U2)).
            return required ? throw SalesFaults.MissingParameter(request.RequestName ?? SalesNames.QualifyLead, name) : null;
        }

        if (tables.Length > 0 && Array.IndexOf(tables, reference.LogicalName) < 0)
        {
            throw SalesFaults.InvalidParameter(name, SalesFaults.Format(
                "'{0}' is not allowed; expected {1}.", reference.LogicalName, string.Join(" or ", tables)));
        }

        return reference;
    }

    private static EntityReference Copy(EntityReference reference) => EntityCloner.CloneReference(reference);

    private sealed record Input(
        EntityReference Lead, bool CreateAccount, bool CreateContact, bool CreateOpportunity, int Status,
        EntityReference? Customer, EntityReference? Currency, EntityReference? Campaign, EntityReference? ProcessInstance);
}
