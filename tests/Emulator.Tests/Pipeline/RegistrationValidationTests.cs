using System;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>Registration typos fail at registration, naming the fix (issue #19 item 3), as the Plugin Registration Tool refuses them.</summary>
[TestClass]
public sealed class RegistrationValidationTests
{
    private static ArgumentException Refused(Action register) => Assert.ThrowsExactly<ArgumentException>(register);

    [TestMethod]
    public void RegisterStep_MisspelledMessage_RefusedWithTheCloseName()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>("Updaet", "account"));

        Assert.Contains("Message 'Updaet' does not exist", exception.Message);
        Assert.Contains("Did you mean 'Update'?", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_MessageInOtherCase_IsTheSameMessage()
    {
        var emulator = new XrmEmulator();

        emulator.RegisterStep<InstanceTracePlugin>("update", "account");
        emulator.GetOrganizationService().Update(new Entity("account", emulator.GetOrganizationService().Create(new Entity("account"))) { ["name"] = "A" });

        Assert.AreEqual(1, emulator.Plugins.Steps[0].ExecutionCount);
    }

    [TestMethod]
    public void RegisterStep_CustomMessage_NeedsItsHandlerFirst()
    {
        var emulator = new XrmEmulator();

        var exception = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("new_Ping"));
        emulator.Handlers.Register("new_Ping", (request, context) => new OrganizationResponse());
        emulator.RegisterStep<InstanceTracePlugin>("new_Ping");

        Assert.Contains("no sdkmessage row, no handler", exception.Message);
        Assert.HasCount(1, emulator.Plugins.Steps);
    }

    [TestMethod]
    public void RegisterMessage_CustomApi_StepsRegisterAndRunAroundIt()
    {
        var emulator = new XrmEmulator();
        var refused = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("new_Score"));

        emulator.RegisterMessage("new_Score", request => new OrganizationResponse { Results = { ["Score"] = 42 } });
        emulator.RegisterStep<InstanceTracePlugin>("new_Score");
        var response = emulator.GetOrganizationService().Execute(new OrganizationRequest("new_Score"));

        Assert.Contains("Message 'new_Score' does not exist", refused.Message);
        Assert.AreEqual(42, response.Results["Score"]);
        Assert.AreEqual(1, emulator.Plugins.Steps[0].ExecutionCount);
        Assert.AreEqual(1, emulator.Calls["new_Score"]);
    }

    [TestMethod]
    public void RegisterStep_MisspelledTable_RefusedWithTheCloseNameAndHowToDeclareATable()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>("Update", "acount"));

        Assert.Contains("Table 'acount' does not exist", exception.Message);
        Assert.Contains("Did you mean 'account'?", exception.Message);
        Assert.Contains("emulator.Schema.Table(", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_DeclaredCustomTable_IsAccepted()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.Table("new_project", t => t.PrimaryNameColumn("new_name", 100, "Name"));

        emulator.RegisterStep<InstanceTracePlugin>("Create", "new_project", filteringAttributes: "new_name");

        Assert.HasCount(1, emulator.Plugins.Steps);
    }

    [TestMethod]
    public void RegisterStep_MessageNotAvailableForTheTable_RefusedNamingItsTables()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>("QualifyLead", "account"));

        Assert.Contains("Message 'QualifyLead' is not available for table 'account'; it is available for: lead.", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_TableLessMessageWithATable_Refused()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>("WhoAmI", "account"));

        Assert.Contains("has no primary table", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_MisspelledFilteringAttribute_RefusedWithTheCloseColumn()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>("Update", "account", filteringAttributes: "telephone1, nmae"));

        Assert.Contains("Filtering attribute 'nmae' is not a column of account.", exception.Message);
        Assert.Contains("Did you mean 'name'?", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_MisspelledImageColumn_RefusedWithTheCloseColumn()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>(
            "Update", "account", images: new StepImage("pre", StepImageType.PreImage, "name", "revenu")));

        Assert.Contains("Image 'pre' column 'revenu' is not a column of account.", exception.Message);
        Assert.Contains("Did you mean 'revenue'?", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_TwoImagesWithOneAlias_Refused()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<InstanceTracePlugin>(
            "Update", "account", images: [new StepImage("image", StepImageType.PreImage), new StepImage("Image", StepImageType.PostImage)]));

        Assert.Contains("use the alias 'Image'; give each image its own EntityAlias.", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_ImageTheMessageOrStageCannotHave_Refused()
    {
        var emulator = new XrmEmulator();

        var onRetrieve = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("Retrieve", "account", images: new StepImage("pre", StepImageType.PreImage)));
        var postInPreOperation = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("Update", "account", PipelineStage.PreOperation, images: new StepImage("post", StepImageType.PostImage)));

        Assert.Contains("does not support image registration", onRetrieve.Message);
        Assert.Contains("does not support Post Image", postInPreOperation.Message);
    }

    [TestMethod]
    public void RegisterStep_StageWithoutStepsOrAsynchronousOutsidePostOperation_Refused()
    {
        var emulator = new XrmEmulator();

        var mainOperation = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("Create", "account", (PipelineStage)30));
        var asyncPre = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("Create", "account", PipelineStage.PreOperation, StepMode.Asynchronous));
        var unknownMode = Refused(() => emulator.RegisterStep<InstanceTracePlugin>("Create", "account", mode: (StepMode)2));

        Assert.Contains("Stage 30 cannot host plug-in steps: use 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation).", mainOperation.Message);
        Assert.Contains("only allowed in PostOperation (40)", asyncPre.Message);
        Assert.Contains("Mode 2 does not exist", unknownMode.Message);
    }

    [TestMethod]
    public void RegisterStep_PluginWithoutUsableConstructor_RefusedAtRegistration()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep<NumberConfiguredPlugin>("Create", "account"));

        Assert.Contains("has no usable constructor: give it one taking (string unsecureConfig, string secureConfig), (string unsecureConfig) or nothing.", exception.Message);
    }

    [TestMethod]
    public void RegisterStep_AbstractPluginType_RefusedAtRegistration()
    {
        var exception = Refused(() => new XrmEmulator().RegisterStep(new PluginStep { Message = "Create", PluginType = typeof(AbstractPlugin) }));

        Assert.Contains("cannot be created", exception.Message);
    }

    [TestMethod]
    public void ExecutePlugin_StageWithoutSteps_Refused()
    {
        var exception = Refused(() => new XrmEmulator().ExecutePlugin(new InstanceTracePlugin(), new PluginRun { Stage = (PipelineStage)30, Target = new Entity("account") }));

        Assert.Contains("Stage 30 cannot host plug-in steps", exception.Message);
    }

    [TestMethod]
    public void ExecutePlugin_PostImageBeforePostOperation_Refused()
    {
        var run = new PluginRun
        {
            Message = "Update",
            Stage = PipelineStage.PreOperation,
            Target = new Entity("account", Guid.NewGuid()),
            PostImages = new System.Collections.Generic.Dictionary<string, Entity> { ["post"] = new("account") },
        };

        var exception = Refused(() => new XrmEmulator().ExecutePlugin(new InstanceTracePlugin(), run));

        Assert.Contains("Post-images exist only in PostOperation (40); this run is in stage 20.", exception.Message);
    }

    [TestMethod]
    public void ExecutePlugin_UnknownTableOrColumnInTarget_Refused()
    {
        var emulator = new XrmEmulator();

        var table = Refused(() => emulator.ExecutePlugin(new InstanceTracePlugin(), new PluginRun { Target = new Entity("acount") }));
        var column = Refused(() => emulator.ExecutePlugin(new InstanceTracePlugin(), new PluginRun { Target = new Entity("account") { ["nmae"] = "A" } }));

        Assert.Contains("Did you mean 'account'?", table.Message);
        Assert.Contains("Target column 'nmae' is not a column of account. Did you mean 'name'?", column.Message);
    }

    [TestMethod]
    public void ExecutePlugin_MessageNotAvailableForTheTarget_Refused()
    {
        var exception = Refused(() => new XrmEmulator().ExecutePlugin(new InstanceTracePlugin(), new PluginRun { Message = "QualifyLead", Target = new EntityReference("account", Guid.NewGuid()) }));

        Assert.Contains("available for: lead", exception.Message);
    }

    /// <summary>Only an (int) constructor: the platform can pass it nothing.</summary>
    public sealed class NumberConfiguredPlugin(int retries) : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) => _ = retries;
    }

    /// <summary>Not creatable.</summary>
    public abstract class AbstractPlugin : IPlugin
    {
        public abstract void Execute(IServiceProvider serviceProvider);
    }
}

