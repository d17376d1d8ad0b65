using System;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// What the pre-operation step tells the post-operation step, carried in SharedVariables as plain serializable
/// values (Guid, string, bool, int, decimal) so the post step needs no second read of the lead or the policy.
/// </summary>
public sealed class QualificationHandoff
{
    private const string Prefix = "lqx.qualify.";
    private const string PlanKey = Prefix + "plan";
    private const string LinkedAccountKey = Prefix + "linkedAccountId";
    private const string LinkedContactKey = Prefix + "linkedContactId";
    private const string LeadAccountKey = Prefix + "leadAccountId";
    private const string LeadContactKey = Prefix + "leadContactId";
    private const string CustomerIdKey = Prefix + "customerId";
    private const string CustomerTableKey = Prefix + "customerTable";
    private const string FinishProcessKey = Prefix + "finishProcess";
    private const string SetQualifyingOpportunityKey = Prefix + "setQualifyingOpportunity";
    private const string BudgetAmountKey = Prefix + "budgetamount";
    private const string PurchaseTimeframeKey = Prefix + "purchasetimeframe";
    private const string PurchaseProcessKey = Prefix + "purchaseprocess";
    private const string DecisionMakerKey = Prefix + "decisionmaker";
    private const string NeedKey = Prefix + "need";
    private const string OpportunityShapedKey = Prefix + "opportunityShaped";
    private const string AccountCreatedKey = Prefix + "accountCreated";
    private const string ContactCreatedKey = Prefix + "contactCreated";

    /// <summary>The account reused or matched in place of creating one.</summary>
    public Guid? LinkedAccountId { get; set; }

    /// <summary>The contact reused or matched in place of creating one.</summary>
    public Guid? LinkedContactId { get; set; }

    /// <summary>The lead's parentaccountid before qualifying.</summary>
    public Guid? LeadAccountId { get; set; }

    /// <summary>The lead's parentcontactid before qualifying.</summary>
    public Guid? LeadContactId { get; set; }

    /// <summary>The opportunity's customer as decided or given by the caller; null when the platform chooses.</summary>
    public EntityReference? Customer { get; set; }

    /// <summary>Finish the lead's process instance.</summary>
    public bool FinishProcess { get; set; }

    /// <summary>The lead had no qualifyingopportunityid.</summary>
    public bool SetQualifyingOpportunity { get; set; }

    /// <summary>The lead's budgetamount.</summary>
    public decimal? BudgetAmount { get; set; }

    /// <summary>The lead's purchasetimeframe.</summary>
    public int? PurchaseTimeframe { get; set; }

    /// <summary>The lead's purchaseprocess.</summary>
    public int? PurchaseProcess { get; set; }

    /// <summary>The lead's decisionmaker.</summary>
    public bool? DecisionMaker { get; set; }

    /// <summary>The lead's need.</summary>
    public int? Need { get; set; }

    /// <summary>QualifyLead creates the account (the plan's final CreateAccount).</summary>
    public bool AccountCreated { get; set; }

    /// <summary>QualifyLead creates the contact (the plan's final CreateContact).</summary>
    public bool ContactCreated { get; set; }

    /// <summary>The opportunity's Create was already given these values in its pre-operation step.</summary>
    public bool OpportunityShaped { get; set; }

    /// <summary>
    /// The shared variables of the QualifyLead operation that <paramref name="context"/> runs inside (itself or an
    /// ancestor through ParentContext) and whose pre-operation step left a hand-off; null when there is none.
    /// </summary>
    public static ParameterCollection? FindQualifyLeadVariables(IPluginExecutionContext context)
    {
        for (var current = context; current is not null; current = current.ParentContext)
        {
            if (string.Equals(current.MessageName, MessageNames.QualifyLead, StringComparison.Ordinal)
                && current.SharedVariables is { } shared && shared.ContainsKey(PlanKey))
            {
                return shared;
            }
        }

        return null;
    }

    /// <summary>
    /// Notes in the QualifyLead operation's shared variables that the opportunity got its values at creation, so the
    /// post-operation step does not update it again. Where the platform does not carry this back, that step updates it
    /// as before: the shaping saves a call, it is never needed for the outcome.
    /// </summary>
    public static void MarkOpportunityShaped(ParameterCollection shared)
    {
        if (shared is null)
        {
            throw new ArgumentNullException(nameof(shared));
        }

        shared[OpportunityShapedKey] = true;
    }

