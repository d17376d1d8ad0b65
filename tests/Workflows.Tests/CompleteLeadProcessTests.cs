using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

[TestClass]
public sealed class CompleteLeadProcessTests
{
    [TestMethod]
    public void CompleteLeadProcess_QualifiedWithoutOpportunity_EndsProcessAsAborted()
    {
        // Issue 20 item 5: a process is Finished only on its last stage; on Qualify it can only be aborted.
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);

        support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        var instance = support.Instance(lead);
        Assert.AreEqual(1, instance.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(3, instance.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void CompleteLeadProcess_SecondRun_ChangesNothing()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);
        var inputs = new Dictionary<string, object?> { ["Lead"] = lead };
        support.Run(CompleteLeadProcess, inputs);
        var before = support.Snapshot();

        var second = support.Run(CompleteLeadProcess, inputs);

        Assert.AreEqual(before, support.Snapshot());
        Assert.Contains("already finished", second.Trace.Text);
    }

    [TestMethod]
    public void CompleteLeadProcess_ProcessAbortedByUser_StaysAborted()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);
        var aborted = support.Instance(lead);
        support.Emulator.GetOrganizationService().Update(new Entity(aborted.LogicalName, aborted.Id)
        {
            ["statecode"] = new OptionSetValue(1),
            ["statuscode"] = new OptionSetValue(3),
        });
        var before = support.Snapshot();

        var run = support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual(before, support.Snapshot());
        Assert.AreEqual(3, support.Instance(lead).GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Contains("already finished or aborted", run.Trace.Text);
    }

    [TestMethod]
    public void CompleteLeadProcess_QualifiedWithOpportunityAlreadyAtDevelop_ChangesNothing()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: true);
        var before = support.Snapshot();

        var result = support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual(before, support.Snapshot());
        Assert.AreEqual("Develop", support.ActiveStage(lead));
        Assert.Contains("already on the opportunity", result.Trace.Text);
    }

    [TestMethod]
    public void CompleteLeadProcess_ProcessMovedBackToQualify_CarriesItToDevelop()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Qualify" });

        support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual("Develop", support.ActiveStage(lead));
        Assert.AreEqual(opportunity.Id, support.Instance(lead).GetAttributeValue<EntityReference>("opportunityid").Id);
    }
}
