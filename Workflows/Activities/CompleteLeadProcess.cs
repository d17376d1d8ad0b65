using System.Activities;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Workflows.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Workflows.Activities;

/// <summary>
/// Brings a qualified lead's process to its proper end: ended when the lead produced no opportunity (the platform
/// leaves it on Qualify, where it can only be aborted: a process is finished only on its last stage), or carried to
/// the opportunity at Develop when it did.
/// </summary>
[WorkflowActivity("Complete lead process", Description = "Ends the process of a lead qualified without an opportunity, or moves it to the opportunity's Develop stage.")]
public sealed class CompleteLeadProcess : LeadQualificationActivity
{
    /// <summary>The qualified lead.</summary>
    [RequiredArgument]
    [Input("Lead")]
    [ReferenceTarget(Plugins.Model.Lead.EntityName)]
    public InArgument<EntityReference> Lead { get; set; } = new();

    /// <inheritdoc />
    protected override void Run(ActivityRun run)
    {
        var lead = Lead.Get(run.ActivityContext) ?? throw run.UserError(ActivityTexts.LeadRequired);
        var row = run.Service.Retrieve(lead.LogicalName, lead.Id, new ColumnSet(
            Plugins.Model.Lead.Fields.StateCode,
            Plugins.Model.Lead.Fields.QualifyingOpportunityId));
        if (row.GetAttributeValue<OptionSetValue>(Plugins.Model.Lead.Fields.StateCode)?.Value != (int)LeadState.Qualified)
        {
            throw run.UserError(ActivityTexts.LeadNotQualified);
        }

        var flow = ProcessFlow.Read(run.Service, lead) ?? throw run.UserError(ActivityTexts.NoProcess);
        var opportunity = row.GetAttributeValue<EntityReference>(Plugins.Model.Lead.Fields.QualifyingOpportunityId) ?? OriginatedOpportunity(run, lead);
        if (opportunity is null)
        {
            if (flow.IsClosed)
            {
                run.Trace.Trace("Not changed: the process is already finished or aborted.");
                return;
            }

            var status = flow.End(run.Service);
            run.Trace.Trace("Ended the process of a lead qualified without an opportunity: {0}.", status);
            return;
        }

        var develop = flow.IndexOf(LeadToOpportunitySalesProcess.Stages.Develop);
        // Stryker disable once all : equivalent: Develop is never the first stage of the Lead to Opportunity process and is always on its path, so neither "<= 0" nor the refusal can be reached differently.
        if (develop < 0)
        {
            throw run.UserError(ActivityTexts.NoProcess);
        }

        if (flow.HasOpportunity && flow.ActiveIndex >= develop)
        {
            run.Trace.Trace("Not changed: the process is already on the opportunity at {0}.", flow.StageName(flow.ActiveIndex));
            return;
        }

        flow.MoveTo(run.Service, develop, opportunity);
        run.Trace.Trace("Carried the process to the opportunity at Develop.");
    }

    private static EntityReference? OriginatedOpportunity(ActivityRun run, EntityReference lead)
    {
        // Stryker disable once all : equivalent: only the row's id is used, so no columns, all columns or more than one row give the same answer.
        var query = new QueryExpression(Opportunity.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(Opportunity.Fields.OriginatingLeadId, ConditionOperator.Equal, lead.Id);
        return run.Service.RetrieveMultiple(query).Entities.FirstOrDefault()?.ToEntityReference();
    }
}
