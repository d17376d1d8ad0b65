using System;
using System.Activities;
using LeadQualifyExtensions.Workflows.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Workflows.Activities;

/// <summary>
/// Moves a record's Lead to Opportunity process to the next stage, or to a named stage that is next or behind,
/// because the platform leaves the process stuck on Qualify when nothing moves it.
/// </summary>
/// <remarks>
/// The designer needs one table per record input, so the record is given as Lead or Opportunity; when both are
/// empty the process's own record is used. Naming the stage makes the step safe to run twice.
/// </remarks>
[WorkflowActivity("Advance process stage", Description = "Moves the Lead to Opportunity business process to the next stage or to a named earlier or next stage.")]
public sealed class AdvanceProcessStage : LeadQualificationActivity
{
    /// <summary>The lead whose process moves.</summary>
    [Input("Lead")]
    [ReferenceTarget(Plugins.Model.Lead.EntityName)]
    public InArgument<EntityReference> Lead { get; set; } = new();

    /// <summary>The opportunity whose process moves.</summary>
    [Input("Opportunity")]
    [ReferenceTarget(Plugins.Model.Opportunity.EntityName)]
    public InArgument<EntityReference> Opportunity { get; set; } = new();

    /// <summary>The stage to move to; empty means the next stage.</summary>
    [Input("Target stage name")]
    public InArgument<string> TargetStageName { get; set; } = new();

    /// <summary>The stage the process is on afterwards.</summary>
    [Output("Active stage name")]
    public OutArgument<string> ActiveStageName { get; set; } = new();

    /// <summary>True when the step changed the active stage.</summary>
    [Output("Moved")]
    public OutArgument<bool> Moved { get; set; } = new();

    /// <inheritdoc />
    protected override void Run(ActivityRun run)
    {
        var record = Lead.Get(run.ActivityContext) ?? Opportunity.Get(run.ActivityContext) ?? PrimaryRecord(run);
        var flow = ProcessFlow.Read(run.Service, record) ?? throw run.UserError(ActivityTexts.NoProcess);
        var target = TargetIndex(run, flow, TargetStageName.Get(run.ActivityContext));

        if (target == flow.ActiveIndex)
        {
            run.Trace.Trace("Not moved: already on stage {0}.", flow.StageName(target));
            Report(run, flow.StageName(target), moved: false);
            return;
        }

        if (flow.IsOpportunityStage(target) && !flow.HasOpportunity)
        {
            throw run.UserError(ActivityTexts.StageNeedsOpportunity, flow.StageName(target));
        }

        flow.MoveTo(run.Service, target);
        run.Trace.Trace("Moved from stage {0} to {1}.", flow.StageName(flow.ActiveIndex), flow.StageName(target));
        Report(run, flow.StageName(target), moved: true);
    }

    private static EntityReference PrimaryRecord(ActivityRun run)
    {
        var table = run.Workflow.PrimaryEntityName;
        if (run.Workflow.PrimaryEntityId == Guid.Empty
            || (table != Plugins.Model.Lead.EntityName && table != Plugins.Model.Opportunity.EntityName))
        {
            throw run.UserError(ActivityTexts.RecordNotSupported);
        }

        return new EntityReference(table, run.Workflow.PrimaryEntityId);
    }

    private static int TargetIndex(ActivityRun run, ProcessFlow flow, string? stageName)
    {
        if (string.IsNullOrWhiteSpace(stageName))
        {
            // Without a name the step moves one stage on; on the last stage there is nowhere to go.
            return Math.Min(flow.ActiveIndex + 1, flow.Path.Count - 1);
        }

        var index = flow.IndexOf(stageName!);
        if (index < 0)
        {
            throw run.UserError(ActivityTexts.UnknownStage, stageName!);
        }

        if (index > flow.ActiveIndex + 1)
        {
            throw run.UserError(ActivityTexts.StageTooFarAhead, flow.StageName(index), flow.StageName(flow.ActiveIndex));
        }

        return index;
    }

    private void Report(ActivityRun run, string stageName, bool moved)
    {
        ActiveStageName.Set(run.ActivityContext, stageName);
        Moved.Set(run.ActivityContext, moved);
    }
}
