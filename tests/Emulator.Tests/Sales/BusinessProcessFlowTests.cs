using System;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using L2O = LeadQualifyExtensions.Emulator.Sales.LeadToOpportunityProcess;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class BusinessProcessFlowTests
{
    [TestMethod]
    public void Seed_NewEmulator_HoldsProcessDefinitionAndStages()
    {
        var fixture = new SalesFixture();

        var workflow = fixture.Row("workflow", L2O.ProcessId);

        Assert.AreEqual("Lead to Opportunity Sales Process", workflow.GetAttributeValue<string>("name"));
        Assert.AreEqual("leadtoopportunitysalesprocess", workflow.GetAttributeValue<string>("uniquename"));
        Assert.AreEqual(4, workflow.GetAttributeValue<OptionSetValue>("category").Value);
        Assert.AreEqual("lead", fixture.Row("processstage", L2O.QualifyStageId).GetAttributeValue<string>("primaryentitytypecode"));
        Assert.AreEqual("opportunity", fixture.Row("processstage", L2O.DevelopStageId).GetAttributeValue<string>("primaryentitytypecode"));
        Assert.AreEqual(2, fixture.Row("processstage", L2O.ProposeStageId).GetAttributeValue<OptionSetValue>("stagecategory").Value);
        Assert.AreEqual("Close", fixture.Row("processstage", L2O.CloseStageId).GetAttributeValue<string>("stagename"));
    }

    [TestMethod]
    public void CreateLead_Default_CreatesInstanceOnQualify()
    {
        var fixture = new SalesFixture();

        var leadId = fixture.CreateLead();

        var instance = fixture.Instance(leadId);
        Assert.AreEqual(L2O.ProcessId, instance.GetAttributeValue<EntityReference>("processid").Id);
        Assert.AreEqual(L2O.Name, instance.GetAttributeValue<string>("name"));
        Assert.AreEqual(L2O.QualifyStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.AreEqual(L2O.QualifyStageId.ToString(), instance.GetAttributeValue<string>("traversedpath"));
        Assert.AreEqual(0, SalesFixture.State(instance));
        Assert.AreEqual(1, SalesFixture.Status(instance));
    }

    [TestMethod]
    public void CreateLead_ProcessIdEmpty_CreatesNoInstance()
    {
        var fixture = new SalesFixture();

        fixture.CreateLead(l => l["processid"] = Guid.Empty);

        Assert.IsEmpty(fixture.All(L2O.InstanceTable));
    }

    [TestMethod]
    public void CreateLead_ExplicitLeadToOpportunityProcess_CreatesOneInstance()
    {
        var fixture = new SalesFixture();

        var leadId = fixture.CreateLead(l => l["processid"] = L2O.ProcessId);

        Assert.HasCount(1, fixture.All(L2O.InstanceTable));
        Assert.AreEqual(L2O.QualifyStageId, fixture.Instance(leadId).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void CreateLead_ProcessDeactivated_CreatesNoInstance()
    {
        var fixture = new SalesFixture();
        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("workflow", L2O.ProcessId), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });

        fixture.CreateLead();

        Assert.IsEmpty(fixture.All(L2O.InstanceTable));
    }

    [TestMethod]
    public void CreateLead_UnknownProcessId_Faults()
    {
        var fixture = new SalesFixture();

        var code = TestSupport.FaultCode(() => fixture.CreateLead(l => l["processid"] = Guid.NewGuid()));

        Assert.AreEqual(Faults.InvalidArgument, code);
        Assert.IsEmpty(fixture.All("lead"));
    }

    [TestMethod]
    public void CreateInstance_ExplicitlyLikeSalesHub_FillsNameAndPath()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead(l => l["processid"] = Guid.Empty);

        var id = fixture.Service.Create(new Entity(L2O.InstanceTable)
        {
            ["processid"] = new EntityReference("workflow", L2O.ProcessId),
            ["leadid"] = new EntityReference("lead", leadId),
            ["activestageid"] = new EntityReference("processstage", L2O.QualifyStageId),
        });

        var instance = fixture.Row(L2O.InstanceTable, id);
        Assert.AreEqual(L2O.Name, instance.GetAttributeValue<string>("name"));
        Assert.AreEqual(L2O.QualifyStageId.ToString(), instance.GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void CreateInstance_OtherProcessId_Faults()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead(l => l["processid"] = Guid.Empty);

        var code = TestSupport.FaultCode(() => fixture.Service.Create(new Entity(L2O.InstanceTable)
        {
            ["processid"] = new EntityReference("workflow", Guid.NewGuid()),
            ["leadid"] = new EntityReference("lead", leadId),
        }));

        Assert.AreEqual(Faults.InvalidArgument, code);
        Assert.IsEmpty(fixture.All(L2O.InstanceTable));
    }

    [TestMethod]
    public void RetrieveProcessInstances_TwoInstances_NewestFirstWithStageId()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var first = fixture.Instance(leadId).Id;
        fixture.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = fixture.Service.Create(new Entity(L2O.InstanceTable)
        {
            ["processid"] = new EntityReference("workflow", L2O.ProcessId),
            ["leadid"] = new EntityReference("lead", leadId),
        });

        var response = (RetrieveProcessInstancesResponse)fixture.Service.Execute(new RetrieveProcessInstancesRequest { EntityId = leadId, EntityLogicalName = "lead" });

        Assert.HasCount(2, response.Processes.Entities);
        Assert.AreEqual(second, response.Processes.Entities[0].Id);
        Assert.AreEqual(first, response.Processes.Entities[1].Id);
        Assert.AreEqual(L2O.QualifyStageId, (Guid)response.Processes.Entities[0]["processstageid"]);
        Assert.AreEqual(L2O.Name, response.Processes.Entities[0].GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void RetrieveProcessInstances_RecordWithoutInstance_ReturnsEmpty()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead(l => l["processid"] = Guid.Empty);

        var response = (RetrieveProcessInstancesResponse)fixture.Service.Execute(new RetrieveProcessInstancesRequest { EntityId = leadId, EntityLogicalName = "lead" });

        Assert.IsEmpty(response.Processes.Entities);
    }

    [TestMethod]
    public void RetrieveProcessInstances_UnknownTable_FaultsUnknownEntity()
    {
        var fixture = new SalesFixture();

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new RetrieveProcessInstancesRequest { EntityId = Guid.NewGuid(), EntityLogicalName = "new_widget" }));

        Assert.AreEqual(Faults.QueryBuilderNoEntity, code);
    }

    [TestMethod]
    public void RetrieveActivePath_Instance_ReturnsStagesInPathOrder()
    {
        var fixture = new SalesFixture();
        var instance = fixture.Instance(fixture.CreateLead());

        var response = (RetrieveActivePathResponse)fixture.Service.Execute(new RetrieveActivePathRequest { ProcessInstanceId = instance.Id });

        var stages = response.ProcessStages.Entities;
        Assert.HasCount(4, stages);
        CollectionAssert.AreEqual(
            new[] { L2O.QualifyStageId, L2O.DevelopStageId, L2O.ProposeStageId, L2O.CloseStageId },
            new[] { stages[0].Id, stages[1].Id, stages[2].Id, stages[3].Id });
        Assert.AreEqual("Qualify", stages[0].GetAttributeValue<string>("stagename"));
        Assert.AreEqual(L2O.DevelopStageId, stages[1].GetAttributeValue<Guid>("processstageid"));
        Assert.AreEqual("opportunity", stages[1].GetAttributeValue<string>("primaryentitytypecode"));
        Assert.AreEqual(3, stages[3].GetAttributeValue<OptionSetValue>("stagecategory").Value);
    }

    [TestMethod]
    public void RetrieveActivePath_UnknownInstance_FaultsObjectDoesNotExist()
    {
        var fixture = new SalesFixture();

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new RetrieveActivePathRequest { ProcessInstanceId = Guid.NewGuid() }));

        Assert.AreEqual(Faults.ObjectDoesNotExist, code);
    }

    [TestMethod]
    public void StageMove_ForwardOneWithOpportunity_ExtendsPath()
    {
        var fixture = new SalesFixture();
        var instance = fixture.Instance(fixture.CreateLead());
        var opportunity = fixture.Service.Create(new Entity("opportunity") { ["name"] = "Deal" });

        fixture.Service.Update(new Entity(L2O.InstanceTable, instance.Id)
        {
            ["opportunityid"] = new EntityReference("opportunity", opportunity),
            ["activestageid"] = new EntityReference("processstage", L2O.DevelopStageId),
        });

        var moved = fixture.Row(L2O.InstanceTable, instance.Id);
        Assert.AreEqual(L2O.DevelopStageId, moved.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.AreEqual($"{L2O.QualifyStageId},{L2O.DevelopStageId}", moved.GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void StageMove_OpportunityStageWithoutOpportunity_FaultsInvalidCrossEntityOperation()
    {
        var fixture = new SalesFixture();
        var instance = fixture.Instance(fixture.CreateLead());

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instance.Id)
        {
            ["activestageid"] = new EntityReference("processstage", L2O.DevelopStageId),
        }));

        Assert.AreEqual(SalesFaults.InvalidCrossEntityOperation, code);
        Assert.AreEqual(L2O.QualifyStageId, fixture.Row(L2O.InstanceTable, instance.Id).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void StageMove_SkippingAStage_FaultsInvalidStageTransition()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var opportunity = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false)).CreatedEntities[0];
        var instance = fixture.Instance(leadId);

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instance.Id)
        {
            ["activestageid"] = new EntityReference("processstage", L2O.CloseStageId),
        }));

        Assert.AreEqual(SalesFaults.InvalidStageTransition, code);
        Assert.AreEqual(opportunity.Id, instance.GetAttributeValue<EntityReference>("opportunityid").Id);
    }

    [TestMethod]
    public void StageMove_StageNotOnPath_FaultsInvalidStageTransition()
    {
        var fixture = new SalesFixture();
        var instance = fixture.Instance(fixture.CreateLead());

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instance.Id)
        {
            ["activestageid"] = new EntityReference("processstage", Guid.NewGuid()),
        }));

        Assert.AreEqual(SalesFaults.InvalidStageTransition, code);
    }

    [TestMethod]
    public void StageMove_BackSeveralStages_FaultsInvalidStageTransition()
    {
        // Issue 20 item 5 ("Work with business process flows using code"; code from Microsoft's error list): only the
        // next or the previous stage.
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;
        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.ProposeStageId) });

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.QualifyStageId) }));

        Assert.AreEqual(SalesFaults.InvalidStageTransition, code);
        Assert.AreEqual(L2O.ProposeStageId, fixture.Row(L2O.InstanceTable, instanceId).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void StageMove_BackOneStage_IsAllowedAndCutsPath()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;

        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.QualifyStageId) });

        var instance = fixture.Row(L2O.InstanceTable, instanceId);
        Assert.AreEqual(L2O.QualifyStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.AreEqual(L2O.QualifyStageId.ToString(), instance.GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void StageMove_OnFinishedInstance_FaultsInvalidStageTransitionOnInactiveInstance()
    {
        // Issue 20 item 5: no stage move on an inactive (finished or aborted) instance; reactivate it first.
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;
        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(L2O.InstanceTable, instanceId), State = new OptionSetValue(1), Status = new OptionSetValue(3) });

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => fixture.Service.Update(
            new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.QualifyStageId) }));

        Assert.AreEqual(SalesFaults.InvalidStageTransitionOnInactiveInstance, fault.Detail.ErrorCode);
        Assert.AreEqual(SalesFaults.InactiveInstanceMessage, fault.Detail.Message);
    }

    [TestMethod]
    public void StageMove_ReactivatedThenMovedBack_IsAllowed()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;
        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(L2O.InstanceTable, instanceId), State = new OptionSetValue(1), Status = new OptionSetValue(3) });

        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.QualifyStageId) });

        var instance = fixture.Row(L2O.InstanceTable, instanceId);
        Assert.AreEqual(0, SalesFixture.State(instance));
        Assert.AreEqual(L2O.QualifyStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void StageMove_ClearingTheActiveStage_FaultsActiveStageIdIsNull()
    {
        var fixture = new SalesFixture();
        var instanceId = fixture.Instance(fixture.CreateLead()).Id;

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = null! }));

        Assert.AreEqual(SalesFaults.ActiveStageIdIsNull, code);
    }

    [TestMethod]
    public void StageMove_PathSentByCaller_IsKept()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;
        var path = $"{L2O.QualifyStageId},{L2O.DevelopStageId},{L2O.ProposeStageId}";

        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId)
        {
            ["activestageid"] = new EntityReference("processstage", L2O.ProposeStageId),
            ["traversedpath"] = path,
        });

        Assert.AreEqual(path, fixture.Row(L2O.InstanceTable, instanceId).GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void QualifyLead_WithOpportunity_CarriesInstanceToDevelop()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        var instance = fixture.Instance(leadId);
        Assert.AreEqual(SalesFixture.Find(response.CreatedEntities, "opportunity")!.Id, instance.GetAttributeValue<EntityReference>("opportunityid").Id);
        Assert.AreEqual(L2O.DevelopStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.AreEqual($"{L2O.QualifyStageId},{L2O.DevelopStageId}", instance.GetAttributeValue<string>("traversedpath"));
    }

    [TestMethod]
    public void QualifyLead_WithoutOpportunity_LeavesInstanceOnQualify()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Execute(SalesFixture.Qualify(leadId, opportunity: false));

        var instance = fixture.Instance(leadId);
        Assert.AreEqual(L2O.QualifyStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.IsFalse(instance.Contains("opportunityid") && instance["opportunityid"] is not null);
    }

    [TestMethod]
    public void QualifyLead_ProcessInstanceIdGiven_CarriesThatInstance()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var older = fixture.Instance(leadId).Id;
        fixture.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        fixture.Service.Create(new Entity(L2O.InstanceTable) { ["leadid"] = new EntityReference("lead", leadId) });
        var request = SalesFixture.Qualify(leadId, account: false, contact: false);
        request.ProcessInstanceId = new EntityReference(L2O.InstanceTable, older);

        fixture.Execute(request);

        Assert.AreEqual(L2O.DevelopStageId, fixture.Row(L2O.InstanceTable, older).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void QualifyLead_ReactivatedLeadWithInstanceOnOpportunityStage_FaultsActiveStageNotOnLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(
            () => fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false)));

        Assert.AreEqual(SalesFaults.ActiveStageIsNotOnLeadEntity, fault.Detail.ErrorCode);
        Assert.AreEqual("Active stage is not on 'Lead' entity.", fault.Detail.Message);
        Assert.HasCount(1, fixture.All("opportunity"));
    }

    [TestMethod]
    public void SetProcess_ExistingOlderInstance_BecomesActive()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var older = fixture.Instance(leadId).Id;
        fixture.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        fixture.Service.Create(new Entity(L2O.InstanceTable) { ["leadid"] = new EntityReference("lead", leadId) });
        fixture.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));

        fixture.Service.Execute(new SetProcessRequest
        {
            Target = new EntityReference("lead", leadId),
            NewProcess = new EntityReference("workflow", L2O.ProcessId),
            NewProcessInstance = new EntityReference(L2O.InstanceTable, older),
        });

        var response = (RetrieveProcessInstancesResponse)fixture.Service.Execute(new RetrieveProcessInstancesRequest { EntityId = leadId, EntityLogicalName = "lead" });
        Assert.AreEqual(older, response.Processes.Entities[0].Id);
    }

    [TestMethod]
    public void SetProcess_RecordWithoutInstance_CreatesOne()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead(l => l["processid"] = Guid.Empty);

        fixture.Service.Execute(new SetProcessRequest { Target = new EntityReference("lead", leadId), NewProcess = new EntityReference("workflow", L2O.ProcessId) });

        Assert.AreEqual(L2O.QualifyStageId, fixture.Instance(leadId).GetAttributeValue<EntityReference>("activestageid").Id);
    }

    [TestMethod]
    public void SetProcess_UnknownProcess_Faults()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new SetProcessRequest
        {
            Target = new EntityReference("lead", leadId),
            NewProcess = new EntityReference("workflow", Guid.NewGuid()),
        }));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void Finish_OnLastStage_IsStoredWithCompletedOn()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;
        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.ProposeStageId) });
        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["activestageid"] = new EntityReference("processstage", L2O.CloseStageId) });

        fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        var instance = fixture.Row(L2O.InstanceTable, instanceId);
        Assert.AreEqual(1, SalesFixture.State(instance));
        Assert.AreEqual(2, SalesFixture.Status(instance));
        Assert.AreEqual(fixture.Emulator.Clock.UtcNow, instance.GetAttributeValue<DateTime?>("completedon"));
    }

    [TestMethod]
    public void Finish_BeforeLastStage_FaultsInvalidStageTransition()
    {
        // Issue 20 item 5: Finished only at the last stage (the code is the listed one nearest to it, README U3).
        var fixture = new SalesFixture();
        var instanceId = fixture.Instance(fixture.CreateLead()).Id;

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) }));

        Assert.AreEqual(SalesFaults.InvalidStageTransition, code);
        Assert.AreEqual(0, SalesFixture.State(fixture.Row(L2O.InstanceTable, instanceId)));
    }

    [TestMethod]
    public void Abort_StateInactiveStatusAborted_IsStored()
    {
        var fixture = new SalesFixture();
        var instanceId = fixture.Instance(fixture.CreateLead()).Id;

        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(L2O.InstanceTable, instanceId), State = new OptionSetValue(1), Status = new OptionSetValue(3) });

        var instance = fixture.Row(L2O.InstanceTable, instanceId);
        Assert.AreEqual(1, SalesFixture.State(instance));
        Assert.AreEqual(3, SalesFixture.Status(instance));
    }

    [TestMethod]
    public void QualifyLead_ProcessInstanceOfOtherLead_FaultsProcessInstanceNotFoundAndCreatesNothing()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var otherInstance = fixture.Instance(fixture.CreateLead()).Id;
        var request = SalesFixture.Qualify(leadId);
        request.ProcessInstanceId = new EntityReference(L2O.InstanceTable, otherInstance);

        var code = TestSupport.FaultCode(() => fixture.Execute(request));

        Assert.AreEqual(SalesFaults.ProcessInstanceNotFound, code);
        Assert.IsEmpty(fixture.All("opportunity"));
    }

    [TestMethod]
    public void RetrieveProcessInstances_QualifiedOpportunity_ReturnsCarriedInstance()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var opportunity = fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false)).CreatedEntities[0];

        var response = (RetrieveProcessInstancesResponse)fixture.Service.Execute(new RetrieveProcessInstancesRequest { EntityId = opportunity.Id, EntityLogicalName = "opportunity" });

        Assert.HasCount(1, response.Processes.Entities);
        Assert.AreEqual(fixture.Instance(leadId).Id, response.Processes.Entities[0].Id);
        Assert.AreEqual(L2O.DevelopStageId, (Guid)response.Processes.Entities[0]["processstageid"]);
    }

    [TestMethod]
    public void SetProcess_InstanceOfOtherRecord_FaultsProcessInstanceNotFound()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var otherInstance = fixture.Instance(fixture.CreateLead()).Id;

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new SetProcessRequest
        {
            Target = new EntityReference("lead", leadId),
            NewProcess = new EntityReference("workflow", L2O.ProcessId),
            NewProcessInstance = new EntityReference(L2O.InstanceTable, otherInstance),
        }));

        Assert.AreEqual(SalesFaults.ProcessInstanceNotFound, code);
    }

    [TestMethod]
    public void StageMove_PathNotEndingWithNewStage_FaultsActiveStageIdDoesNotMatchLastStageInTraversedPath()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Execute(SalesFixture.Qualify(leadId, account: false, contact: false));
        var instanceId = fixture.Instance(leadId).Id;

        var code = TestSupport.FaultCode(() => fixture.Service.Update(new Entity(L2O.InstanceTable, instanceId)
        {
            ["activestageid"] = new EntityReference("processstage", L2O.ProposeStageId),
            ["traversedpath"] = $"{L2O.QualifyStageId},{L2O.DevelopStageId}",
        }));

        Assert.AreEqual(SalesFaults.ActiveStageIdDoesNotMatchLastStageInTraversedPath, code);
    }

    [TestMethod]
    public void DeleteLead_WithInstance_DeletesInstance()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Service.Delete("lead", leadId);

        Assert.IsEmpty(fixture.All(L2O.InstanceTable));
    }
}
