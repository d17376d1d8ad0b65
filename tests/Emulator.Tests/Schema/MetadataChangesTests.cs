using System.Linq;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Metadata.Query;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>RetrieveMetadataChanges with the SDK's metadata query classes, answered from the same schema (issue 12 item 4).</summary>
[TestClass]
public sealed class MetadataChangesTests
{
    private static RetrieveMetadataChangesResponse Run(XrmEmulator emulator, EntityQueryExpression query, string? stamp = null) =>
        (RetrieveMetadataChangesResponse)emulator.GetOrganizationService().Execute(new RetrieveMetadataChangesRequest { Query = query, ClientVersionStamp = stamp });

    [TestMethod]
    public void Criteria_LogicalNameIn_OnlyThoseTablesWithOnlyTheNamedProperties()
    {
        var query = new EntityQueryExpression { Properties = new MetadataPropertiesExpression("LogicalName", "DisplayName") };
        query.Criteria = new MetadataFilterExpression(LogicalOperator.And);
        query.Criteria.Conditions.Add(new MetadataConditionExpression("LogicalName", MetadataConditionOperator.In, new[] { "lead", "account" }));

        var tables = Run(new XrmEmulator(), query).EntityMetadata!;

        CollectionAssert.AreEqual(new[] { "account", "lead" }, tables.Select(t => t.LogicalName).ToArray());
        var lead = tables.Single(t => t.LogicalName == "lead");
        Assert.AreEqual("Lead", lead.DisplayName!.UserLocalizedLabel!.Label);
        Assert.IsNull(lead.SchemaName, "a property the query does not name is null");
        Assert.IsNull(lead.Attributes);
        Assert.IsNotNull(lead.MetadataId);
    }

    [TestMethod]
    public void AttributeQuery_PicklistsOfImportedTable_TypedWithTheirOptions()
    {
        var emulator = SolutionSchemaTests.Imported();
        var query = new EntityQueryExpression
        {
            Criteria = new MetadataFilterExpression(),
            Properties = new MetadataPropertiesExpression("Attributes"),
            AttributeQuery = new AttributeQueryExpression { Criteria = new MetadataFilterExpression(), Properties = new MetadataPropertiesExpression("LogicalName", "OptionSet") },
        };
        query.Criteria.Conditions.Add(new MetadataConditionExpression("SchemaName", MetadataConditionOperator.Equals, "lqx_project"));
        query.AttributeQuery.Criteria.Conditions.Add(new MetadataConditionExpression("AttributeType", MetadataConditionOperator.Equals, AttributeTypeCode.Picklist));

        var project = Run(emulator, query).EntityMetadata!.Single();

        CollectionAssert.AreEquivalent(new[] { "lqx_priority", "lqx_phase" }, project.Attributes!.Select(a => a.LogicalName).ToArray());
        var phase = (PicklistAttributeMetadata)project.Attributes!.Single(a => a.LogicalName == "lqx_phase");
        Assert.AreEqual("Delivery", phase.OptionSet!.Options.Single(o => o.Value == 2).Label!.UserLocalizedLabel!.Label);
        Assert.IsNull(phase.DisplayName);
    }

    [TestMethod]
    public void OrFilter_IsCustomEntityOrLead_CustomTablesAndLead()
    {
        var emulator = SolutionSchemaTests.Imported();
        var query = new EntityQueryExpression { Criteria = new MetadataFilterExpression(LogicalOperator.Or), Properties = new MetadataPropertiesExpression("LogicalName") };
        query.Criteria.Conditions.Add(new MetadataConditionExpression("IsCustomEntity", MetadataConditionOperator.Equals, true));
        query.Criteria.Conditions.Add(new MetadataConditionExpression("LogicalName", MetadataConditionOperator.Equals, "lead"));

        var names = Run(emulator, query).EntityMetadata!.Select(t => t.LogicalName).ToArray();

        CollectionAssert.AreEqual(new[] { "lead", "lqx_project", "lqx_project_contact", "lqx_projecttask" }, names, "the N:N intersect table is a custom table too");
    }

    [TestMethod]
    public void ClientVersionStamp_OnlyTablesChangedSince()
    {
        var emulator = new XrmEmulator();
        var all = new EntityQueryExpression { Properties = new MetadataPropertiesExpression("LogicalName") };
        var first = Run(emulator, all);

        var unchanged = Run(emulator, all, first.ServerVersionStamp);
        emulator.Schema.ImportSolution(SolutionSchemaTests.Customizations);
        var changed = Run(emulator, all, first.ServerVersionStamp);

        Assert.IsGreaterThan(20, first.EntityMetadata!.Count);
        Assert.IsEmpty(unchanged.EntityMetadata!);
        CollectionAssert.AreEquivalent(new[] { "account", "contact", "lead", "lqx_project", "lqx_project_contact", "lqx_projecttask" }, changed.EntityMetadata!.Select(t => t.LogicalName).ToArray());
        Assert.IsEmpty(changed.DeletedMetadata!);
    }

    [TestMethod]
    public void LabelQuery_FilterLanguages_OnlyThoseLocalizedLabels()
    {
        var query = new EntityQueryExpression
        {
            Criteria = new MetadataFilterExpression(),
            Properties = new MetadataPropertiesExpression("DisplayName", "Attributes"),
            AttributeQuery = new AttributeQueryExpression { Criteria = new MetadataFilterExpression(), Properties = new MetadataPropertiesExpression("DisplayName", "OptionSet") },
            LabelQuery = new LabelQueryExpression(),
        };
        query.Criteria.Conditions.Add(new MetadataConditionExpression("LogicalName", MetadataConditionOperator.Equals, "lead"));
        query.AttributeQuery.Criteria.Conditions.Add(new MetadataConditionExpression("LogicalName", MetadataConditionOperator.Equals, "purchasetimeframe"));
        query.LabelQuery.FilterLanguages.Add(1031);

        var lead = Run(new XrmEmulator(), query).EntityMetadata!.Single();

        CollectionAssert.AreEqual(new[] { 1031 }, lead.DisplayName!.LocalizedLabels.Select(l => l.LanguageCode).ToArray());
        var timeframe = (PicklistAttributeMetadata)lead.Attributes!.Single();
        CollectionAssert.AreEqual(new[] { "Sofort" }, timeframe.OptionSet!.Options.Single(o => o.Value == 0).Label!.LocalizedLabels.Select(l => l.Label).ToArray());
    }

    [TestMethod]
    public void UnknownPropertyInCriteria_FaultsInvalidArgument()
    {
        var query = new EntityQueryExpression { Criteria = new MetadataFilterExpression() };
        query.Criteria.Conditions.Add(new MetadataConditionExpression("NoSuchProperty", MetadataConditionOperator.Equals, "x"));

        Assert.AreEqual(Faults.InvalidArgument, TestSupport.FaultCode(() => Run(new XrmEmulator(), query)));
    }
}