/// <summary>Unknown table and column faults keep the platform's code and message and add a hint in TraceText (issue #19 item 4).</summary>
[TestClass]
public sealed class FriendlyFaultTests
{
    [TestMethod]
    public void Create_MisspelledTable_PlatformFaultWithDidYouMeanInTraceText()
    {
        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => new XrmEmulator().GetOrganizationService().Create(new Entity("acount"))).Detail;

        Assert.AreEqual(unchecked((int)0x80041102), fault.ErrorCode);
        Assert.AreEqual("The entity with a name = 'acount' with namemapping = 'Logical' was not found in the MetadataCache.", fault.Message);
        Assert.Contains("Did you mean 'account'?", fault.TraceText!);
        Assert.Contains("emulator.Schema.Table(\"new_project\"", fault.TraceText!);
    }

    [TestMethod]
    public void Execute_MisspelledMessage_FaultNamesTheCloseMessage()
    {
        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => new XrmEmulator().GetOrganizationService().Execute(new OrganizationRequest("QualfyLead"))).Detail;

        Assert.AreEqual(unchecked((int)0x80040219), fault.ErrorCode);
        Assert.Contains("emulator.RegisterMessage", fault.Message!);
        Assert.Contains("Did you mean 'QualifyLead'?", fault.TraceText!);
    }

    [TestMethod]
    public void Create_MisspelledColumnOfACustomTable_HintNamesTheDeclaredColumn()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.Table("new_project", t => t.PrimaryNameColumn("new_name", 100, "Name").Integer("new_budget", "Budget"));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => emulator.GetOrganizationService().Create(new Entity("new_project") { ["new_budjet"] = 5 })).Detail;

        Assert.AreEqual(unchecked((int)0x80041103), fault.ErrorCode);
        Assert.AreEqual("'new_project' entity doesn't contain attribute with Name = 'new_budjet' and NameMapping = 'Logical'.", fault.Message);
        Assert.Contains("Did you mean 'new_budget'?", fault.TraceText!);
    }

    [TestMethod]
    public void Retrieve_ColumnFarFromAnyName_HintOnlySaysHowToDeclareIt()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(new Entity("account") { ["name"] = "A" });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => service.Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("zzzzzzzz"))).Detail;

        Assert.AreEqual(unchecked((int)0x80041103), fault.ErrorCode);
        Assert.DoesNotContain("Did you mean", fault.TraceText!);
        Assert.Contains("emulator.Schema.Table(\"account\", t => t.String(\"zzzzzzzz\"", fault.TraceText!);
    }
}
