using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>
/// Runs the solution the packer writes (artifacts/solution/*.zip). Inconclusive when it has not been built yet, so the
/// emulator's own tests do not depend on the packer's build order. LQX_SOLUTION_ZIP overrides the zip to use.
/// </summary>
[TestClass]
public sealed class PackedSolutionTests
{
    private const string DeleteGuardStep = "LeadQualifyExtensions.Plugins.Lifecycle.ClosedLeadDeleteGuard: Delete of lead";

    [TestMethod]
    public void ImportPackedZip_PluginStepsAndPolicyVariable_AreRegistered()
    {
        var zip = PackedZip();
        var emulator = new XrmEmulator();

        var result = emulator.ImportSolution(zip);

        Assert.IsNotEmpty(result.Steps);
        Assert.IsTrue(result.Steps.All(s => AssemblyLoadContext.GetLoadContext(s.Step.PluginType!.Assembly) != AssemblyLoadContext.Default));
        CollectionAssert.Contains(result.EnvironmentVariables.ToArray(), "lqx_LeadQualificationPolicy");
        Assert.IsTrue(result.Steps.Any(s => s.Name == DeleteGuardStep));
    }

    [TestMethod]
    public void DeleteGuard_FromPackedZipAndRegisteredInCode_BehaveTheSame()
    {
        var zip = PackedZip();
        var fromZip = new XrmEmulator();
        var imported = fromZip.ImportSolution(zip).Steps.Single(s => s.Name == DeleteGuardStep).Step;
        var inCode = new XrmEmulator();
        inCode.ImportSolution(zip);
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

    private static string PackedZip()
    {
        if (Environment.GetEnvironmentVariable("LQX_SOLUTION_ZIP") is { Length: > 0 } configured)
        {
            return configured;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeadQualifyExtensions.sln")))
        {
            directory = directory.Parent;
        }

        var solution = directory is null ? null : new DirectoryInfo(Path.Combine(directory.FullName, "artifacts", "solution"));
        var zip = solution is { Exists: true }
            ? solution.GetFiles("*.zip").Where(f => !f.Name.EndsWith("_managed.zip", StringComparison.OrdinalIgnoreCase)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        if (zip is null)
        {
            Assert.Inconclusive("No packed solution in artifacts/solution; build the Solution project first.");
        }

        return zip.FullName;
    }
}
