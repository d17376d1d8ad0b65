using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>Issue 22: the process moves the mutation run found untested (beyond Develop, back to the first stage, no path yet).</summary>
[TestClass]
public sealed class ProcessFlowGapTests
{
    private const string QualifyStageId = "f99b4d48-7aad-456e-864a-8e7d543f7495";

    [TestMethod]
    public void CompleteLeadProcess_ProcessAlreadyBeyondDevelop_LeavesItThere()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" });
        var before = support.Snapshot();

        var result = support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual(before, support.Snapshot());
        Assert.AreEqual("Propose", support.ActiveStage(lead));
        Assert.Contains("already on the opportunity at Propose", result.Trace.Text);
    }

    [TestMethod]
    public void AdvanceProcessStage_BackToTheFirstStage_CutsThePathToIt()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: true);

        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Qualify" });

        Assert.AreEqual("Qualify", support.ActiveStage(lead));
        Assert.AreEqual(QualifyStageId, support.Instance(lead).GetAttributeValue<string>("traversedpath"), ignoreCase: true);
    }

    [TestMethod]
    public void AdvanceProcessStage_InstanceWithoutPath_WritesOnlyStageIds()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        var instance = support.Instance(lead);
        support.Emulator.GetOrganizationService().Update(new Entity(instance.LogicalName, instance.Id) { ["traversedpath"] = null! });

        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" });

        var path = support.Instance(lead).GetAttributeValue<string>("traversedpath").Split(',');
        Assert.IsTrue(path.All(id => Guid.TryParse(id, out _)), string.Join(",", path));
        Assert.AreEqual("Propose", support.ActiveStage(lead));
    }
}
