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

    private static QualifyLeadRequest Qualify(Guid leadId) => new()
    {
        LeadId = new EntityReference("lead", leadId),
        CreateAccount = true,
        CreateContact = true,
        CreateOpportunity = true,
        Status = new OptionSetValue(3),
    };
}
