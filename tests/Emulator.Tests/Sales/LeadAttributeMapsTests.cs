using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class LeadAttributeMapsTests
{
    [TestMethod]
    public void Rows_EveryColumn_ExistsInMetadataWithSameType()
    {
        var lead = MetadataCatalog.Find("lead")!;

        foreach (var row in LeadAttributeMaps.Rows)
        {
            var target = MetadataCatalog.Find(row.TargetTable)!;
            Assert.IsTrue(lead.Attributes.ContainsKey(row.Source), row.Source);
            Assert.IsTrue(target.Attributes.ContainsKey(row.Target), row.TargetTable + "." + row.Target);
            Assert.AreEqual(lead.Attributes[row.Source].Type, target.Attributes[row.Target].Type, row.Source);
        }
    }

    [TestMethod]
    public void Rows_ConfirmedOpportunityMaps_ArePresent()
    {
        var rows = LeadAttributeMaps.Rows;

        CollectionAssert.Contains(rows.ToArrayOf(), new AttributeMapRow("opportunity", "subject", "name", MapEvidence.Confirmed));
        CollectionAssert.Contains(rows.ToArrayOf(), new AttributeMapRow("opportunity", "parentaccountid", "parentaccountid", MapEvidence.Confirmed));
        CollectionAssert.Contains(rows.ToArrayOf(), new AttributeMapRow("opportunity", "parentcontactid", "parentcontactid", MapEvidence.Confirmed));
        CollectionAssert.Contains(rows.ToArrayOf(), new AttributeMapRow("account", "companyname", "name", MapEvidence.LeadMetadata));
    }

    [TestMethod]
    public void Rows_StatusCode_IsNeverMapped()
    {
        var rows = LeadAttributeMaps.Rows;

        foreach (var row in rows)
        {
            Assert.AreNotEqual("statuscode", row.Source);
        }
    }

    [TestMethod]
    public void Apply_ReferenceValue_IsCopiedNotShared()
    {
        var reference = new EntityReference("account", System.Guid.NewGuid());
        var lead = new Entity("lead") { ["parentaccountid"] = reference };

        var opportunity = LeadAttributeMaps.Apply(lead, "opportunity");

        Assert.AreNotSame(reference, opportunity["parentaccountid"]);
        Assert.AreEqual(reference.Id, opportunity.GetAttributeValue<EntityReference>("parentaccountid").Id);
    }
}

internal static class MapRowExtensions
{
    public static AttributeMapRow[] ToArrayOf(this System.Collections.Generic.IReadOnlyList<AttributeMapRow> rows)
    {
        var result = new AttributeMapRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = rows[i];
        }

        return result;
    }
}
