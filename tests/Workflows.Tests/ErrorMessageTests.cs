using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>Every user error of the activities, in the language of the user who runs the process.</summary>
[TestClass]
public sealed class ErrorMessageTests
{
    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void AdvanceProcessStage_LeadWithoutProcess_ThrowsNoProcess(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead(withProcess: false);

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead }, userId: user));

        Assert.AreEqual(Message(language, "NoProcess"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void AdvanceProcessStage_UnknownStageName_ThrowsUnknownStage(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Negotiate" }, userId: user));

        Assert.AreEqual(Message(language, "UnknownStage", "Negotiate"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void AdvanceProcessStage_StageTwoAhead_ThrowsStageTooFarAhead(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Opportunity"] = opportunity, ["TargetStageName"] = "Close" }, userId: user));

        Assert.AreEqual(Message(language, "StageTooFarAhead", "Close", "Develop"), exception.Message);
        Assert.AreEqual("Develop", support.ActiveStage(lead));
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void AdvanceProcessStage_OpenLeadToOpportunityStage_ThrowsStageNeedsOpportunity(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead }, userId: user));

        Assert.AreEqual(Message(language, "StageNeedsOpportunity", "Develop"), exception.Message);
        Assert.AreEqual("Qualify", support.ActiveStage(lead));
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void AdvanceProcessStage_PrimaryEntityNotLeadOrOpportunity_ThrowsRecordNotSupported(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var account = new EntityReference("account", support.Service.Create(new Entity("account") { ["name"] = "Fabrikam" }));

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(AdvanceProcessStage, primary: account, userId: user));

        Assert.AreEqual(Message(language, "RecordNotSupported"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void CompleteLeadProcess_NullLead_ThrowsLeadRequired(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = null }, userId: user));

        Assert.AreEqual(Message(language, "LeadRequired"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void QualifyLeadWithPolicy_NullLead_ThrowsLeadRequired(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = null }, userId: user));

        Assert.AreEqual(Message(language, "LeadRequired"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void CompleteLeadProcess_OpenLead_ThrowsLeadNotQualified(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead }, userId: user));

        Assert.AreEqual(Message(language, "LeadNotQualified"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void CompleteLeadProcess_QualifiedLeadWithoutProcess_ThrowsNoProcess(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead(withProcess: false);
        support.Qualify(lead, createOpportunity: false);

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(CompleteLeadProcess, new Dictionary<string, object?> { ["Lead"] = lead }, userId: user));

        Assert.AreEqual(Message(language, "NoProcess"), exception.Message);
    }

    [TestMethod]
    [DataRow(TestSupport.English)]
    [DataRow(TestSupport.German)]
    public void QualifyLeadWithPolicy_AlreadyQualifiedLead_ThrowsUnexpected(int language)
    {
        var support = new TestSupport();
        var user = support.CreateUser(language);
        var lead = support.CreateLead();
        support.Qualify(lead, createOpportunity: false);

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead }, userId: user));

        Assert.AreEqual(Message(language, "Unexpected"), exception.Message);
        Assert.IsInstanceOfType<System.ServiceModel.FaultException<OrganizationServiceFault>>(exception.InnerException);
    }
}
