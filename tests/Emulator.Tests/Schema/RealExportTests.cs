using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>
/// A real exported solution imports: tests/Shared/Schema/coe-audit is an MIT-licensed excerpt of the unpacked
/// CoE Starter Kit audit components (see its NOTICE.md) — SolutionPackager layout, as solutions are kept in source control.
/// </summary>
[TestClass]
public sealed class RealExportTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Schema", "coe-audit");

    [TestMethod]
    public void ImportSolution_UnpackedCoeAuditExcerpt_TableAsExported()
    {
        var emulator = new XrmEmulator();

        var tables = emulator.Schema.ImportSolution(Folder);

        CollectionAssert.AreEqual(new[] { "admin_archiveapproval" }, tables);
        var approval = emulator.Schema.Find("admin_archiveapproval")!;
        Assert.AreEqual(("admin_ArchiveApproval", "admin_archiveapprovals", "admin_name", "admin_archiveapprovalid"),
            (approval.SchemaName, approval.EntitySetName, approval.PrimaryNameAttribute, approval.PrimaryIdAttribute));
        Assert.AreEqual((ColumnKind.String, 255), (approval.Attributes["admin_appdisplayname"].Type, approval.Attributes["admin_appdisplayname"].MaxLength));
        Assert.AreEqual("Canvas", approval.Attributes["cr5d5_archivalitemtype"].FindOption(129260001)!.Label.English, "global choice from OptionSets/");
        Assert.AreEqual("Yes", approval.Attributes["admin_deletioncomplete"].FindOption(1)!.Label.English);
        CollectionAssert.AreEqual(new[] { "admin_app" }, approval.Attributes["admin_applookup"].Targets.ToArray(), "target from Other/Relationships/admin_App.xml");
    }

    [TestMethod]
    public void ExportedTable_CreateAndQuery_TypedAsExported()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.ImportSolution(Folder);
        var service = emulator.GetOrganizationService();

        var id = service.Create(new Entity("admin_archiveapproval")
        {
            ["admin_name"] = "Archive Sales Hub",
            ["cr5d5_archivalitemtype"] = new OptionSetValue(129260001),
            ["admin_approvalresponsedate"] = new DateTime(2026, 5, 4, 0, 0, 0, DateTimeKind.Utc),
        });
        var query = new QueryExpression("admin_archiveapproval") { ColumnSet = new ColumnSet("admin_name", "admin_deletioncomplete", "statuscode") };
        query.Criteria.AddCondition("cr5d5_archivalitemtype", ConditionOperator.Equal, 129260001);
        var row = service.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual((id, "Archive Sales Hub", false, 1), (row.Id, row.GetAttributeValue<string>("admin_name"), row.GetAttributeValue<bool>("admin_deletioncomplete"), row.GetAttributeValue<OptionSetValue>("statuscode").Value));
        Assert.AreEqual(Faults.PicklistValueOutOfRange, TestSupport.FaultCode(() => service.Create(new Entity("admin_archiveapproval") { ["cr5d5_archivalitemtype"] = new OptionSetValue(1) })));
        Assert.AreEqual(Faults.StringLengthTooLong, TestSupport.FaultCode(() => service.Create(new Entity("admin_archiveapproval") { ["admin_name"] = new string('x', 101) })));
        Assert.AreEqual(Faults.QueryBuilderNoAttribute, TestSupport.FaultCode(() => service.Create(new Entity("admin_archiveapproval") { ["admin_flowlookup"] = "x" })), "a column the excerpt left out is unknown");
        Assert.AreNotEqual(0, TestSupport.FaultCode(() => service.Create(new Entity("admin_archiveapproval") { ["admin_applookup"] = new EntityReference("admin_app", Guid.NewGuid()) })), "admin_App is not in this organization");
    }
}
