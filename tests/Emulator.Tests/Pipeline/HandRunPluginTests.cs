using System;
using System.Linq;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

[TestClass]
public sealed class HandRunPluginTests
{
    [TestMethod]
    public void ExecutePlugin_WithTargetAndConfiguration_ChangesTheTargetAndTraces()
    {
        var emulator = new XrmEmulator();
        var target = new Entity("lead") { ["lastname"] = "Lovelace" };

        var context = emulator.ExecutePlugin<StampDescriptionPlugin>(new PluginRun { Message = "Create", Target = target }, "by hand");

        Assert.AreEqual("stamped:by hand", target.GetAttributeValue<string>("description"));
        Assert.AreEqual("lead", context.PrimaryEntityName);
        Assert.AreEqual("stamp Create stage=20 secure=<null> images=0", emulator.TraceLog.Entries.Single().Text);
    }

    [TestMethod]
    public void ExecutePlugin_PluginWritesThenThrows_ExceptionSurfacesAndWritesRollBack()
    {
        var emulator = new XrmEmulator();
        var plugin = new DelegatePlugin((c, s) =>
        {
            s.Service().Create(new Entity("contact") { ["lastname"] = "Nested" });
            throw new InvalidPluginExecutionException("refused");
        });

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(
            () => emulator.ExecutePlugin(plugin, new PluginRun { Message = "Update", Stage = PipelineStage.PostOperation, Target = new Entity("lead", Guid.NewGuid()) }));

        Assert.AreEqual("refused", exception.Message);
        Assert.IsEmpty(emulator.All("contact"));
    }

    [TestMethod]
    public void ExecutePlugin_ImagesAndUser_ReachTheContext()
    {
        var emulator = new XrmEmulator();
        var user = emulator.CreateUser("Grace", "Hopper");
        var pre = new Entity("lead", Guid.NewGuid()) { ["statecode"] = new OptionSetValue(0) };
        Entity? seenImage = null;
        var seenUser = Guid.Empty;
        var plugin = new DelegatePlugin((c, _) => (seenImage, seenUser) = (c.PreEntityImages["PreImage"], c.UserId));

        emulator.ExecutePlugin(plugin, new PluginRun
        {
            Message = "Delete",
            Stage = PipelineStage.PreValidation,
            Target = pre.ToEntityReference(),
            PreImages = new System.Collections.Generic.Dictionary<string, Entity> { ["PreImage"] = pre },
            UserId = user,
        });

        Assert.AreSame(pre, seenImage);
        Assert.AreEqual(user, seenUser);
    }
}
