using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>
/// Runs the solution zip as it ships, packed once per test run in-process by the real packer from the Plugins and
/// Workflows DLLs this build produced (no dependency on artifacts/solution, so these tests always run).
/// </summary>
[TestClass]
public sealed class PackedSolutionTests
{
    private const string DeleteGuardStep = "LeadQualifyExtensions.Plugins.Lifecycle.ClosedLeadDeleteGuard: Delete of lead";

    // Every emulator seeds the same emulator-local message ids, so one zip packed against any emulator serves all.
    private static readonly Lazy<byte[]> Packed =
        new(() => PackedForEmulator.Pack(typeof(PackedSolutionTests).Assembly, new XrmEmulator().GetOrganizationService()).Unmanaged);

    [TestMethod]
    public void ImportPackedZip_PluginStepsAndPolicyVariable_AreRegistered()
    {
        var emulator = new XrmEmulator();

        var result = Import(emulator);

        Assert.IsNotEmpty(result.Steps);
        Assert.IsTrue(result.Steps.All(s => AssemblyLoadContext.GetLoadContext(s.Step.PluginType!.Assembly) != AssemblyLoadContext.Default));
        CollectionAssert.Contains(result.EnvironmentVariables.ToArray(), "lqx_LeadQualificationPolicy");
        Assert.IsTrue(result.Steps.Any(s => s.Name == DeleteGuardStep));
    }

    [TestMethod]
    public void DeleteGuard_FromPackedZipAndRegisteredInCode_BehaveTheSame()
    {
        var fromZip = new XrmEmulator();
        var imported = Import(fromZip).Steps.Single(s => s.Name == DeleteGuardStep).Step;
        var inCode = new XrmEmulator();
        Import(inCode);
        foreach (var step in inCode.Plugins.Steps.Steps.ToArray())
        {
            inCode.Plugins.Steps.Unregister(step.Step.Id);
        }

        inCode.RegisterStep(new PluginStep
        {
            Message = "Delete",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PreValidation,
            PluginType = imported.PluginType,
            Images = [new StepImage("PreImage", StepImageType.PreImage, "statecode")],
        });

        var zipOutcome = DeleteQualifiedAndOpenLead(fromZip);
        var codeOutcome = DeleteQualifiedAndOpenLead(inCode);

        Assert.AreEqual(codeOutcome, zipOutcome);
        Assert.AreEqual(PipelineFaults.IsvAborted, zipOutcome.QualifiedFaultCode);
        Assert.IsTrue(zipOutcome.QualifiedStillThere);
        Assert.IsFalse(zipOutcome.OpenStillThere);
    }

    private static (int? QualifiedFaultCode, string? Message, bool QualifiedStillThere, bool OpenStillThere) DeleteQualifiedAndOpenLead(XrmEmulator emulator)
    {
        var qualified = new Entity("lead", Guid.NewGuid()) { ["lastname"] = "Closed", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) };
        var open = new Entity("lead", Guid.NewGuid()) { ["lastname"] = "Open" };
        emulator.Seed(qualified, open);
        var service = emulator.GetOrganizationService();
        int? code = null;
        string? message = null;
        try
        {
            service.Delete("lead", qualified.Id);
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            code = fault.Detail.ErrorCode;
            message = fault.Detail.Message;
        }

        service.Delete("lead", open.Id);
        return (code, message, emulator.Get("lead", qualified.Id) is not null, emulator.Get("lead", open.Id) is not null);
    }

    private static SolutionImportResult Import(XrmEmulator emulator)
    {
        using var zip = new MemoryStream(Packed.Value, writable: false);
        return emulator.ImportSolution(zip);
    }
}
