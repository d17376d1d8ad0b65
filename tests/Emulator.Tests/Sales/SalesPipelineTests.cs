using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class SalesPipelineTests
{
    [TestMethod]
    public void QualifyLead_PluginThrowsInPostOperation_LeavesNoRecordsBehind()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        Register(fixture, "QualifyLead", "lead", PipelineStage.PostOperation, new DelegatePlugin(_ => throw new InvalidPluginExecutionException("Blocked by policy")));

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.AreEqual("Blocked by policy", fault.Detail.Message);
        Assert.IsEmpty(fixture.All("account"));
        Assert.IsEmpty(fixture.All("contact"));
        Assert.IsEmpty(fixture.All("opportunity"));
        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(0, SalesFixture.State(lead));
        Assert.AreEqual(1, SalesFixture.Status(lead));
        Assert.AreEqual(LeadToOpportunityProcess.QualifyStageId, fixture.Instance(leadId).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void QualifyLead_PluginThrowsInOpportunityCreate_LeavesNoRecordsBehind()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        Register(fixture, "Create", "opportunity", PipelineStage.PreOperation, new DelegatePlugin(_ => throw new InvalidPluginExecutionException("No opportunities today")));

        TestSupport.FaultCode(() => fixture.Execute(SalesFixture.Qualify(leadId)));

        Assert.IsEmpty(fixture.All("account"));
        Assert.IsEmpty(fixture.All("contact"));
        Assert.AreEqual(0, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void QualifyLead_AccountCreateStep_RunsAtDepthTwoUnderQualifyLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var seen = new List<IPluginExecutionContext>();
        Register(fixture, "Create", "account", PipelineStage.PostOperation, new DelegatePlugin(seen.Add));

        fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.HasCount(1, seen);
        Assert.AreEqual(2, seen[0].Depth);
        Assert.AreEqual(leadId, ((Entity)seen[0].InputParameters["Target"]).GetAttributeValue<EntityReference>("originatingleadid").Id);
    }

    [TestMethod]
    public void QualifyLead_PostOperationStep_SeesInputsAndCreatedEntities()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var seen = new List<IPluginExecutionContext>();
        Register(fixture, "QualifyLead", "lead", PipelineStage.PostOperation, new DelegatePlugin(seen.Add));

        fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.HasCount(1, seen);
        Assert.AreEqual("lead", seen[0].PrimaryEntityName);
        Assert.AreEqual(leadId, ((EntityReference)seen[0].InputParameters["LeadId"]).Id);
        Assert.IsTrue((bool)seen[0].InputParameters["CreateOpportunity"]);
        Assert.HasCount(3, (EntityReferenceCollection)seen[0].OutputParameters["CreatedEntities"]);
    }

    [TestMethod]
    public void QualifyLead_LeadStateChange_FiresLeadUpdateStepFilteredOnStatecode()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var seen = new List<IPluginExecutionContext>();
        fixture.Emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PostOperation,
            FilteringAttributes = ["statecode"],
            PluginFactory = (_, _) => new DelegatePlugin(seen.Add),
        });

        fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.IsNotEmpty(seen);
        var target = (Entity)seen[^1].InputParameters["Target"];
        Assert.AreEqual(1, target.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(2, seen[^1].Depth);
    }

    [TestMethod]
    public void QualifyLead_PreOperationStepClearsCreateAccount_NoAccountIsCreated()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        Register(fixture, "QualifyLead", "lead", PipelineStage.PreOperation, new DelegatePlugin(c => c.InputParameters["CreateAccount"] = false));

        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.IsNull(SalesFixture.Find(response.CreatedEntities, "account"));
        Assert.IsEmpty(fixture.All("account"));
        Assert.HasCount(1, fixture.All("contact"));
    }

    [TestMethod]
    public void CreateLead_InstanceCreate_RunsAtDepthTwo()
    {
        var fixture = new SalesFixture();
        var seen = new List<IPluginExecutionContext>();
        Register(fixture, "Create", LeadToOpportunityProcess.InstanceTable, PipelineStage.PostOperation, new DelegatePlugin(seen.Add));

        fixture.CreateLead();

        Assert.HasCount(1, seen);
        Assert.AreEqual(2, seen[0].Depth);
    }

    [TestMethod]
    public void SetStateDynamicEntity_Step_FiresOnItsOwnMessageOnly()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var dynamicSteps = new List<IPluginExecutionContext>();
        var setStateSteps = new List<IPluginExecutionContext>();
        Register(fixture, "SetStateDynamicEntity", "lead", PipelineStage.PostOperation, new DelegatePlugin(dynamicSteps.Add));
        Register(fixture, "SetState", "lead", PipelineStage.PostOperation, new DelegatePlugin(setStateSteps.Add));

        fixture.Service.Execute(new OrganizationRequest(SalesNames.SetStateDynamicEntity)
        {
            ["EntityMoniker"] = new EntityReference("lead", leadId),
            ["State"] = new OptionSetValue(2),
            ["Status"] = new OptionSetValue(4),
        });

        Assert.HasCount(1, dynamicSteps);
        Assert.IsEmpty(setStateSteps);
        Assert.AreEqual(2, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void SetStateRequest_StepsOnBothMessages_OnlyTheSetStateDynamicEntityStepRuns()
    {
        // Issue 20 item 4 (a reported test of the real platform): a SetStateRequest raises only SetStateDynamicEntity's
        // steps, which see that message name and the request's EntityMoniker, State and Status; the caller gets SetStateResponse.
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var dynamicSteps = new List<IPluginExecutionContext>();
        var setStateSteps = new List<IPluginExecutionContext>();
        Register(fixture, "SetStateDynamicEntity", "lead", PipelineStage.PreOperation, new DelegatePlugin(dynamicSteps.Add));
        Register(fixture, "SetState", "lead", PipelineStage.PreOperation, new DelegatePlugin(setStateSteps.Add));

        var response = fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });

        Assert.IsInstanceOfType<SetStateResponse>(response);
        Assert.IsEmpty(setStateSteps);
        Assert.HasCount(1, dynamicSteps);
        Assert.AreEqual("SetStateDynamicEntity", dynamicSteps[0].MessageName);
        Assert.AreEqual(leadId, ((EntityReference)dynamicSteps[0].InputParameters["EntityMoniker"]).Id);
        Assert.AreEqual(2, ((OptionSetValue)dynamicSteps[0].InputParameters["State"]).Value);
        Assert.AreEqual(2, SalesFixture.State(fixture.Row("lead", leadId)));
        Assert.AreEqual(1, fixture.Emulator.Calls["SetState"]);
    }

    [TestMethod]
    public void SetStateRequest_NoStepOnSetStateDynamicEntity_SetStateStepStillDoesNotRun()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var setStateSteps = new List<IPluginExecutionContext>();
        Register(fixture, "SetState", "lead", PipelineStage.PostOperation, new DelegatePlugin(setStateSteps.Add));

        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });

        Assert.IsEmpty(setStateSteps);
        Assert.AreEqual(2, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void Update_OfStateAndStatus_RaisesNeitherSetStateNorSetStateDynamicEntitySteps()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var seen = new List<IPluginExecutionContext>();
        Register(fixture, "SetStateDynamicEntity", "lead", PipelineStage.PreOperation, new DelegatePlugin(seen.Add));
        Register(fixture, "SetState", "lead", PipelineStage.PreOperation, new DelegatePlugin(seen.Add));

        fixture.Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });

        Assert.IsEmpty(seen);
        Assert.AreEqual(2, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    private static void Register(SalesFixture fixture, string message, string entity, PipelineStage stage, IPlugin plugin) =>
        fixture.Emulator.RegisterStep(new PluginStep
        {
            Message = message,
            PrimaryEntity = entity,
            Stage = stage,
            PluginFactory = (_, _) => plugin,
        });

    private sealed class DelegatePlugin(Action<IPluginExecutionContext> action) : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            action(context);
        }
    }
}
