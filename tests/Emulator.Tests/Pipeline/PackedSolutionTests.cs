using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Testing;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>
/// Runs the solution zip as it ships (<see cref="ShippedSolution"/>: packed once per test run by the real packer from
/// the DLLs this build produced, so these tests never depend on artifacts/solution).
/// </summary>
[TestClass]
public sealed class PackedSolutionTests
{
    private const string DeleteGuardStep = "LeadQualifyExtensions.Plugins.Lifecycle.ClosedLeadDeleteGuard: Delete of lead";

    // An id no organization gives QualifyLead: an environment whose message table differs from ours.
    private static readonly Guid OtherQualifyLeadId = new("5c7a2c37-9e1d-4a8c-b3f4-2f1e6d0a9b41");

    [TestMethod]
    public void ImportPackedZip_PluginStepsAndPolicyVariable_AreRegistered()
    {
        ShippedSolution.Organization(null, out var result);

        Assert.IsNotEmpty(result.Steps);
        Assert.IsTrue(result.Steps.All(s => AssemblyLoadContext.GetLoadContext(s.Step.PluginType!.Assembly) != AssemblyLoadContext.Default));
        CollectionAssert.Contains(result.EnvironmentVariables.ToArray(), "lqx_LeadQualificationPolicy");
        Assert.IsTrue(result.Steps.Any(s => s.Name == DeleteGuardStep));
    }

    [TestMethod]
    public void DeleteGuard_FromPackedZipAndRegisteredInCode_BehaveTheSame()
    {
        var fromZip = ShippedSolution.Organization(null, out var import);
        var imported = import.Steps.Single(s => s.Name == DeleteGuardStep).Step;
        var inCode = ShippedSolution.Organization();
        foreach (var step in inCode.Plugins.Steps.ToArray())
        {
            inCode.Plugins.UnregisterStep(step.Step.Id);
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

    [TestMethod]
    public void ImportShippedZip_EmulatorWithAnotherQualifyLeadId_RefusedNamingTheIdAndNothingRegistered()
    {
        var emulator = new XrmEmulator();
        emulator.UseSdkMessageId("QualifyLead", OtherQualifyLeadId);
        using var zip = new MemoryStream(ShippedSolution.Zip, writable: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(zip));

        Assert.Contains("644c3365-b36c-431e-b76b-5c3e48adee55", error.Message);
        Assert.IsEmpty(emulator.Plugins.Steps);
    }

    [TestMethod]
    public void ImportShippedZip_OrganizationWithoutSales_RefusedNamingWhatIsMissingAndNothingRegistered()
    {
        var emulator = new XrmEmulator();
        InstalledSolutions.Uninstall(emulator, "msdynce_Sales");
        using var zip = new MemoryStream(ShippedSolution.Zip, writable: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(zip));

        Assert.Contains("table 'Opportunity' from msdynce_Sales (9.0.4.0076)", error.Message);
        Assert.Contains("process 'Lead to Opportunity Sales Process' from msdynce_Sales", error.Message);
        Assert.DoesNotContain("'Lead'", error.Message);
        Assert.IsEmpty(emulator.Plugins.Steps);
        Assert.IsEmpty(emulator.All("environmentvariabledefinition"));
        Assert.IsNull(InstalledSolutions.Find(emulator, "LeadQualifyExtensions"));
    }

    [TestMethod]
    public void ImportShippedZip_OrganizationWithSales_RecordsTheInstalledVersion()
    {
        var emulator = new XrmEmulator();
        using var zip = new MemoryStream(ShippedSolution.Zip, writable: false);

        emulator.ImportSolution(zip);

        var installed = InstalledSolutions.Find(emulator, "LeadQualifyExtensions");
        Assert.IsNotNull(installed);
        Assert.AreEqual(PackedSolution.Read(ShippedSolution.Zip).Manifest.Element("SolutionManifest")!.Element("Version")!.Value, installed.GetAttributeValue<string>("version"));
        Assert.IsFalse(installed.GetAttributeValue<bool>("ismanaged"));
    }

    [TestMethod]
    public void ImportShippedZip_QualifyLeadWithoutBudget_RefusedByThePolicyStep()
    {
        var emulator = ShippedSolution.Organization(null, out var result);

        Assert.AreEqual(2, result.Steps.Count(s => s.Step.Message == "QualifyLead"));
        var leadId = emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Berg" });
        var refusal = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Execute(
            new Microsoft.Crm.Sdk.Messages.QualifyLeadRequest
            {
                LeadId = new EntityReference("lead", leadId),
                CreateAccount = true,
                CreateContact = true,
                CreateOpportunity = true,
                Status = new OptionSetValue(-1),
            }));
        Assert.AreEqual(PipelineFaults.IsvAborted, refusal.Detail.ErrorCode, "the policy step ran and refused the lead without budget data");
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
}
