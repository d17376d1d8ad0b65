using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>Your own tables from an environment's $metadata (issue 12): tests/Shared/Schema/metadata.xml, see its header.</summary>
[TestClass]
public sealed class CsdlSchemaTests
{
    private static readonly string Metadata = Path.Combine(AppContext.BaseDirectory, "Schema", "metadata.xml");

    private static XrmEmulator Imported()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.ImportCsdl(Metadata);
        return emulator;
    }

    [TestMethod]
    public void ImportCsdl_EntityTypes_KeysTypesEntitySetsAndLookups()
    {
        var emulator = new XrmEmulator();

        var tables = emulator.Schema.ImportCsdl(Metadata);

        CollectionAssert.AreEqual(new[] { "socialprofile", "lqx_site", "lead" }, tables, "the abstract crmbaseentity is no table");
        var site = emulator.Schema.Find("lqx_site")!;
        Assert.AreEqual(("lqx_siteid", "lqx_sites", "lqx_name"), (site.PrimaryIdAttribute, site.EntitySetName, site.PrimaryNameAttribute));
        Assert.AreEqual(
            (ColumnKind.Integer, ColumnKind.Double, ColumnKind.Money, ColumnKind.Boolean, ColumnKind.DateTime, "DateOnly"),
            (site.Attributes["lqx_capacity"].Type, site.Attributes["lqx_floorarea"].Type, site.Attributes["lqx_rent"].Type, site.Attributes["lqx_isflagship"].Type,
                site.Attributes["lqx_openedon"].Type, site.Attributes["lqx_openedon"].DateTimeBehavior));
        Assert.IsFalse(site.Attributes["lqx_rent_base"].ValidForCreate, "the _base twin is the platform's");
        CollectionAssert.AreEqual(new[] { "account" }, site.Attributes["lqx_accountid"].Targets.ToArray());
        var customer = emulator.Schema.Find("socialprofile")!.Attributes["customerid"];
        Assert.AreEqual(ColumnKind.Customer, customer.Type, "Microsoft's multi-table lookup excerpt: one lookup property, two navigation properties");
        CollectionAssert.AreEquivalent(new[] { "contact", "account" }, customer.Targets.ToArray());
        Assert.AreEqual("Socialprofile_customer_accounts", emulator.Schema.FindRelationship("Socialprofile_customer_accounts")!.SchemaName);
        Assert.AreEqual(ColumnKind.Integer, emulator.Schema.Find("lead")!.Attributes["lqx_fitscore"].Type, "a standard table gains the environment's column");
    }

    [TestMethod]
    public void CsdlTable_CrudQueryAndLookup_AsAStandardTable()
    {
        var emulator = Imported();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Fabrikam" });

        var id = service.Create(new Entity("lqx_site")
        {
            ["lqx_name"] = "Berlin",
            ["lqx_capacity"] = 40,
            ["lqx_rent"] = new Money(2500m),
            ["lqx_isflagship"] = true,
            ["lqx_accountid"] = new EntityReference("account", accountId),
        });
        service.Update(new Entity("lqx_site", id) { ["lqx_capacity"] = 45 });
        var query = new QueryExpression("lqx_site") { ColumnSet = new ColumnSet("lqx_capacity") };
        query.Criteria.AddCondition("lqx_accountid", ConditionOperator.Equal, accountId);
        var row = service.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual(45, row.GetAttributeValue<int>("lqx_capacity"));
        Assert.AreEqual(0, service.Retrieve("lqx_site", id, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(Faults.InvalidArgument, TestSupport.FaultCode(() => service.Create(new Entity("lqx_site") { ["lqx_capacity"] = "40" })));
        Assert.AreEqual(Faults.InvalidArgument, TestSupport.FaultCode(() => service.Create(new Entity("lqx_site") { ["lqx_accountid"] = new EntityReference("contact", Guid.NewGuid()) })));
        Assert.AreEqual(Faults.QueryBuilderNoAttribute, TestSupport.FaultCode(() => service.Create(new Entity("lqx_site") { ["lqx_nothing"] = 1 })));
        Assert.AreEqual(Faults.QueryBuilderNoEntity, TestSupport.FaultCode(() => service.Create(new Entity("lqx_building"))));
    }

    [TestMethod]
    public void CsdlLookup_DeletingTheAccount_RemovesTheLink()
    {
        var emulator = Imported();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        var siteId = service.Create(new Entity("lqx_site") { ["lqx_name"] = "Berlin", ["lqx_accountid"] = new EntityReference("account", accountId) });

        service.Delete("account", accountId);

        Assert.IsFalse(emulator.Get("lqx_site", siteId)!.Contains("lqx_accountid"), "RemoveLink, the platform's default cascade for a new lookup");
    }

    [TestMethod]
    public void ImportCsdl_NotXml_ThrowsInvalidData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lqx-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        try
        {
            Assert.ThrowsExactly<InvalidDataException>(() => new XrmEmulator().Schema.ImportCsdl(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