    /// <summary>Builds the hand-off from the plan, the request and the lead as read before qualifying.</summary>
    public static QualificationHandoff Create(QualificationPlan plan, QualificationRequest request, Entity lead) => new()
    {
        LinkedAccountId = plan.LinkedAccount?.Id,
        LinkedContactId = plan.LinkedContact?.Id,
        LeadAccountId = lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentAccountId)?.Id,
        LeadContactId = lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentContactId)?.Id,
        Customer = plan.OpportunityCustomer ?? request.OpportunityCustomer,
        FinishProcess = plan.FinishProcess,
        AccountCreated = plan.CreateAccount,
        ContactCreated = plan.CreateContact,
        SetQualifyingOpportunity = lead.GetAttributeValue<EntityReference>(Lead.Fields.QualifyingOpportunityId) is null,
        BudgetAmount = lead.GetAttributeValue<Money>(Lead.Fields.BudgetAmount)?.Value,
        PurchaseTimeframe = lead.GetAttributeValue<OptionSetValue>(Lead.Fields.PurchaseTimeframe)?.Value,
        PurchaseProcess = lead.GetAttributeValue<OptionSetValue>(Lead.Fields.PurchaseProcess)?.Value,
        DecisionMaker = lead.GetAttributeValue<bool?>(Lead.Fields.DecisionMaker),
        Need = lead.GetAttributeValue<OptionSetValue>(Lead.Fields.Need)?.Value,
    };

    /// <summary>Reads the hand-off, or null when the pre-operation step left none.</summary>
    public static QualificationHandoff? ReadFrom(ParameterCollection shared)
    {
        if (!shared.ContainsKey(PlanKey))
        {
            return null;
        }

        var customerId = Get<Guid?>(shared, CustomerIdKey);
        var customerTable = Get<string>(shared, CustomerTableKey);
        return new QualificationHandoff
        {
            LinkedAccountId = Get<Guid?>(shared, LinkedAccountKey),
            LinkedContactId = Get<Guid?>(shared, LinkedContactKey),
            LeadAccountId = Get<Guid?>(shared, LeadAccountKey),
            LeadContactId = Get<Guid?>(shared, LeadContactKey),
            Customer = customerId is { } id && customerTable is not null ? new EntityReference(customerTable, id) : null,
            FinishProcess = Get<bool?>(shared, FinishProcessKey) ?? false,
            SetQualifyingOpportunity = Get<bool?>(shared, SetQualifyingOpportunityKey) ?? false,
            BudgetAmount = Get<decimal?>(shared, BudgetAmountKey),
            PurchaseTimeframe = Get<int?>(shared, PurchaseTimeframeKey),
            PurchaseProcess = Get<int?>(shared, PurchaseProcessKey),
            DecisionMaker = Get<bool?>(shared, DecisionMakerKey),
            Need = Get<int?>(shared, NeedKey),
            OpportunityShaped = Get<bool?>(shared, OpportunityShapedKey) ?? false,
            AccountCreated = Get<bool?>(shared, AccountCreatedKey) ?? false,
            ContactCreated = Get<bool?>(shared, ContactCreatedKey) ?? false,
        };
    }

    /// <summary>Writes the hand-off; absent values are left out rather than stored as null.</summary>
    public void WriteTo(ParameterCollection shared)
    {
        // Stryker disable once Boolean : equivalent: the reader only asks whether the key is present.
        shared[PlanKey] = true;
        Put(shared, LinkedAccountKey, LinkedAccountId);
        Put(shared, LinkedContactKey, LinkedContactId);
        Put(shared, LeadAccountKey, LeadAccountId);
        Put(shared, LeadContactKey, LeadContactId);
        Put(shared, CustomerIdKey, Customer?.Id);
        Put(shared, CustomerTableKey, Customer?.LogicalName);
        shared[FinishProcessKey] = FinishProcess;
        shared[SetQualifyingOpportunityKey] = SetQualifyingOpportunity;
        shared[AccountCreatedKey] = AccountCreated;
        shared[ContactCreatedKey] = ContactCreated;
        Put(shared, BudgetAmountKey, BudgetAmount);
        Put(shared, PurchaseTimeframeKey, PurchaseTimeframe);
        Put(shared, PurchaseProcessKey, PurchaseProcess);
        Put(shared, DecisionMakerKey, DecisionMaker);
        Put(shared, NeedKey, Need);
    }

    private static void Put(ParameterCollection shared, string key, object? value)
    {
        if (value is not null)
        {
            shared[key] = value;
        }
    }

    private static T? Get<T>(ParameterCollection shared, string key) =>
        shared.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
