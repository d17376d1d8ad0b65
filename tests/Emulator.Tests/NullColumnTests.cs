using System.Linq;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Tests.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>
/// Dataverse keeps no value for a column set to null: Retrieve, RetrieveMultiple and plug-in images leave the column
/// out, so <c>Contains</c> is false (issue 12, part 5). The request's Target still carries the null the caller sent.
/// </summary>
[TestClass]
public sealed class NullColumnTests
{
    [TestMethod]
    public void Update_ColumnSetToNull_IsLeftOutOfRetrieveAndRetrieveMultiple()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(new Entity("lead") { ["lastname"] = "Berg", ["firstname"] = "Kai", ["companyname"] = "Contoso" });

        service.Update(new Entity("lead", id) { ["firstname"] = null! });

        Assert.IsFalse(service.Retrieve("lead", id, new ColumnSet(true)).Contains("firstname"));
        Assert.IsFalse(service.Retrieve("lead", id, new ColumnSet("firstname", "companyname")).Contains("firstname"));
        var queried = service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("firstname", "companyname") }).Entities.Single();
        Assert.IsFalse(queried.Contains("firstname"));
        Assert.AreEqual("Contoso", queried.GetAttributeValue<string>("companyname"), "other columns keep their values");
    }

    [TestMethod]
    public void Create_ColumnGivenAsNull_IsNotStored()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();

        var id = service.Create(new Entity("lead") { ["lastname"] = "Berg", ["companyname"] = null!, ["parentaccountid"] = null! });

        var stored = emulator.Get("lead", id)!;
        Assert.IsFalse(stored.Contains("companyname"));
        Assert.IsFalse(stored.Contains("parentaccountid"));
    }

    [TestMethod]
    public void Update_ColumnSetToNull_PostImageLacksItWhileTargetCarriesTheNull()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(new Entity("lead") { ["lastname"] = "Berg", ["firstname"] = "Kai" });
        Entity? target = null;
        Entity? postImage = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Update",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PostOperation,
            Images = [new StepImage("Post", StepImageType.PostImage)],
            PluginFactory = (_, _) => new DelegatePlugin((context, _) =>
            {
                target = (Entity)context.InputParameters["Target"];
                postImage = context.PostEntityImages["Post"];
            }),
        });

        service.Update(new Entity("lead", id) { ["firstname"] = null! });

        Assert.IsTrue(target!.Contains("firstname"), "the request keeps what the caller sent");
        Assert.IsNull(target["firstname"]);
        Assert.IsFalse(postImage!.Contains("firstname"));
        Assert.AreEqual("Berg", postImage.GetAttributeValue<string>("lastname"));
    }
}
