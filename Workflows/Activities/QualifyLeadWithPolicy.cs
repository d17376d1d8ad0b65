using System.Activities;
using System.Linq;
using LeadQualifyExtensions.Workflows.Registration;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Workflows.Activities;

/// <summary>
/// Qualifies a lead from a process through the QualifyLead message, so the same server-side policy applies as
/// for a seller, and reports the account, contact and opportunity that were created or reused.
/// </summary>
/// <remarks>
/// The flags default to true: with the policy's "asRequested" mode that is the "create records automatically"
/// experience, and "never" or "always" in the policy still decide over them.
/// </remarks>
[WorkflowActivity("Qualify lead with policy", Description = "Qualifies the lead with the lead qualification policy and returns the account, contact and opportunity it created or reused.")]
public sealed class QualifyLeadWithPolicy : LeadQualificationActivity
{
    /// <summary>Status value that asks the platform for the state's default status (Qualified).</summary>
    private const int DefaultStatus = -1;

    /// <summary>The lead to qualify.</summary>
    [RequiredArgument]
    [Input("Lead")]
    [ReferenceTarget(Plugins.Model.Lead.EntityName)]
    public InArgument<EntityReference> Lead { get; set; } = new();

    /// <summary>Create an account from the lead.</summary>
    // Stryker disable once Boolean : equivalent in Dataverse: the process designer binds every input, filling [Default], so the initializer is never what the activity reads.
    [Input("Create account")]
    [Default("True")]
    public InArgument<bool> CreateAccount { get; set; } = new(true);

    /// <summary>Create a contact from the lead.</summary>
    // Stryker disable once Boolean : equivalent in Dataverse: the process designer binds every input, filling [Default], so the initializer is never what the activity reads.
    [Input("Create contact")]
    [Default("True")]
    public InArgument<bool> CreateContact { get; set; } = new(true);

    /// <summary>Create an opportunity from the lead.</summary>
    // Stryker disable once Boolean : equivalent in Dataverse: the process designer binds every input, filling [Default], so the initializer is never what the activity reads.
    [Input("Create opportunity")]
    [Default("True")]
    public InArgument<bool> CreateOpportunity { get; set; } = new(true);

    /// <summary>The account created or reused; empty when none.</summary>
    [Output("Account")]
    [ReferenceTarget(Plugins.Model.Account.EntityName)]
    public OutArgument<EntityReference> Account { get; set; } = new();

    /// <summary>The contact created or reused; empty when none.</summary>
    [Output("Contact")]
    [ReferenceTarget(Plugins.Model.Contact.EntityName)]
    public OutArgument<EntityReference> Contact { get; set; } = new();

    /// <summary>The opportunity created; empty when none.</summary>
    [Output("Opportunity")]
    [ReferenceTarget(Plugins.Model.Opportunity.EntityName)]
    public OutArgument<EntityReference> Opportunity { get; set; } = new();

    /// <inheritdoc />
    protected override void Run(ActivityRun run)
    {
        var context = run.ActivityContext;
        var lead = Lead.Get(context) ?? throw run.UserError(ActivityTexts.LeadRequired);

        var response = (QualifyLeadResponse)run.Service.Execute(new QualifyLeadRequest
        {
            LeadId = lead,
            CreateAccount = CreateAccount.Get(context),
            CreateContact = CreateContact.Get(context),
            CreateOpportunity = CreateOpportunity.Get(context),
            Status = new OptionSetValue(DefaultStatus),
        });

        // Reused records are not in CreatedEntities; the policy names them on the lead.
        var qualified = run.Service.Retrieve(lead.LogicalName, lead.Id, new ColumnSet(
            Plugins.Model.Lead.Fields.ParentAccountId,
            Plugins.Model.Lead.Fields.ParentContactId,
            Plugins.Model.Lead.Fields.QualifyingOpportunityId));
        var created = response.CreatedEntities;
        Account.Set(context, Created(created, Plugins.Model.Account.EntityName) ?? qualified.GetAttributeValue<EntityReference>(Plugins.Model.Lead.Fields.ParentAccountId));
        Contact.Set(context, Created(created, Plugins.Model.Contact.EntityName) ?? qualified.GetAttributeValue<EntityReference>(Plugins.Model.Lead.Fields.ParentContactId));
        Opportunity.Set(context, Created(created, Plugins.Model.Opportunity.EntityName) ?? qualified.GetAttributeValue<EntityReference>(Plugins.Model.Lead.Fields.QualifyingOpportunityId));
        run.Trace.Trace("Qualified; created {0} record(s).", created.Count);
    }

    private static EntityReference? Created(EntityReferenceCollection created, string table) =>
        created.FirstOrDefault(reference => reference.LogicalName == table);
}
