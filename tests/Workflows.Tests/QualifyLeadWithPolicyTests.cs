using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

[TestClass]
public sealed class QualifyLeadWithPolicyTests
{
    [TestMethod]
    public void QualifyLeadWithPolicy_DefaultFlags_CreatesAndReturnsAllThreeRecords()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();

        var result = support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead });

        var account = result.Output<EntityReference>("Account");
        var contact = result.Output<EntityReference>("Contact");
        var opportunity = result.Output<EntityReference>("Opportunity");
        Assert.IsNotNull(account);
        Assert.IsNotNull(contact);
        Assert.IsNotNull(opportunity);
        Assert.AreEqual(account.Id, support.Emulator.All("account").Single().Id);
        Assert.AreEqual(contact.Id, support.Emulator.All("contact").Single().Id);
        Assert.AreEqual(lead.Id, support.Emulator.Get("opportunity", opportunity.Id)!.GetAttributeValue<EntityReference>("originatingleadid").Id);
        Assert.AreEqual(1, support.Emulator.Get("lead", lead.Id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_CreateOpportunityFalse_ReturnsNoOpportunity()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();

        var result = support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead, ["CreateOpportunity"] = false });

        Assert.IsNull(result.Output<EntityReference>("Opportunity"));
        Assert.IsNotNull(result.Output<EntityReference>("Account"));
        Assert.IsEmpty(support.Emulator.All("opportunity"));
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_DefaultAttributes_AreAppliedByTheHost()
    {
        var activity = Create(QualifyLeadWithPolicy);

        var defaults = WorkflowHost.DefaultInputs(activity);

        Assert.HasCount(3, defaults);
        Assert.IsTrue(defaults.Values.All(v => v is true));
        Assert.IsTrue(defaults.ContainsKey("CreateAccount") && defaults.ContainsKey("CreateContact") && defaults.ContainsKey("CreateOpportunity"));
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_SecondRun_FailsWithUnexpectedMessageAndChangesNothing()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var inputs = new Dictionary<string, object?> { ["Lead"] = lead };
        support.Run(QualifyLeadWithPolicy, inputs);
        var before = support.Snapshot();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => support.Run(QualifyLeadWithPolicy, inputs));

        Assert.AreEqual(Message(TestSupport.English, "Unexpected"), exception.Message);
        Assert.AreEqual(before, support.Snapshot());
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_MissingLeadInput_ThrowsArgumentException()
    {
        var support = new TestSupport();

        Assert.ThrowsExactly<ArgumentException>(() => support.Run(QualifyLeadWithPolicy));

        Assert.IsFalse(support.Emulator.Workflows.LastRun!.Succeeded);
    }
}
