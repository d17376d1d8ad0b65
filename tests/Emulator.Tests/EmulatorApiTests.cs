using System;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class EmulatorApiTests
{
    [TestMethod]
    public void New_Emulator_HasSystemRows()
    {
        var emulator = new XrmEmulator();

        var organization = emulator.Get("organization", emulator.OrganizationId)!;
        var admin = emulator.Get("systemuser", emulator.AdministratorId)!;

        Assert.AreEqual(emulator.BaseCurrencyId, organization.GetAttributeValue<EntityReference>("basecurrencyid").Id);
        Assert.AreEqual("USD", emulator.Get("transactioncurrency", emulator.BaseCurrencyId)!.GetAttributeValue<string>("isocurrencycode"));
        Assert.AreEqual("System Administrator", admin.GetAttributeValue<string>("fullname"));
        Assert.AreEqual(1033, emulator.Get("usersettings", emulator.AdministratorId)!.GetAttributeValue<int>("uilanguageid"));
        Assert.HasCount(1, emulator.All("businessunit"));
        Assert.HasCount(SdkMessages.All.Count, emulator.All("sdkmessage"));
    }

    [TestMethod]
    public void SetEnvironmentVariable_SetTwiceThenCleared_KeepsOneCurrentValueThenNone()
    {
        var emulator = new XrmEmulator();
        var definition = new Entity("environmentvariabledefinition", Guid.NewGuid()) { ["schemaname"] = "new_Setting", ["defaultvalue"] = "d" };
        var other = new Entity("environmentvariabledefinition", Guid.NewGuid()) { ["schemaname"] = "new_Other" };
        emulator.Seed(definition, other);
        emulator.SetEnvironmentVariable("new_Other", "untouched");

        emulator.SetEnvironmentVariable("new_Setting", "first");
        emulator.SetEnvironmentVariable("new_Setting", "second");

        Assert.AreEqual("second", ValueOf(emulator, definition.Id));
        emulator.SetEnvironmentVariable("new_Setting", null);
        Assert.IsNull(ValueOf(emulator, definition.Id));
        Assert.AreEqual("untouched", ValueOf(emulator, other.Id), "Only the named variable changes.");
    }

    [TestMethod]
    public void SetEnvironmentVariable_UnknownSchemaName_ThrowsNamingItAndWritesNothing()
    {
        var emulator = new XrmEmulator();

        var error = Assert.ThrowsExactly<ArgumentException>(() => emulator.SetEnvironmentVariable("new_Missing", "x"));

        Assert.Contains("'new_Missing'", error.Message);
        Assert.IsEmpty(emulator.All("environmentvariablevalue"));
    }

    [TestMethod]
    public void CreateUser_German_SeedsUserAndSettings()
    {
        var emulator = new XrmEmulator();

        var userId = emulator.CreateUser("Lise", "Meitner", uiLanguageId: 1031);

        Assert.AreEqual("Lise Meitner", emulator.Get("systemuser", userId)!.GetAttributeValue<string>("fullname"));
        Assert.AreEqual(1031, emulator.Get("usersettings", userId)!.GetAttributeValue<int>("uilanguageid"));
    }

    [TestMethod]
    public void Seed_WithStateAndCreatedOn_KeepsGivenValues()
    {
        var emulator = new XrmEmulator();
        var id = Guid.NewGuid();
        var createdOn = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        emulator.Seed(new Entity("lead", id) { ["lastname"] = "Old", ["statecode"] = new OptionSetValue(2), ["createdon"] = createdOn });

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(4, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.AreEqual(createdOn, row.GetAttributeValue<DateTime>("createdon"));
        Assert.AreEqual(emulator.AdministratorId, row.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void Seed_UnknownColumn_FaultsQueryBuilderNoAttribute()
    {
        var emulator = new XrmEmulator();

        var code = TestSupport.FaultCode(() => emulator.Seed(new Entity("lead") { ["nosuch"] = 1 }));

        Assert.AreEqual(Faults.QueryBuilderNoAttribute, code);
    }

    [TestMethod]
    public void Calls_CountPerMessage_AndReset()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        service.Update(new Entity("lead", id) { ["subject"] = "x" });
        service.Update(new Entity("lead", id) { ["subject"] = "y" });

        var updates = emulator.Calls["Update"];
        emulator.Calls.Reset();

        Assert.AreEqual(2, updates);
        Assert.AreEqual(0, emulator.Calls["Update"]);
        Assert.AreEqual(0, emulator.Calls.Total);
    }

    [TestMethod]
    public void Query_EarlyBoundType_ReturnsTypedCopies()
    {
        var emulator = new XrmEmulator();
        emulator.GetOrganizationService().Create(TestSupport.Lead());

        var leads = emulator.Query<LeadRow>();

        Assert.HasCount(1, leads);
        Assert.AreEqual("Lovelace", leads[0].GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Metadata_Lead_DescribesStateStatusAndGermanLabels()
    {
        var lead = MetadataCatalog.Find("lead")!;

        Assert.AreEqual("leadid", lead.PrimaryIdAttribute);
        Assert.AreEqual("fullname", lead.PrimaryNameAttribute);
        Assert.AreEqual(3, lead.DefaultStatusFor(1));
        Assert.IsTrue(lead.IsValidStatus(2, 7));
        Assert.IsFalse(lead.StateAttribute!.ValidForCreate);
        Assert.AreEqual("Qualifiziert", lead.StateAttribute.FindOption(1)!.Label.For(1031));
        Assert.AreEqual(50, lead.Attributes["firstname"].MaxLength);
        Assert.IsTrue(lead.Attributes.ContainsKey("budgetamount_base"));
    }

    [TestMethod]
    public void Metadata_Relationships_CarryCascadeRules()
    {
        var annotation = MetadataCatalog.FindRelationship("Lead_Annotation")!;
        var originating = MetadataCatalog.FindRelationship("opportunity_originating_lead")!;

        Assert.AreEqual(CascadeType.Cascade, annotation.Delete);
        Assert.AreEqual(CascadeType.RemoveLink, originating.Delete);
        Assert.AreEqual("originatingleadid", originating.ReferencingAttribute);
    }

    /// <summary>Stands in for a generated early-bound class.</summary>
    public sealed class LeadRow : Entity
    {
        public LeadRow()
            : base("lead")
        {
        }
    }

    private static string? ValueOf(XrmEmulator emulator, Guid definitionId)
    {
        var values = emulator.All("environmentvariablevalue")
            .Where(v => v.GetAttributeValue<EntityReference>("environmentvariabledefinitionid").Id == definitionId)
            .ToList();
        Assert.IsLessThanOrEqualTo(1, values.Count, "At most one current value per definition.");
        return values.SingleOrDefault()?.GetAttributeValue<string>("value");
    }
}
