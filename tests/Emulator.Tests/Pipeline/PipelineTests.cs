using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

[TestClass]
public sealed class PipelineTests
{
    [TestMethod]
    public void Create_StepsInAllStages_RunInStageThenRankOrder()
    {
        var emulator = new XrmEmulator();
        var order = new List<string>();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, _) => order.Add("40"), rank: 1));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) => order.Add("20/rank2"), rank: 2));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) => order.Add("20/rank1"), rank: 1));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreValidation, (c, _) => order.Add("10"), rank: 5));

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        CollectionAssert.AreEqual(new[] { "10", "20/rank1", "20/rank2", "40" }, order);
    }

    [TestMethod]
    public void Create_StepOnOtherEntity_DoesNotRun()
    {
        var emulator = new XrmEmulator();
        var ran = 0;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (_, _) => ran++));

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.AreEqual(0, ran);
    }

    [TestMethod]
    public void Update_TargetWithoutFilteringAttribute_SkipsStep()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        var ran = 0;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            FilteringAttributes = ["subject", "jobtitle"],
            PluginFactory = (_, _) => new DelegatePlugin((_, _) => ran++),
        });

        service.Update(new Entity("lead", id) { ["firstname"] = "Grace" });
        var afterUnrelated = ran;
        service.Update(new Entity("lead", id) { ["jobtitle"] = "Countess" });

        Assert.AreEqual(0, afterUnrelated);
        Assert.AreEqual(1, ran);
    }

    [TestMethod]
    public void Update_ImagesRegisteredWithColumns_HoldOnlyThoseColumns()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        Entity? pre = null;
        Entity? post = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            Images = [new StepImage("before", StepImageType.PreImage, "firstname"), new StepImage("after", StepImageType.PostImage, "firstname", "subject")],
            PluginFactory = (_, _) => new DelegatePlugin((c, _) => (pre, post) = (c.PreEntityImages["before"], c.PostEntityImages["after"])),
        });

        service.Update(new Entity("lead", id) { ["firstname"] = "Grace" });

        Assert.AreEqual("Ada", pre!.GetAttributeValue<string>("firstname"));
        Assert.IsFalse(pre.Contains("lastname"));
        Assert.AreEqual("Grace", post!.GetAttributeValue<string>("firstname"));
        Assert.AreEqual("Engines", post.GetAttributeValue<string>("subject"));
        Assert.HasCount(2, post.Attributes);
        Assert.AreEqual(id, post.Id);
    }

    [TestMethod]
    public void Update_ImageWithoutColumns_HoldsAllColumns()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        Entity? pre = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PreOperation,
            Images = [new StepImage("before", StepImageType.PreImage)],
            PluginFactory = (_, _) => new DelegatePlugin((c, _) => pre = c.PreEntityImages["before"]),
        });

        service.Update(new Entity("lead", id) { ["firstname"] = "Grace" });

        Assert.AreEqual("Lovelace", pre!.GetAttributeValue<string>("lastname"));
        Assert.IsTrue(pre.Contains("createdon"));
    }

    [TestMethod]
    public void Register_InvalidImageOrMode_IsRejectedLikeThePlatform()
    {
        var emulator = new XrmEmulator();
        static void Noop(IPluginExecutionContext c, IServiceProvider s)
        {
        }

        Assert.ThrowsExactly<ArgumentException>(() => emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, Noop) with { Mode = StepMode.Asynchronous }));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PreOperation, Noop) with { Images = [new StepImage("p", StepImageType.PostImage)] }));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, Noop) with { Images = [new StepImage("p", StepImageType.PreImage)] }));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.RegisterStep(DelegatePlugin.Step("QualifyLead", "lead", PipelineStage.PostOperation, Noop) with { Images = [new StepImage("p", StepImageType.PreImage)] }));
    }

    [TestMethod]
    public void Create_PreOperationChangesTarget_StoredRecordHasTheChange()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreValidation, (c, _) => ((Entity)c.InputParameters["Target"])["jobtitle"] = "set in 10"));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) => ((Entity)c.InputParameters["Target"])["description"] = "set in 20"));
        var lead = TestSupport.Lead();

        var id = emulator.GetOrganizationService().Create(lead);

        var stored = emulator.Get("lead", id)!;
        Assert.AreEqual("set in 10", stored.GetAttributeValue<string>("jobtitle"));
        Assert.AreEqual("set in 20", stored.GetAttributeValue<string>("description"));
        Assert.IsFalse(lead.Contains("description"), "The caller's entity must not change.");
    }

    [TestMethod]
    public void Create_OutputParameters_OnlyFilledInPostOperation()
    {
        var emulator = new XrmEmulator();
        var preOutputCount = -1;
        object? postId = null;
        var postPrimaryId = Guid.Empty;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) => preOutputCount = c.OutputParameters.Count));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, _) => (postId, postPrimaryId) = (c.OutputParameters["id"], c.PrimaryEntityId)));

        var id = emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.AreEqual(0, preOutputCount);
        Assert.AreEqual(id, postId);
        Assert.AreEqual(id, postPrimaryId);
    }

    [TestMethod]
    public void Create_PreValidationSharedVariable_VisibleLaterOnlyThroughParentContext()
    {
        var emulator = new XrmEmulator();
        bool? directIn20 = null;
        object? viaParentIn20 = null;
        object? fromPreOperationIn40 = null;
        object? viaParentIn40 = null;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreValidation, (c, _) => c.SharedVariables["from10"] = "ten"));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) =>
        {
            directIn20 = c.SharedVariables.ContainsKey("from10");
            viaParentIn20 = c.ParentContext!.SharedVariables["from10"];
            c.SharedVariables["from20"] = "twenty";
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, _) =>
        {
            fromPreOperationIn40 = c.SharedVariables["from20"];
            viaParentIn40 = c.ParentContext!.SharedVariables["from10"];
        }));

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.IsFalse(directIn20);
        Assert.AreEqual("ten", viaParentIn20);
        Assert.AreEqual("twenty", fromPreOperationIn40);
        Assert.AreEqual("ten", viaParentIn40);
    }

    [TestMethod]
    public void CustomMessage_EntityLessStep_SharesVariablesDirectlyAcrossStages()
    {
        var emulator = new XrmEmulator();
        emulator.Handlers.Register("new_Ping", (request, context) => new OrganizationResponse { ["Pong"] = "pong" });
        object? seenIn40 = null;
        string? primary = null;
        emulator.RegisterStep(DelegatePlugin.Step("new_Ping", null, PipelineStage.PreValidation, (c, _) => c.SharedVariables["k"] = 1));
        emulator.RegisterStep(DelegatePlugin.Step("new_Ping", null, PipelineStage.PostOperation, (c, _) =>
        {
            seenIn40 = c.SharedVariables["k"];
            primary = c.PrimaryEntityName;
            c.OutputParameters["Pong"] = "changed in 40";
        }));

        var response = emulator.GetOrganizationService().Execute(new OrganizationRequest("new_Ping"));

        Assert.AreEqual(1, seenIn40);
        Assert.AreEqual("none", primary);
        Assert.AreEqual("changed in 40", response.Results["Pong"]);
    }

    [TestMethod]
    public void QualifyLead_StepOnLead_MatchesThroughLeadId()
    {
        var emulator = new XrmEmulator();
        var leadId = emulator.GetOrganizationService().Create(TestSupport.Lead());
        emulator.Handlers.Register("QualifyLead", (request, context) => new OrganizationResponse { ["CreatedEntities"] = new EntityReferenceCollection() });
        (string Name, Guid Id)? primary = null;
        emulator.RegisterStep(DelegatePlugin.Step("QualifyLead", "lead", PipelineStage.PreOperation, (c, _) => primary = (c.PrimaryEntityName, c.PrimaryEntityId)));
        var request = new OrganizationRequest("QualifyLead") { ["LeadId"] = new EntityReference("lead", leadId), ["CreateAccount"] = false };

        emulator.GetOrganizationService().Execute(request);

        Assert.AreEqual(("lead", leadId), primary);
    }

    [TestMethod]
    public void RetrieveMultiple_StepOnEntity_MatchesTheQueryEntity()
    {
        var emulator = new XrmEmulator();
        emulator.GetOrganizationService().Create(TestSupport.Lead());
        var leadRuns = 0;
        var accountRuns = 0;
        emulator.RegisterStep(DelegatePlugin.Step("RetrieveMultiple", "lead", PipelineStage.PostOperation, (_, _) => leadRuns++));
        emulator.RegisterStep(DelegatePlugin.Step("RetrieveMultiple", "account", PipelineStage.PostOperation, (_, _) => accountRuns++));

        emulator.GetOrganizationService().RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") });

        Assert.AreEqual(1, leadRuns);
        Assert.AreEqual(0, accountRuns);
    }

    [TestMethod]
    public void NestedCall_FromPlugin_DepthIncrementsAndParentContextIsTheCallingStep()
    {
        var emulator = new XrmEmulator();
        var depths = new List<int>();
        IPluginExecutionContext? accountStep = null;
        IPluginExecutionContext? contactParent = null;
        var correlation = Guid.Empty;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            accountStep = c;
            depths.Add(c.Depth);
            s.Service().Create(new Entity("contact") { ["lastname"] = "Nested" });
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "contact", PipelineStage.PreValidation, (c, _) =>
        {
            depths.Add(c.Depth);
            contactParent = c.ParentContext;
            correlation = c.CorrelationId;
        }));

        emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });

        CollectionAssert.AreEqual(new[] { 1, 2 }, depths);
        Assert.AreSame(accountStep, contactParent);
        Assert.AreEqual(accountStep!.CorrelationId, correlation);
    }

    [TestMethod]
    public void NestedCall_InfiniteLoop_FaultsAtDepthNineAndRollsBack()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        var deepest = 0;
        emulator.RegisterStep(DelegatePlugin.Step("Update", "lead", PipelineStage.PostOperation, (c, s) =>
        {
            deepest = Math.Max(deepest, c.Depth);
            s.Service().Update(new Entity("lead", c.PrimaryEntityId) { ["jobtitle"] = "depth " + c.Depth });
        }));

        var code = TestSupport.FaultCode(() => service.Update(new Entity("lead", id) { ["jobtitle"] = "start" }));

        Assert.AreEqual(PipelineFaults.DepthTooHigh, code);
        Assert.AreEqual(PluginPipeline.MaxDepth, deepest);
        Assert.IsFalse(emulator.Get("lead", id)!.Contains("jobtitle"));
    }

    [TestMethod]
    public void PostOperationException_RollsBackCoreWriteAndNestedWrites()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            s.Service().Create(new Entity("contact") { ["lastname"] = "Nested" });
            throw new InvalidPluginExecutionException("stop");
        }));

        var code = TestSupport.FaultCode(() => emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.AreEqual(PipelineFaults.IsvAborted, code);
        Assert.IsEmpty(emulator.All("account"));
        Assert.IsEmpty(emulator.All("contact"));
    }

    [TestMethod]
    public void PreValidation_TopLevel_RunsOutsideTheTransaction()
    {
        var emulator = new XrmEmulator();
        var inTransaction = new Dictionary<string, bool>();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PreValidation, (c, s) =>
        {
            inTransaction["account10"] = c.IsInTransaction;
            s.Service().Create(new Entity("contact") { ["lastname"] = "Written in 10" });
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "contact", PipelineStage.PreValidation, (c, _) => inTransaction["contact10"] = c.IsInTransaction));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PreOperation, (c, s) =>
        {
            inTransaction["account20"] = c.IsInTransaction;
            s.Service().Create(new Entity("contact") { ["lastname"] = "Written in 20" });
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("stop")));

        TestSupport.FaultCode(() => emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.IsFalse(inTransaction["account10"]);
        Assert.IsTrue(inTransaction["account20"]);
        Assert.IsTrue(inTransaction["contact10"], "The last contact create was nested in stage 20, inside the transaction.");
        Assert.AreEqual("Written in 10", emulator.All("contact").Single().GetAttributeValue<string>("lastname"));
        Assert.IsEmpty(emulator.All("account"));
    }

    [TestMethod]
    public void AsyncStep_RunsAfterCommit_OutsideTheTransaction()
    {
        var emulator = new XrmEmulator();
        emulator.Plugins.AutoRunAsyncJobs = false;
        var storedWhenRun = false;
        IPluginExecutionContext? asyncContext = null;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            asyncContext = c;
            storedWhenRun = s.Service().Retrieve("account", c.PrimaryEntityId, new ColumnSet("name")) is not null;
        }, mode: StepMode.Asynchronous));

        emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });
        var beforeDrain = asyncContext;
        var ran = emulator.RunAsyncJobs();

        Assert.IsNull(beforeDrain);
        Assert.AreEqual(1, ran);
        Assert.IsTrue(storedWhenRun);
        Assert.IsFalse(asyncContext!.IsInTransaction);
        Assert.AreEqual(1, asyncContext.Mode);
        Assert.AreEqual(AsyncJobStatus.Succeeded, emulator.AsyncJobs.Single().Status);
    }

    [TestMethod]
    public void AsyncStep_Fails_DataKeptAndJobRecordsTheError()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("async failed"), mode: StepMode.Asynchronous));

        var id = emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.IsNotNull(emulator.Get("account", id));
        var job = emulator.AsyncJobs.Single();
        Assert.AreEqual(AsyncJobStatus.Failed, job.Status);
        Assert.AreEqual("async failed", job.ErrorMessage);
        Assert.AreEqual(PipelineFaults.IsvAborted, job.ErrorCode);
    }

    [TestMethod]
    public void AsyncStep_RequestRolledBack_JobIsDiscarded()
    {
        var emulator = new XrmEmulator();
        var ran = false;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (_, _) => ran = true, mode: StepMode.Asynchronous));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (_, _) => throw new InvalidPluginExecutionException("no"), rank: 2));

        TestSupport.FaultCode(() => emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" }));
        emulator.RunAsyncJobs();

        Assert.IsFalse(ran);
        Assert.IsEmpty(emulator.AsyncJobs);
    }

    [TestMethod]
    public void InvalidPluginExecutionException_ReachesCallerWithMessageAndIsvAbortedCode()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep<IpeePlugin>("Create", "lead", PipelineStage.PreValidation);

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Create(TestSupport.Lead()));

        Assert.AreEqual(IpeePlugin.Text, fault.Detail.Message);
        Assert.AreEqual(IpeePlugin.Text, fault.Message);
        Assert.AreEqual(unchecked((int)0x80040265), fault.Detail.ErrorCode);
    }

    [TestMethod]
    public void OtherException_BecomesGenericIsvErrorWithDetailsInTraceLog()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep<CrashingPlugin>("Create", "lead", PipelineStage.PreOperation);

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Create(TestSupport.Lead()));

        Assert.AreEqual(unchecked((int)0x80040224), fault.Detail.ErrorCode);
        Assert.AreEqual("An unexpected error occurred from ISV code.", fault.Detail.Message);
        var entry = emulator.TraceLog.Entries.Single(e => e.IsException);
        Assert.Contains("boom: null reference in ISV code", entry.Text);
        Assert.AreEqual(20, entry.Stage);
        Assert.IsEmpty(emulator.All("lead"));
    }

    [TestMethod]
    public void Step_ExecutedTwice_ReusesOneInstancePerStep()
    {
        var emulator = new XrmEmulator();
        var first = emulator.RegisterStep<InstanceTracePlugin>("Create", "lead", rank: 1);
        var second = emulator.RegisterStep<InstanceTracePlugin>("Create", "lead", rank: 2);
        var service = emulator.GetOrganizationService();

        service.Create(TestSupport.Lead());
        service.Create(TestSupport.Lead());

        var firstIds = emulator.TraceLog.ForStep(first.Step.Id).Select(e => e.Text).ToArray();
        var secondIds = emulator.TraceLog.ForStep(second.Step.Id).Select(e => e.Text).Distinct().ToArray();
        Assert.HasCount(2, firstIds);
        Assert.AreEqual(firstIds[0], firstIds[1]);
        Assert.AreNotEqual(firstIds[0], secondIds.Single());
        Assert.AreEqual(2, first.ExecutionCount);
    }

    [TestMethod]
    public void Configuration_PassedToConstructor_AsThePlatformChoosesIt()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep<ConfigEchoPlugin>("Create", "lead", unsecureConfiguration: "open", secureConfiguration: "hidden");
        emulator.RegisterStep<UnsecureOnlyPlugin>("Create", "lead", rank: 2, unsecureConfiguration: "only-open", secureConfiguration: "ignored");

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        var texts = emulator.TraceLog.Entries.Select(e => e.Text).ToArray();
        CollectionAssert.AreEqual(new[] { "unsecure=open;secure=hidden", "unsecure=only-open" }, texts);
    }

    [TestMethod]
    public void ServiceFactory_NullUser_RunsAsSystemWhileInitiatingUserStaysTheCaller()
    {
        var emulator = new XrmEmulator();
        var caller = emulator.CreateUser("Ada", "Lovelace", roles: ["Salesperson"]);
        var seen = new List<(Guid User, Guid Initiating)>();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            seen.Add((c.UserId, c.InitiatingUserId));
            var factory = (IOrganizationServiceFactory)s.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(null).Create(new Entity("contact") { ["lastname"] = "By system" });
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "contact", PipelineStage.PostOperation, (c, _) => seen.Add((c.UserId, c.InitiatingUserId))));

        emulator.GetOrganizationService(caller).Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.AreEqual((caller, caller), seen[0]);
        Assert.AreEqual((EmulatorPipeline.SystemUser, caller), seen[1]);
        Assert.AreEqual(EmulatorPipeline.SystemUser, emulator.All("contact").Single().GetAttributeValue<EntityReference>("createdby").Id);
    }

    [TestMethod]
    public void Context_TopLevelCreate_CarriesOrganizationClockAndBusinessUnit()
    {
        var emulator = new XrmEmulator();
        IPluginExecutionContext7? context = null;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (c, _) => context = (IPluginExecutionContext7)c));

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.AreEqual("Create", context!.MessageName);
        Assert.AreEqual("lead", context.PrimaryEntityName);
        Assert.AreEqual(20, context.Stage);
        Assert.AreEqual(0, context.Mode);
        Assert.AreEqual(1, context.Depth);
        Assert.AreEqual(emulator.OrganizationId, context.OrganizationId);
        Assert.AreEqual(emulator.BusinessUnitId, context.BusinessUnitId);
        Assert.AreEqual(emulator.Clock.UtcNow, context.OperationCreatedOn);
        Assert.AreNotEqual(Guid.Empty, context.CorrelationId);
        Assert.AreEqual("sdkmessageprocessingstep", context.OwningExtension!.LogicalName);
        Assert.AreEqual(10, context.ParentContext!.Stage, "Create nests PreOperation under the PreValidation context.");
        Assert.IsNull(context.ParentContext.ParentContext);
    }

    [TestMethod]
    public void Register_SameIdTwice_IsRejected()
    {
        var emulator = new XrmEmulator();
        var step = DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (_, _) => { });
        emulator.RegisterStep(step);

        Assert.ThrowsExactly<ArgumentException>(() => emulator.RegisterStep(step with { Rank = 2 }));
        emulator.RegisterStep(step with { Id = Guid.NewGuid(), Rank = 2 });
        Assert.HasCount(2, emulator.Plugins.Steps);
    }

    [TestMethod]
    public void TraceLog_PluginTraces_AreTaggedWithStepMessageAndStage()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (_, s) => s.Tracing().Trace("hello {0}", "world"), name: "Greeter"));

        emulator.GetOrganizationService().Create(TestSupport.Lead());

        var entry = emulator.TraceLog.Entries.Single();
        Assert.AreEqual(("Greeter", "Create", "lead", 40, "hello world"), (entry.Step, entry.Message, entry.PrimaryEntity, entry.Stage, entry.Text));
    }

    [TestMethod]
    public void SetStateRequest_SetStateDynamicEntityStepOnLead_GetsEntityMonikerPreImage()
    {
        // A SetState request raises the SetStateDynamicEntity steps (issue 20 item 4); their images come from EntityMoniker.
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        Entity? pre = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "SetStateDynamicEntity",
            PrimaryEntity = "lead",
            Images = [new StepImage("pre", StepImageType.PreImage, "statecode")],
            PluginFactory = (_, _) => new DelegatePlugin((c, _) => pre = c.PreEntityImages["pre"]),
        });
        var request = new OrganizationRequest("SetState")
        {
            ["EntityMoniker"] = new EntityReference("lead", id),
            ["State"] = new OptionSetValue(2),
            ["Status"] = new OptionSetValue(6),
        };

        service.Execute(request);

        Assert.AreEqual(0, pre!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void PlatformChildRequest_SeesTheCallingMessageAsParentContext()
    {
        var emulator = new XrmEmulator();
        emulator.Handlers.Register("new_Spawn", (request, context) =>
        {
            context.Execute(new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = new Entity("account") { ["name"] = "Spawned" } });
            return new OrganizationResponse();
        });
        emulator.RegisterStep(DelegatePlugin.Step("new_Spawn", null, PipelineStage.PreOperation, (_, _) => { }));
        IPluginExecutionContext? parent = null;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PreValidation, (c, _) => parent = c.ParentContext));

        emulator.GetOrganizationService().Execute(new OrganizationRequest("new_Spawn"));

        Assert.AreEqual("new_Spawn", parent!.MessageName);
        Assert.AreEqual(30, parent.Stage);
    }

    [TestMethod]
    public void Delete_PreImage_HoldsTheDeletedRecord()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        Entity? pre = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Delete",
            PrimaryEntity = "lead",
            Images = [new StepImage("gone", StepImageType.PreImage, "lastname")],
            PluginFactory = (_, _) => new DelegatePlugin((c, _) => pre = c.PreEntityImages["gone"]),
        });

        service.Delete("lead", id);

        Assert.AreEqual("Lovelace", pre!.GetAttributeValue<string>("lastname"));
        Assert.IsNull(emulator.Get("lead", id));
    }

    [TestMethod]
    public void ExecuteTransaction_ItemFailsAfterStepsRan_AllRolledBackAndAsyncJobsDiscarded()
    {
        var emulator = new XrmEmulator();
        var syncRuns = 0;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (_, _) => syncRuns++));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (_, _) => { }, mode: StepMode.Asynchronous));
        var request = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
        {
            Requests =
            [
                new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = TestSupport.Lead("One", "A") },
                new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = new Entity("lead", Guid.NewGuid()) { ["subject"] = "x" } },
            ],
        };

        TestSupport.FaultCode(() => emulator.GetOrganizationService().Execute(request));

        Assert.AreEqual(1, syncRuns);
        Assert.IsEmpty(emulator.All("lead"));
        Assert.IsEmpty(emulator.AsyncJobs);
    }

    [TestMethod]
    public void ExecuteTransaction_Succeeds_AsyncJobsRunAfterTheWholeBatch()
    {
        var emulator = new XrmEmulator();
        var leadsWhenAsyncRan = new List<int>();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (_, _) => leadsWhenAsyncRan.Add(emulator.All("lead").Count), mode: StepMode.Asynchronous));
        var request = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
        {
            Requests =
            [
                new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = TestSupport.Lead("One", "A") },
                new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = TestSupport.Lead("Two", "B") },
            ],
        };

        emulator.GetOrganizationService().Execute(request);

        CollectionAssert.AreEqual(new[] { 2, 2 }, leadsWhenAsyncRan);
        Assert.IsTrue(emulator.AsyncJobs.All(j => j.Status == AsyncJobStatus.Succeeded));
    }
    [TestMethod]
    public void Steps_RegisteredAndUnregisteredBetweenRequests_MatchesFollowEveryChange()
    {
        // Matches are cached per message and table; every registration change must drop the cache.
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var ran = new List<string>();
        service.Create(TestSupport.Lead());
        var first = emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (_, _) => ran.Add("first")));
        service.Create(TestSupport.Lead());
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PreOperation, (_, _) => ran.Add("second"), rank: 0));
        service.Create(TestSupport.Lead());
        emulator.Plugins.UnregisterStep(first.Step.Id);
        service.Create(TestSupport.Lead());

        CollectionAssert.AreEqual(new[] { "first", "second", "first", "second" }, ran);
    }

    [TestMethod]
    public void Create_NoStepOnTheTable_CallersTargetIsLeftAsItWas()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PreOperation, (c, _) => ((Entity)c.InputParameters["Target"])["name"] = "changed"));
        var lead = TestSupport.Lead();
        var columns = lead.Attributes.Count;

        var id = emulator.GetOrganizationService().Create(lead);

        Assert.AreEqual(Guid.Empty, lead.Id, "the caller's Target keeps no id: the request is never handed back changed");
        Assert.HasCount(columns, lead.Attributes);
        Assert.AreNotEqual(Guid.Empty, id);
    }

    [TestMethod]
    public void TraceLog_BeyondItsCapacity_KeepsTheNewestLines()
    {
        var emulator = new XrmEmulator();
        emulator.TraceLog.Capacity = 10;
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, services) =>
        {
            var tracing = (ITracingService)services.GetService(typeof(ITracingService))!;
            for (var i = 0; i < 4; i++)
            {
                tracing.Trace("line " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + ((Entity)c.InputParameters["Target"]).GetAttributeValue<string>("subject"));
            }
        }));
        var service = emulator.GetOrganizationService();

        for (var lead = 0; lead < 5; lead++)
        {
            var row = TestSupport.Lead();
            row["subject"] = "lead " + lead.ToString(System.Globalization.CultureInfo.InvariantCulture);
            service.Create(row);
        }

        var texts = emulator.TraceLog.Entries.Select(e => e.Text).ToArray();
        Assert.IsLessThanOrEqualTo(10, texts.Length);
        Assert.AreEqual("line 3 of lead 4", texts[^1], "the newest line is kept");
        Assert.IsFalse(texts.Any(t => t.EndsWith("of lead 0", StringComparison.Ordinal)), "the oldest lines are dropped");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => emulator.TraceLog.Capacity = 0);
        Assert.AreEqual(TraceLog.DefaultCapacity, new XrmEmulator().TraceLog.Capacity);
    }

    [TestMethod]
    public void TraceLog_Ring_KeepsOrderAcrossWrapCapacityChangesAndClear()
    {
        var log = new TraceLog { Capacity = 3 };
        static TraceEntry Line(int n) => new(DateTime.UnixEpoch, Guid.Empty, Guid.Empty, "step", "Create", "lead", 40, 0, 1, "line " + n.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
        string[] Texts() => log.Entries.Select(e => e.Text).ToArray();

        for (var i = 0; i < 5; i++)
        {
            log.Add(Line(i));
        }

        CollectionAssert.AreEqual(new[] { "line 2", "line 3", "line 4" }, Texts(), "full: each line replaces the oldest");
        log.Capacity = 2;
        CollectionAssert.AreEqual(new[] { "line 3", "line 4" }, Texts(), "a smaller capacity keeps the newest lines");
        log.Capacity = 40;
        for (var i = 5; i < 25; i++)
        {
            log.Add(Line(i));
        }

        Assert.HasCount(22, log.Entries);
        Assert.AreEqual("line 3", Texts()[0]);
        Assert.AreEqual("line 24", Texts()[^1]);
        log.Clear();
        Assert.IsEmpty(log.Entries);
        log.Add(Line(99));
        CollectionAssert.AreEqual(new[] { "line 99" }, Texts());
    }
}
