using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>
/// Which opportunity CompleteLeadProcess carries a lead's process to, in an organization with more than one lead and
/// opportunity: the lead's qualifying opportunity first, else one that originated from this lead, never another
/// lead's (issue 22).
/// </summary>
[TestClass]
public sealed class CompleteLeadProcessOpportunityTests
{
    [TestMethod]
    public void CompleteLeadProcess_OnlyAnotherLeadHasAnOpportunity_EndsThisLeadsProcess()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var other = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);
        support.Qualify(other, createOpportunity: true);
        var otherInstance = support.Instance(other);

        support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        var instance = support.Instance(lead);
        Assert.AreEqual(1, instance.GetAttributeValue<OptionSetValue>("statecode").Value, "Ended, not carried to the other lead's opportunity.");
        Assert.IsNull(instance.GetAttributeValue<EntityReference>("opportunityid"));
        Assert.AreEqual(otherInstance.GetAttributeValue<long>("versionnumber"), support.Instance(other).GetAttributeValue<long>("versionnumber"));
    }

    [TestMethod]
    public void CompleteLeadProcess_OpportunityOriginatedFromTheLeadWithoutBeingItsQualifyingOne_CarriesTheProcessToIt()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);
        var originated = CreateOpportunity(support, "Follow-up", lead);

        support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual("Develop", support.ActiveStage(lead));
        Assert.AreEqual(originated.Id, support.Instance(lead).GetAttributeValue<EntityReference>("opportunityid").Id);
    }

    [TestMethod]
    public void CompleteLeadProcess_QualifyingOpportunityAndAnotherOriginatedOne_CarriesTheProcessToTheQualifyingOne()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var qualifying = support.Qualify(lead, createOpportunity: true)!;
        support.Service.Update(new Entity("opportunity", qualifying.Id) { ["originatingleadid"] = null! });
        CreateOpportunity(support, "Follow-up", lead);
        support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Qualify" });

        support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual("Develop", support.ActiveStage(lead));
        Assert.AreEqual(qualifying.Id, support.Instance(lead).GetAttributeValue<EntityReference>("opportunityid").Id);
    }

    private static EntityReference CreateOpportunity(TestSupport support, string name, EntityReference originatingLead) =>
        new("opportunity", support.Service.Create(new Entity("opportunity") { ["name"] = name, ["originatingleadid"] = originatingLead }));
}
