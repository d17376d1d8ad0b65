using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>
/// Your own tables from an exported solution (issue 12): tests/Shared/Schema/customizations.xml, written in the export
/// format (see its header), behaves as the standard tables do.
/// </summary>
[TestClass]
public sealed class SolutionSchemaTests
{
    internal static readonly string Customizations = Path.Combine(AppContext.BaseDirectory, "Schema", "customizations.xml");

    internal static XrmEmulator Imported()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.ImportSolution(Customizations);
        return emulator;
    }

    [TestMethod]
    public void ImportSolution_CustomizationsXml_TablesColumnsAndChoicesAsExported()
    {
        var emulator = new XrmEmulator();

        var tables = emulator.Schema.ImportSolution(Customizations);

        CollectionAssert.AreEqual(new[] { "lqx_project", "lqx_projecttask", "lead" }, tables);
        var project = emulator.Schema.Find("lqx_project")!;
        Assert.AreEqual(("lqx_Project", "lqx_projects", "lqx_projectid", "lqx_name", "Projekt", true),
            (project.SchemaName, project.EntitySetName, project.PrimaryIdAttribute, project.PrimaryNameAttribute, project.DisplayName.For(1031), project.IsCustomEntity));
        var name = project.Attributes["lqx_name"];
        Assert.AreEqual((ColumnKind.String, 100, RequiredLevel.ApplicationRequired, "Projektname"), (name.Type, name.MaxLength, name.RequiredLevel, name.DisplayName.For(1031)));
        Assert.AreEqual((ColumnKind.Money, 0m, 1_000_000m, 2), (project.Attributes["lqx_budget"].Type, project.Attributes["lqx_budget"].MinValue, project.Attributes["lqx_budget"].MaxValue, project.Attributes["lqx_budget"].Precision));
        Assert.AreEqual("Hoch", project.Attributes["lqx_priority"].FindOption(100000001)!.Label.For(1031));
        Assert.AreEqual("Umsetzung", project.Attributes["lqx_phase"].FindOption(2)!.Label.For(1031), "a global choice resolved from <optionsets>");
        Assert.AreEqual("Billable", project.Attributes["lqx_isbillable"].FindOption(1)!.Label.English);
        Assert.AreEqual("DateOnly", project.Attributes["lqx_startdate"].DateTimeBehavior);
        CollectionAssert.AreEqual(new[] { "account" }, project.Attributes["lqx_accountid"].Targets.ToArray());
        Assert.AreEqual((0, 100000000), (project.StatusAttribute!.FindOption(100000000)!.State, 100000000));
        Assert.IsTrue(emulator.Schema.Find("lead")!.Attributes.ContainsKey("lqx_budgetapprovedby"), "the standard lead gains the solution's column");
        Assert.IsTrue(emulator.Schema.Find("lead")!.Attributes.ContainsKey("numberofemployees"), "and keeps its own");
    }

    [TestMethod]
    public void CustomTable_CreateRetrieveUpdateQuery_AsAStandardTable()
    {
        var emulator = Imported();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Fabrikam" });

        var id = service.Create(new Entity("lqx_project")
        {
            ["lqx_name"] = "Rollout",
            ["lqx_budget"] = new Money(1500.25m),
            ["lqx_headcount"] = 12,
            ["lqx_priority"] = new OptionSetValue(100000001),
            ["lqx_phase"] = new OptionSetValue(1),
            ["lqx_startdate"] = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            ["lqx_accountid"] = new EntityReference("account", accountId),
        });
        service.Update(new Entity("lqx_project", id) { ["lqx_phase"] = new OptionSetValue(2) });
        var row = service.Retrieve("lqx_project", id, new ColumnSet(true));
        var query = new QueryExpression("lqx_project") { ColumnSet = new ColumnSet("lqx_name") };
        query.Criteria.AddCondition("lqx_priority", ConditionOperator.Equal, 100000001);
        query.AddLink("account", "lqx_accountid", "accountid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam");
        var found = service.RetrieveMultiple(query).Entities;

        Assert.AreEqual((2, 1500.25m, true, 0, 1), (row.GetAttributeValue<OptionSetValue>("lqx_phase").Value, row.GetAttributeValue<Money>("lqx_budget").Value,
            row.GetAttributeValue<bool>("lqx_isbillable"), row.GetAttributeValue<OptionSetValue>("statecode").Value, row.GetAttributeValue<OptionSetValue>("statuscode").Value));
        Assert.AreEqual("Rollout", found.Single().GetAttributeValue<string>("lqx_name"));
    }

    [TestMethod]
    [DataRow("lqx_name", "x", Faults.StringLengthTooLong, DisplayName = "text over MaxLength")]
    [DataRow("lqx_priority", 5, Faults.PicklistValueOutOfRange, DisplayName = "option not in the set")]
    [DataRow("lqx_headcount", 0, Faults.InvalidArgument, DisplayName = "number under MinValue")]
    [DataRow("lqx_headcount", "12", Faults.InvalidArgument, DisplayName = "wrong .NET type")]
    [DataRow("lqx_budget", 2_000_000, Faults.InvalidArgument, DisplayName = "money over MaxValue")]
    [DataRow("lqx_accountid", "contact", Faults.InvalidArgument, DisplayName = "lookup to a table it does not target")]
    [DataRow("lqx_nothing", "x", Faults.QueryBuilderNoAttribute, DisplayName = "column the solution does not have")]
    public void CustomTable_InvalidValue_FaultsAsTheStandardTablesDo(string column, object value, int expected)
    {
        var service = Imported().GetOrganizationService();
        var project = new Entity("lqx_project") { ["lqx_name"] = "Rollout" };
        project[column] = (column, value) switch
        {
            ("lqx_name", _) => new string('x', 101),
            ("lqx_priority", int option) => new OptionSetValue(option),
            ("lqx_budget", int amount) => new Money(amount),
            ("lqx_accountid", string table) => new EntityReference(table, Guid.NewGuid()),
            _ => value,
        };

        Assert.AreEqual(expected, TestSupport.FaultCode(() => service.Create(project)));
    }

    [TestMethod]
    public void UnknownTable_StillFaults_AfterAnImport()
    {
        var service = Imported().GetOrganizationService();

        Assert.AreEqual(Faults.QueryBuilderNoEntity, TestSupport.FaultCode(() => service.Create(new Entity("lqx_nothing") { ["lqx_name"] = "x" })));
        Assert.AreEqual(Faults.QueryBuilderNoEntity, TestSupport.FaultCode(() => service.RetrieveMultiple(new QueryExpression("lqx_nothing"))));
    }

    [TestMethod]
    public void CustomRelationships_CascadeAsExported()
    {
        var emulator = Imported();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        var leadId = service.Create(TestSupport.Lead());
        var projectId = service.Create(new Entity("lqx_project")
        {
            ["lqx_name"] = "Rollout",
            ["lqx_accountid"] = new EntityReference("account", accountId),
            ["lqx_originatingleadid"] = new EntityReference("lead", leadId),
        });
        var taskId = service.Create(new Entity("lqx_projecttask") { ["lqx_subject"] = "Kick-off", ["lqx_projectid"] = new EntityReference("lqx_project", projectId) });

        var restricted = TestSupport.FaultCode(() => service.Delete("account", accountId));
        service.Delete("lead", leadId);
        var linkCleared = !emulator.Get("lqx_project", projectId)!.Contains("lqx_originatingleadid");
        service.Delete("lqx_project", projectId);

        Assert.AreNotEqual(0, restricted, "Restrict: the account keeps its project");
        Assert.IsTrue(linkCleared, "RemoveLink: the project forgets the deleted lead");
        Assert.IsNull(emulator.Get("lqx_projecttask", taskId), "Cascade: the project's tasks go with it");
    }

    [TestMethod]
    public void RetrieveAttribute_ImportedChoice_GermanUserReadsGermanLabels()
    {
        var emulator = Imported();
        var service = emulator.GetOrganizationService(emulator.CreateUser("Lise", "Meitner", uiLanguageId: 1031));

        var priority = (PicklistAttributeMetadata)((RetrieveAttributeResponse)service.Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "lqx_project", LogicalName = "lqx_priority" })).AttributeMetadata!;

        Assert.AreEqual(("Priorität", "Hoch"), (priority.DisplayName!.UserLocalizedLabel!.Label, priority.OptionSet!.Options.Single(o => o.Value == 100000001).Label!.UserLocalizedLabel!.Label));
        Assert.IsTrue(priority.IsCustomAttribute);
    }

    [TestMethod]
    public void PluginReadingAnOptionLabelThroughMetadata_WritesTheLabel()
    {
        var emulator = Imported();
        emulator.RegisterStep(DelegatePluginStep());
        var service = emulator.GetOrganizationService();

        var id = service.Create(new Entity("lqx_project") { ["lqx_name"] = "Rollout", ["lqx_priority"] = new OptionSetValue(100000000) });

        Assert.AreEqual("Rollout (Low)", emulator.Get("lqx_project", id)!.GetAttributeValue<string>("lqx_name"));
    }

    [TestMethod]
    public void ImportSolution_ZipCarryingEntities_AddsItsTables()
    {
        var emulator = new XrmEmulator();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("customizations.xml").Open();
            using var source = File.OpenRead(Customizations);
            source.CopyTo(entry);
        }

        zip.Position = 0;
        var result = emulator.ImportSolution(zip);
        var id = emulator.GetOrganizationService().Create(new Entity("lqx_projecttask") { ["lqx_subject"] = "Kick-off" });

        CollectionAssert.AreEqual(new[] { "lqx_project", "lqx_projecttask", "lead" }, result.Tables.ToArray());
        Assert.IsNotNull(emulator.Get("lqx_projecttask", id));
    }

    // A pre-operation step that appends the chosen priority's label, read as a plug-in reads it: RetrieveAttribute.
    private static PluginStep DelegatePluginStep() => Pipeline.DelegatePlugin.Step("Create", "lqx_project", PipelineStage.PreOperation, (context, provider) =>
    {
        var target = (Entity)context.InputParameters["Target"];
        var metadata = (RetrieveAttributeResponse)Pipeline.PluginServices.Service(provider).Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "lqx_project", LogicalName = "lqx_priority" });
        var value = target.GetAttributeValue<OptionSetValue>("lqx_priority").Value;
        var label = ((EnumAttributeMetadata)metadata.AttributeMetadata!).OptionSet!.Options.Single(o => o.Value == value).Label!.UserLocalizedLabel!.Label;
        target["lqx_name"] = $"{target.GetAttributeValue<string>("lqx_name")} ({label})";
    });
}
