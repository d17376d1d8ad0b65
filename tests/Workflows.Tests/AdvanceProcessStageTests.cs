using System.Collections.Generic;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

[TestClass]
public sealed class AdvanceProcessStageTests
{
    [TestMethod]
    public void AdvanceProcessStage_OpportunityWithTargetStage_MovesAndReportsStage()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;

        var result = support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" });

        Assert.IsTrue(result.Output<bool>("Moved"));
        Assert.AreEqual("Propose", result.Output<string>("ActiveStageName"));
        Assert.AreEqual("Propose", support.ActiveStage(lead));
    }

    [TestMethod]
    public void AdvanceProcessStage_SameTargetTwice_SecondRunDoesNotMove()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        var inputs = new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" };
        support.Run(AdvanceProcessStage, inputs);
        var pathAfterFirst = support.Instance(lead).GetAttributeValue<string>("traversedpath");

        var second = support.Run(AdvanceProcessStage, inputs);

        Assert.IsFalse(second.Output<bool>("Moved"));
        Assert.AreEqual("Propose", second.Output<string>("ActiveStageName"));
        Assert.AreEqual(pathAfterFirst, support.Instance(lead).GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void AdvanceProcessStage_NoTargetOnLastStage_DoesNotMove()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity });
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity });

        var result = support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity });

        Assert.IsFalse(result.Output<bool>("Moved"));
        Assert.AreEqual("Close", result.Output<string>("ActiveStageName"));
        Assert.AreEqual("Close", support.ActiveStage(lead));
    }

    [TestMethod]
    public void AdvanceProcessStage_EarlierTargetStage_MovesBackAndCutsPath()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Propose" });

        var result = support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "develop" });

        Assert.IsTrue(result.Output<bool>("Moved"));
        Assert.AreEqual("Develop", result.Output<string>("ActiveStageName"));
        Assert.HasCount(2, support.Instance(lead).GetAttributeValue<string>("traversedpath").Split(','));
    }

    [TestMethod]
    public void AdvanceProcessStage_NoRecordInputs_UsesPrimaryEntity()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;

        var result = support.Run(AdvanceProcessStage, primary: opportunity);

        Assert.IsTrue(result.Output<bool>("Moved"));
        Assert.AreEqual("Propose", result.Output<string>("ActiveStageName"));
        Assert.AreEqual("Propose", support.ActiveStage(lead));
    }

    [TestMethod]
    public void AdvanceProcessStage_LeadInputOnQualifyStage_ReportsQualifyWhenTargetIsQualify()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();

        var result = support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Qualify" });

        Assert.IsFalse(result.Output<bool>("Moved"));
        Assert.AreEqual("Qualify", result.Output<string>("ActiveStageName"));
    }
}
