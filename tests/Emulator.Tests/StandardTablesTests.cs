using System;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>Lead, account and contact carry every column Microsoft's table/column reference documents (Metadata/Reference).</summary>
[TestClass]
public sealed class StandardTablesTests
{
    [TestMethod]
    public void Create_LeadWithDocumentedColumns_StoresAndReturnsThem()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["salutation"] = "Dr.";
        lead["industrycode"] = new OptionSetValue(7);
        lead["revenue"] = new Money(2_500_000m);
        lead["numberofemployees"] = 250;
        lead["address2_city"] = "Lyon";

        var id = service.Create(lead);
        var stored = service.Retrieve("lead", id, new ColumnSet("salutation", "industrycode", "revenue", "revenue_base", "numberofemployees", "address2_city"));

        Assert.AreEqual("Dr.", stored["salutation"]);
        Assert.AreEqual(7, stored.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.AreEqual(2_500_000m, stored.GetAttributeValue<Money>("revenue").Value);
        Assert.AreEqual(2_500_000m, stored.GetAttributeValue<Money>("revenue_base").Value);
        Assert.AreEqual(250, stored["numberofemployees"]);
        Assert.AreEqual("Lyon", stored["address2_city"]);
    }

    [TestMethod]
    public void Create_ContactWithBirthdateAndAnniversary_IsQueryableByThem()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var birthdate = new DateTime(1980, 4, 2, 0, 0, 0, DateTimeKind.Utc);
        service.Create(new Entity("contact") { ["lastname"] = "Roth", ["birthdate"] = birthdate, ["anniversary"] = birthdate.AddYears(30), ["gendercode"] = new OptionSetValue(2) });
        service.Create(new Entity("contact") { ["lastname"] = "Berg", ["birthdate"] = birthdate.AddYears(5) });

        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("birthdate", ConditionOperator.LessThan, new DateTime(1981, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        query.Criteria.AddCondition("gendercode", ConditionOperator.Equal, 2);
        var found = service.RetrieveMultiple(query).Entities;

        Assert.AreEqual(1, found.Count);
        Assert.AreEqual("Roth", found[0]["lastname"]);
    }

    [TestMethod]
    public void Create_AccountWithSalesColumns_StoresThem()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var id = service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 1200, ["creditlimit"] = new Money(50_000m), ["customertypecode"] = new OptionSetValue(3) });
        var stored = service.Retrieve("account", id, new ColumnSet("numberofemployees", "creditlimit", "customertypecode", "followemail"));

        Assert.AreEqual(1200, stored["numberofemployees"]);
        Assert.AreEqual(50_000m, stored.GetAttributeValue<Money>("creditlimit").Value);
        Assert.AreEqual(3, stored.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.IsTrue(stored.GetAttributeValue<bool>("followemail"), "the documented default of followemail is Allow (true)");
    }

    [TestMethod]
    public void Create_OptionOutsideDocumentedChoices_FaultsAndWritesNothing()
    {
        var emulator = new XrmEmulator();
        var lead = TestSupport.Lead();
        lead["industrycode"] = new OptionSetValue(99);

        var code = TestSupport.FaultCode(() => emulator.GetOrganizationService().Create(lead));

        Assert.AreEqual(Faults.PicklistValueOutOfRange, code);
        Assert.AreEqual(0, emulator.All("lead").Count);
    }

    [TestMethod]
    public void Create_ColumnNoPageDocuments_StillFaultsAndWritesNothing()
    {
        var emulator = new XrmEmulator();
        var contact = new Entity("contact") { ["lastname"] = "Roth", ["numberofemployees"] = 3 };

        var code = TestSupport.FaultCode(() => emulator.GetOrganizationService().Create(contact));

        Assert.AreEqual(Faults.QueryBuilderNoAttribute, code);
        Assert.AreEqual(0, emulator.All("contact").Count);
    }

    [TestMethod]
    public void Query_ConditionOnUnknownColumn_Faults()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("new_notacolumn", ConditionOperator.Equal, 1);

        var code = TestSupport.FaultCode(() => service.RetrieveMultiple(query));

        Assert.AreEqual(Faults.QueryBuilderNoAttribute, code);
    }

    [TestMethod]
    public void Update_ReadOnlyDocumentedColumn_IsIgnored()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Update(new Entity("lead", id) { ["onholdtime"] = 15, ["subject"] = "Turbines" });
        var stored = service.Retrieve("lead", id, new ColumnSet("onholdtime", "subject"));

        Assert.IsFalse(stored.Contains("onholdtime"));
        Assert.AreEqual("Turbines", stored["subject"]);
    }

    [TestMethod]
    public void Catalog_Lead_HasTheDocumentedShapeOfItsColumns()
    {
        var lead = MetadataCatalog.Find("lead")!;

        Assert.IsTrue(lead.Attributes.Count > 160, $"lead has {lead.Attributes.Count} columns");
        Assert.AreEqual("leads", lead.EntitySetName);
        Assert.AreEqual("Lead", lead.SchemaName);
        var employees = lead.Attributes["numberofemployees"];
        Assert.AreEqual(("NumberOfEmployees", 0m, 1_000_000m), (employees.SchemaName, employees.MinValue, employees.MaxValue));
        Assert.AreEqual(RequiredLevel.ApplicationRequired, lead.Attributes["lastname"].RequiredLevel);
        Assert.AreEqual(33, lead.Attributes["industrycode"].Options.Count);
        Assert.AreEqual("Kaufzeitrahmen", lead.Attributes["purchasetimeframe"].DisplayName.For(1031));
        Assert.AreEqual("account,contact", string.Join(",", lead.Attributes["customerid"].Targets));
    }

    [TestMethod]
    public void Catalog_DocumentedCascades_ReplaceTheGuessedOnes()
    {
        Assert.AreEqual(CascadeType.Cascade, MetadataCatalog.FindRelationship("lead_customer_accounts")!.Delete);
        Assert.AreEqual(CascadeType.RemoveLink, MetadataCatalog.FindRelationship("contact_customer_contacts")!.Delete);
        Assert.AreEqual(CascadeType.Cascade, MetadataCatalog.FindRelationship("contact_customer_accounts")!.Delete);
        Assert.AreEqual(CascadeType.Restrict, MetadataCatalog.FindRelationship("transactioncurrency_lead")!.Delete);
        Assert.IsNull(MetadataCatalog.FindRelationship("msdyn_msdyn_segment_lead"), "a relationship to a table the emulator lacks is left out");
    }
}
