using System;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>The pipeline around the emulator's real QualifyLead handler.</summary>
[TestClass]
public sealed class QualifyLeadPipelineTests
{
    [TestMethod]
    public void QualifyLead_PostOperationStep_SeesCreatedEntitiesAndChildCreatesSeeQualifyLeadAsParent()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace", ["companyname"] = "Babbage Ltd" });
        EntityReferenceCollection? created = null;
        string? accountParentMessage = null;
        emulator.RegisterStep(DelegatePlugin.Step("QualifyLead", "lead", PipelineStage.PostOperation, (c, _) => created = (EntityReferenceCollection)c.OutputParameters["CreatedEntities"]));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PreValidation, (c, _) => accountParentMessage = c.ParentContext?.MessageName));

        service.Execute(Qualify(leadId));

        Assert.IsNotNull(created);
        Assert.Contains(r => r.LogicalName == "account", created);
        Assert.AreEqual("QualifyLead", accountParentMessage);
    }

    [TestMethod]
    public void QualifyLead_PostOperationStepThrows_EverythingQualifyLeadWroteIsRolledBack()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace", ["companyname"] = "Babbage Ltd" });
        emulator.RegisterStep<IpeePlugin>("QualifyLead", "lead", PipelineStage.PostOperation);

        var code = TestSupport.FaultCode(() => service.Execute(Qualify(leadId)));

        Assert.AreEqual(PipelineFaults.IsvAborted, code);
        Assert.IsEmpty(emulator.All("account"));
        Assert.IsEmpty(emulator.All("contact"));
        Assert.IsEmpty(emulator.All("opportunity"));
        Assert.AreEqual(0, emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void QualifyLead_GenericRequestWithoutCreateContact_FaultsBeforeAnyStepRuns()
    {
        // Issue 20 item 1: a generic request lacking a required parameter gets the required-parameter fault first.
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace" });
        var stepRuns = 0;
        emulator.RegisterStep(DelegatePlugin.Step("QualifyLead", "lead", PipelineStage.PreValidation, (_, _) => stepRuns++));
        var request = new OrganizationRequest("QualifyLead")
        {
            ["LeadId"] = new EntityReference("lead", leadId),
            ["CreateAccount"] = false,
            ["CreateOpportunity"] = false,
            ["Status"] = new OptionSetValue(3),
        };

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => service.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("CreateContact", fault.Detail.Message!);
        Assert.AreEqual(0, stepRuns);
        Assert.AreEqual(0, emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void QualifyLead_CreateAccountAsString_FaultsBeforeAnyStepRuns()
    {
        // Issue 20 item 1: a mistyped parameter ("true" instead of true) gets the type fault first.
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace" });
        var stepRuns = 0;
        emulator.RegisterStep(DelegatePlugin.Step("QualifyLead", "lead", PipelineStage.PreValidation, (_, _) => stepRuns++));
        var request = Qualify(leadId);
        request.Parameters["CreateAccount"] = "true";

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => service.Execute(request));

        Assert.AreEqual(Faults.InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("CreateAccount", fault.Detail.Message!);
        Assert.AreEqual(0, stepRuns);
        Assert.IsEmpty(emulator.All("account"));
    }

    [TestMethod]
    public void QualifyLead_WorkWithBpfCallShape_QualifiesAndCreatesOnlyTheOpportunity()
    {
        // Microsoft's WorkWithBPF sample (microsoft/Dynamics365-Apps-Samples, samples-from-msdn/WorkWithBPF/WorkWithBPF.cs)
        // sets only LeadId, Status and CreateOpportunity; the typed request pre-creates the other Create flags as false.
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace", ["subject"] = "Engines" });
        var request = new QualifyLeadRequest
        {
            CreateOpportunity = true,
            LeadId = new EntityReference("lead", leadId),
            Status = new OptionSetValue(3),
        };

        var response = (QualifyLeadResponse)service.Execute(request);

        Assert.HasCount(1, response.CreatedEntities);
        Assert.AreEqual("opportunity", response.CreatedEntities[0].LogicalName);
        Assert.IsEmpty(emulator.All("account"));
        Assert.IsEmpty(emulator.All("contact"));
        var lead = emulator.Get("lead", leadId)!;
        Assert.AreEqual(1, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(3, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    private static QualifyLeadRequest Qualify(Guid leadId) => new()
    {
        LeadId = new EntityReference("lead", leadId),
        CreateAccount = true,
        CreateContact = true,
        CreateOpportunity = true,
        Status = new OptionSetValue(3),
    };
}
