using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>
/// The Update split (lead-semantics §3.1): an Update carrying statecode/statuscode and other columns runs stages 20 and
/// 40 twice, first for the other columns, then for the state columns; PreValidation sees the whole Target once.
/// </summary>
[TestClass]
public sealed class UpdateSplitTests
{
    private const string StateColumns = "statecode,statuscode";

    [TestMethod]
    public void Update_StateAndOtherColumns_PreAndPostOperationRunOncePerPart()
    {
        var (emulator, id) = NewLead();
        var seen = new List<string>();
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PreOperation, (c, _) => seen.Add("20:" + Columns(c))));
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PostOperation, (c, _) => seen.Add("40:" + Columns(c))));

        emulator.GetOrganizationService().Update(Disqualify(id));

        CollectionAssert.AreEqual(new[] { "20:subject", "40:subject", "20:" + StateColumns, "40:" + StateColumns }, seen);
        var row = emulator.Get("lead", id)!;
        Assert.AreEqual("Changed", row.GetAttributeValue<string>("subject"));
        Assert.AreEqual(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void Update_StateAndOtherColumns_PreValidationRunsOnceWithAllColumns()
    {
        var (emulator, id) = NewLead();
        var seen = new List<string>();
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PreValidation, (c, _) => seen.Add(Columns(c))));

        emulator.GetOrganizationService().Update(Disqualify(id));

        CollectionAssert.AreEqual(new[] { "statecode,statuscode,subject" }, seen);
    }

    [TestMethod]
    public void Update_StepFilteredOnStatecode_RunsOnlyForTheStatePart()
    {
        var (emulator, id) = NewLead();
        var seen = new List<string>();
        emulator.RegisterStep(Filtered("statecode", (c, _) => seen.Add(Columns(c))));

        emulator.GetOrganizationService().Update(Disqualify(id));

        CollectionAssert.AreEqual(new[] { StateColumns }, seen);
    }

    [TestMethod]
    public void Update_StepFilteredOnOtherColumn_RunsOnlyForTheFirstPart()
    {
        var (emulator, id) = NewLead();
        var seen = new List<string>();
        emulator.RegisterStep(Filtered("subject", (c, _) => seen.Add(Columns(c))));

        emulator.GetOrganizationService().Update(Disqualify(id));

        CollectionAssert.AreEqual(new[] { "subject" }, seen);
    }

    [TestMethod]
    public void Update_StateColumnsOnly_RunsOnce()
    {
        var (emulator, id) = NewLead();
        var seen = new List<string>();
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PostOperation, (c, _) => seen.Add(Columns(c))));

        emulator.GetOrganizationService().Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });

        CollectionAssert.AreEqual(new[] { StateColumns }, seen);
    }

    [TestMethod]
    public void Update_SplitParts_ImagesAndOutputParametersArePerPart()
    {
        var (emulator, id) = NewLead();
        var preSubjects = new List<string?>();
        var postStates = new List<int>();
        var outputs = new List<ParameterCollection>();
        emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PostOperation,
            Images = [new StepImage("image", StepImageType.Both, "subject", "statecode")],
            PluginFactory = (_, _) => new DelegatePlugin((c, _) =>
            {
                preSubjects.Add(c.PreEntityImages["image"].GetAttributeValue<string>("subject"));
                postStates.Add(c.PostEntityImages["image"].GetAttributeValue<OptionSetValue>("statecode").Value);
                outputs.Add(c.OutputParameters);
            }),
        });

        emulator.GetOrganizationService().Update(Disqualify(id));

        CollectionAssert.AreEqual(new[] { "Engines", "Changed" }, preSubjects);
        CollectionAssert.AreEqual(new[] { 0, 2 }, postStates);
        Assert.HasCount(2, outputs);
        Assert.AreNotSame(outputs[0], outputs[1]);
    }

    [TestMethod]
    public void Update_SecondPartPostOperationFails_FirstPartIsRolledBack()
    {
        var (emulator, id) = NewLead();
        var before = emulator.Get("lead", id)!;
        emulator.RegisterStep(Filtered("statecode", (_, _) => throw new InvalidPluginExecutionException("no disqualify")));

        var code = TestSupport.FaultCode(() => emulator.GetOrganizationService().Update(Disqualify(id)));

        Assert.AreEqual(PipelineFaults.IsvAborted, code);
        var after = emulator.Get("lead", id)!;
        Assert.AreEqual("Engines", after.GetAttributeValue<string>("subject"));
        Assert.AreEqual(0, after.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(before.GetAttributeValue<long>("versionnumber"), after.GetAttributeValue<long>("versionnumber"));
    }

    [TestMethod]
    public void QualifyLead_LeadUpdate_RunsAsLinkPartThenStatePart()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Lovelace", ["companyname"] = "Babbage Ltd" });
        var seen = new List<string>();
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PostOperation, (c, _) => seen.Add(Columns(c))));

        service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", leadId),
            CreateAccount = true,
            CreateContact = false,
            CreateOpportunity = true,
            Status = new OptionSetValue(3),
        });

        CollectionAssert.AreEqual(new[] { "parentaccountid,qualifyingopportunityid", StateColumns }, seen);
        Assert.AreEqual(1, emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    private static (XrmEmulator Emulator, Guid Id) NewLead()
    {
        var emulator = new XrmEmulator();
        return (emulator, emulator.GetOrganizationService().Create(TestSupport.Lead()));
    }

    // Disqualified / Lost, plus a non-state column.
    private static Entity Disqualify(Guid id) => new("lead", id)
    {
        ["subject"] = "Changed",
        ["statecode"] = new OptionSetValue(2),
        ["statuscode"] = new OptionSetValue(4),
    };

    private static PluginStep Filtered(string column, Action<IPluginExecutionContext, IServiceProvider> body) => new()
    {
        Message = "Update",
        PrimaryEntity = "lead",
        Stage = PipelineStage.PostOperation,
        FilteringAttributes = [column],
        PluginFactory = (_, _) => new DelegatePlugin(body),
    };

    private static string Columns(IPluginExecutionContext context) =>
        string.Join(",", ((Entity)context.InputParameters["Target"]).Attributes.Keys.Order(StringComparer.Ordinal));
}
