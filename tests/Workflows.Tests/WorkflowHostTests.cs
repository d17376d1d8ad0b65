using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>The workflow context, services, transaction and trace the emulator gives the shipped activities.</summary>
[TestClass]
public sealed class WorkflowHostTests
{
    [TestMethod]
    public void RunActivity_OnDemandBackground_ActivitySeesWorkflowMode0Depth1AndPrimaryEntity()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;

        var result = support.Emulator.RunActivity(Create(AdvanceProcessStage), primaryEntity: opportunity);

        Assert.Contains($"Entered AdvanceProcessStage: opportunity {opportunity.Id}, mode 0, depth 1", result.Trace.Text);
        Assert.AreEqual(0, result.Context.WorkflowMode);
        Assert.AreEqual(1, result.Context.Mode);
        Assert.IsFalse(result.Context.IsInTransaction);
        Assert.AreEqual(WorkflowContext.OnDemandMessage, result.Context.MessageName);
        Assert.AreEqual(0, result.Context.WorkflowCategory);
        Assert.AreNotEqual(Guid.Empty, result.Context.OperationId);
    }

    [TestMethod]
    public void RunActivity_RealTimeStartedByMessageAtDepth1_ActivitySeesWorkflowMode1Depth2()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        var options = new WorkflowRunOptions
        {
            PrimaryEntity = opportunity,
            Mode = WorkflowRunMode.RealTime,
            TriggeringMessage = "Update",
            TriggerDepth = 1,
        };

        var result = support.Emulator.RunActivity(Create(AdvanceProcessStage), options);

        Assert.Contains($"Entered AdvanceProcessStage: opportunity {opportunity.Id}, mode 1, depth 2", result.Trace.Text);
        Assert.AreEqual(0, result.Context.Mode);
        Assert.IsTrue(result.Context.IsInTransaction);
        Assert.AreEqual("Update", result.Context.MessageName);
        Assert.AreEqual(Guid.Empty, result.Context.OperationId);
    }

    [TestMethod]
    public void RunActivity_ContextUsersAndOrganization_AreThePlatformValues()
    {
        var support = new TestSupport();
        var user = support.CreateUser(TestSupport.English);
        var lead = support.CreateLead();

        var result = support.Run(AdvanceProcessStage, new Dictionary<string, object?> { ["Lead"] = lead, ["TargetStageName"] = "Qualify" }, userId: user);

        Assert.AreEqual(user, result.Context.UserId);
        Assert.AreEqual(user, result.Context.InitiatingUserId);
        Assert.AreEqual(support.Emulator.BusinessUnitId, result.Context.BusinessUnitId);
        Assert.AreEqual(support.Emulator.OrganizationId, result.Context.OrganizationId);
        Assert.AreEqual("Emulator", result.Context.OrganizationName);
        Assert.AreEqual(WorkflowContext.NoEntity, result.Context.PrimaryEntityName);
        Assert.IsEmpty(result.Context.PreEntityImages);
        Assert.IsEmpty(result.Context.PostEntityImages);
    }

    [TestMethod]
    [DataRow(0, 2)]
    [DataRow(1, 3)]
    public void RunActivity_PluginStepOnActivityWrite_FiresOneLevelDeeperThanTheProcess(int triggerDepth, int expectedPluginDepth)
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        var opportunity = support.Qualify(lead, createOpportunity: true)!;
        support.Emulator.RegisterStep<ProbePlugin>("Update", "leadtoopportunitysalesprocess");

        support.Emulator.RunActivity(Create(AdvanceProcessStage), new WorkflowRunOptions
        {
            PrimaryEntity = opportunity,
            Mode = WorkflowRunMode.RealTime,
            TriggeringMessage = triggerDepth == 0 ? null : "Update",
            TriggerDepth = triggerDepth,
        });

        var probe = support.Emulator.TraceLog.Entries.Single(e => e.Text.StartsWith("probe depth", StringComparison.Ordinal));
        Assert.AreEqual(expectedPluginDepth, probe.Depth);
        Assert.AreEqual("Update", probe.Message);
    }

    [TestMethod]
    [DataRow(WorkflowRunMode.Background)]
    [DataRow(WorkflowRunMode.RealTime)]
    public void RunActivity_ActivityFailsAfterItsWrites_RollsEverythingBack(WorkflowRunMode mode)
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Emulator.RegisterStep<ProbePlugin>("Create", "account");
        support.Emulator.RegisterStep<ProbePlugin>("Retrieve", "lead", PipelineStage.PostOperation, unsecureConfiguration: "fail");
        var before = support.Snapshot();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => support.Emulator.RunActivity(
            Create(QualifyLeadWithPolicy), new Dictionary<string, object?> { ["Lead"] = lead }, mode: mode));

        // The plug-in's refusal is for the user, so the activity passes it through.
        Assert.AreEqual(ProbePlugin.Refusal, exception.Message);
        Assert.IsTrue(support.Emulator.TraceLog.Entries.Any(e => e.Message == "Create" && e.PrimaryEntity == "account"), "QualifyLead wrote the account before the failure.");
        Assert.AreEqual(before, support.Snapshot());
        Assert.AreEqual(0, support.Emulator.Get("lead", lead.Id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual("Qualify", support.ActiveStage(lead));
    }

    [TestMethod]
    public void RunActivity_FailedRun_IsRecordedWithTraceAndError()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();
        support.Emulator.RegisterStep<ProbePlugin>("Retrieve", "lead", PipelineStage.PostOperation, unsecureConfiguration: "crash");

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead }));

        var run = support.Emulator.Workflows.LastRun!;
        Assert.IsFalse(run.Succeeded);
        Assert.AreSame(exception, run.Error);
        Assert.Contains("Unexpected error", run.Trace.Text);
        Assert.Contains("Exited QualifyLeadWithPolicy", run.Trace.Text);
        Assert.IsEmpty(run.Outputs);
    }

    [TestMethod]
    public void RunActivity_InitiatingUserSpeaksGerman_MessageIsGermanEvenWhenRunningAsAnotherUser()
    {
        var support = new TestSupport();
        var german = support.CreateUser(TestSupport.German);
        var lead = support.CreateLead();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => support.Emulator.RunActivity(
            Create(CompleteLeadProcess),
            new WorkflowRunOptions { Inputs = new Dictionary<string, object?> { ["Lead"] = lead }, InitiatingUserId = german }));

        Assert.AreEqual(Message(TestSupport.German, "LeadNotQualified"), exception.Message);
        Assert.AreEqual(support.Emulator.AdministratorId, support.Emulator.Workflows.LastRun!.Context.UserId);
    }

    [TestMethod]
    public void RunActivity_ByTypeName_RunsTheShippedActivity()
    {
        var support = new TestSupport();
        var lead = support.CreateLead();

        var result = support.Emulator.RunActivity(Assembly, "QualifyLeadWithPolicy", new WorkflowRunOptions
        {
            Inputs = new Dictionary<string, object?> { ["Lead"] = lead, ["CreateOpportunity"] = false },
        });

        Assert.AreEqual(QualifyLeadWithPolicy, result.ActivityType);
        Assert.IsNotNull(result.Output<EntityReference>("Contact"));
        Assert.HasCount(1, support.Emulator.Workflows.Runs);
    }

    [TestMethod]
    public void CreateActivity_UnknownTypeName_ThrowsArgumentException()
    {
        var assembly = Assembly;

        Assert.ThrowsExactly<ArgumentException>(() => WorkflowHost.CreateActivity(assembly, "NoSuchActivity"));
    }

    [TestMethod]
    public void CreateActivity_AbstractBase_ThrowsArgumentException()
    {
        var assembly = Assembly;

        Assert.ThrowsExactly<ArgumentException>(() => WorkflowHost.CreateActivity(assembly, "LeadQualifyExtensions.Workflows.LeadQualificationActivity"));
    }

    [TestMethod]
    public void ShippedAssembly_Net462Build_RunsOnTheActivitiesStandIn()
    {
        var assembly = Assembly;

        var framework = assembly.GetCustomAttributesData()
            .Single(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute")
            .ConstructorArguments[0].Value as string;

        Assert.AreEqual(".NETFramework,Version=v4.6.2", framework);
        Assert.AreEqual(new Version(4, 0, 0, 0), assembly.GetReferencedAssemblies().Single(n => n.Name == "System.Activities").Version);
        Assert.AreSame(typeof(System.Activities.Activity).Assembly, Create(AdvanceProcessStage).GetType().BaseType!.BaseType!.Assembly);
    }
}
