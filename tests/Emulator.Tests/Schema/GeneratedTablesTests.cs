using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>Tables generated from Microsoft's table reference (issue 12 item 1): opportunity, transactioncurrency, annotation, the BPF and process tables, environment variables.</summary>
[TestClass]
public sealed class GeneratedTablesTests
{
    [TestMethod]
    public void Opportunity_DocumentedColumns_StoredAndQueryable()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var id = service.Create(new Entity("opportunity")
        {
            ["name"] = "Turbines",
            ["budgetstatus"] = new OptionSetValue(2),
            ["closeprobability"] = 70,
            ["opportunityratingcode"] = new OptionSetValue(1),
            ["salesstage"] = new OptionSetValue(1),
            ["discountpercentage"] = 12.5m,
            ["customerneed"] = "Lower running costs",
        });
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("closeprobability", "identifycompetitors") };
        query.Criteria.AddCondition("budgetstatus", ConditionOperator.Equal, 2);
        var row = service.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual((id, 70), (row.Id, row.GetAttributeValue<int>("closeprobability")));
        Assert.IsFalse(row.GetAttributeValue<bool>("identifycompetitors"), "a documented two-option column gets its default on Create");
    }

    [TestMethod]
    [DataRow("closeprobability", 101, DisplayName = "Probability over its documented 100")]
    [DataRow("budgetstatus", 9, DisplayName = "Budget option not in the set")]
    [DataRow("opportunityname", "x", DisplayName = "column the page does not document")]
    public void Opportunity_ValueOutsideTheReference_Faults(string column, object value)
    {
        var service = new XrmEmulator().GetOrganizationService();
        var opportunity = new Entity("opportunity") { ["name"] = "Turbines" };
        opportunity[column] = column == "budgetstatus" ? new OptionSetValue((int)value) : value;

        var code = TestSupport.FaultCode(() => service.Create(opportunity));

        Assert.AreEqual(column == "opportunityname" ? Faults.QueryBuilderNoAttribute : column == "budgetstatus" ? Faults.PicklistValueOutOfRange : Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void GeneratedTables_TypesAndGermanLabels_FromTheReferenceAndThePackage()
    {
        var schema = new XrmEmulator().Schema;
        var opportunity = schema.Find("opportunity")!;
        var currency = schema.Find("transactioncurrency")!;

        Assert.AreEqual((ColumnKind.Customer, "Potenzieller Kunde"), (opportunity.Attributes["customerid"].Type, opportunity.Attributes["customerid"].DisplayName.For(1031)));
        Assert.IsFalse(opportunity.Attributes["totalamount"].ValidForCreate, "documented IsValidForCreate False");
        Assert.AreEqual(("opportunities", "Currency"), (opportunity.EntitySetName, currency.DisplayName.English));
        Assert.AreEqual((0m, 10m), (currency.Attributes["currencyprecision"].MinValue, currency.Attributes["currencyprecision"].MaxValue));
        Assert.AreEqual("Custom", currency.Attributes["currencytype"].FindOption(1)!.Label.English);
    }

    [TestMethod]
    public void Annotation_DocumentedColumnsStored_NotesRegardingALeadGoWithIt()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Fischer" });
        var noteId = service.Create(new Entity("annotation")
        {
            ["subject"] = "Call notes",
            ["langid"] = "de",
            ["stepid"] = "qualify",
            ["objectid"] = new EntityReference("lead", leadId),
        });
        var query = new QueryExpression("annotation") { ColumnSet = new ColumnSet("stepid", "isdocument") };
        query.Criteria.AddCondition("langid", ConditionOperator.Equal, "de");
        var note = service.RetrieveMultiple(query).Entities.Single();

        service.Delete("lead", leadId);

        Assert.AreEqual((noteId, "qualify"), (note.Id, note.GetAttributeValue<string>("stepid")));
        Assert.IsFalse(note.GetAttributeValue<bool>("isdocument"), "documented default of the two-option column");
        Assert.AreEqual(0, service.RetrieveMultiple(new QueryExpression("annotation")).Entities.Count, "Lead_Annotation cascades the delete");
    }

    [TestMethod]
    public void Annotation_ColumnThePageDoesNotDocument_StillFaults()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Create(new Entity("annotation") { ["subject"] = "x", ["regardingobjectid"] = "y" }));

        Assert.AreEqual(Faults.QueryBuilderNoAttribute, code);
    }

    [TestMethod]
    public void BusinessProcessFlowRows_FollowTheDocumentedCascades_DeletedWithTheLeadKeptWithTheOpportunity()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Fischer" });
        var otherLeadId = service.Create(new Entity("lead") { ["lastname"] = "Weber" });
        var opportunityId = service.Create(new Entity("opportunity") { ["name"] = "Turbines" });
        var ofLead = service.Create(new Entity("leadtoopportunitysalesprocess") { ["name"] = "Lead to Opportunity Sales Process", ["leadid"] = new EntityReference("lead", leadId) });
        var ofOpportunity = service.Create(new Entity("leadtoopportunitysalesprocess")
        {
            ["name"] = "Lead to Opportunity Sales Process",
            ["leadid"] = new EntityReference("lead", otherLeadId),
            ["opportunityid"] = new EntityReference("opportunity", opportunityId),
        });

        service.Delete("lead", leadId);
        service.Delete("opportunity", opportunityId);
        var left = service.RetrieveMultiple(new QueryExpression("leadtoopportunitysalesprocess")).Entities.Select(e => e.Id).ToList();

        Assert.IsFalse(left.Contains(ofLead), "lk_leadtoopportunitysalesprocess_leadid: Delete Cascade");
        Assert.IsTrue(left.Contains(ofOpportunity), "lk_leadtoopportunitysalesprocess_opportunityid: Delete NoCascade");
    }

    [TestMethod]
    public void ProcessAndEnvironmentVariableTables_TypesOptionsAndGermanLabels()
    {
        var schema = new XrmEmulator().Schema;
        var stage = schema.Find("processstage")!;
        var definition = schema.Find("environmentvariabledefinition")!;
        var value = schema.Find("environmentvariablevalue")!;

        Assert.AreEqual(("Process Stage Name", "Phasenname"), (stage.Attributes["stagename"].DisplayName.English, stage.Attributes["stagename"].DisplayName.For(1031)));
        Assert.AreEqual(("Qualify", "Qualifizieren"), (stage.Attributes["stagecategory"].FindOption(0)!.Label.English, stage.Attributes["stagecategory"].FindOption(0)!.Label.For(1031)));
        Assert.AreEqual("Data Source", definition.Attributes["type"].FindOption(100000004)!.Label.English);
        Assert.AreEqual((ColumnKind.Memo, 2000), (value.Attributes["value"].Type, value.Attributes["value"].MaxLength));
        Assert.IsFalse(definition.Attributes["schemaname"].ValidForUpdate, "documented IsValidForUpdate False");
        CollectionAssert.IsSubsetOf(new[] { "account", "contact", "lead", "opportunity" }, schema.Find("annotation")!.Attributes["objectid"].Targets.ToArray());
    }

    [TestMethod]
    public void SystemUser_DocumentedColumnsStored_BusinessOwnedAsDocumented()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var userId = emulator.CreateUser("Grace", "Hopper");

        service.Update(new Entity("systemuser", userId) { ["jobtitle"] = "Rear Admiral", ["mobilephone"] = "+1 555 0100", ["preferredphonecode"] = new OptionSetValue(4) });
        var query = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("jobtitle", "fullname") };
        query.Criteria.AddCondition("preferredphonecode", ConditionOperator.Equal, 4);
        var user = service.RetrieveMultiple(query).Entities.Single();
        var metadata = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = "systemuser", EntityFilters = EntityFilters.Entity })).EntityMetadata;

        Assert.AreEqual(("Rear Admiral", "Grace Hopper"), (user.GetAttributeValue<string>("jobtitle"), user.GetAttributeValue<string>("fullname")));
        Assert.AreEqual(OwnershipTypes.BusinessOwned, metadata!.OwnershipType);
        Assert.AreEqual(Faults.QueryBuilderNoAttribute, TestSupport.FaultCode(() => service.Update(new Entity("systemuser", userId) { ["nickname2"] = "x" })));
    }

    [TestMethod]
    public void BusinessUnit_WithUsers_DeleteRestrictedByTheDocumentedCascade()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var unitId = emulator.Security.CreateBusinessUnit("Sales Europe");
        emulator.CreateUser("Lise", "Meitner", businessUnitId: unitId);

        var code = TestSupport.FaultCode(() => service.Delete("businessunit", unitId));

        Assert.AreEqual(Faults.InvalidState, code, "business_unit_system_users: Delete Restrict");
        Assert.AreEqual("Sales Europe", service.Retrieve("businessunit", unitId, new ColumnSet("name")).GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void TeamWorkflowCampaignAndOpportunityClose_TypesOptionsAndGermanLabels()
    {
        var schema = new XrmEmulator().Schema;
        var team = schema.Find("team")!;
        var workflow = schema.Find("workflow")!;
        var campaign = schema.Find("campaign")!;
        var close = schema.Find("opportunityclose")!;

        Assert.AreEqual((Metadata.OwnershipType.BusinessOwned, "AAD Security Group"), (team.Ownership, team.Attributes["teamtype"].FindOption(2)!.Label.English));
        Assert.AreEqual(("Business Process Flow", "Geschäftsprozessfluss"), (workflow.Attributes["category"].FindOption(4)!.Label.English, workflow.Attributes["category"].FindOption(4)!.Label.For(1031)));
        Assert.AreEqual((ColumnKind.Money, "Event"), (campaign.Attributes["expectedrevenue"].Type, campaign.Attributes["typecode"].FindOption(3)!.Label.English));
        Assert.AreEqual(("Closed On", "Abschlussdatum"), (close.Attributes["actualend"].DisplayName.English, close.Attributes["actualend"].DisplayName.For(1031)));
        Assert.IsFalse(close.Attributes["statecode"].ValidForCreate, "documented IsValidForCreate False");
    }

    [TestMethod]
    public void SolutionWebResourceAndImportJob_AsDocumented()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var schema = emulator.Schema;

        var id = service.Create(new Entity("webresource") { ["name"] = "new_/page.html", ["webresourcetype"] = new OptionSetValue(1), ["languagecode"] = 1031 });
        var page = service.Retrieve("webresource", id, new ColumnSet("languagecode", "isenabledformobileclient"));

        Assert.AreEqual((1031, false), (page.GetAttributeValue<int>("languagecode"), page.GetAttributeValue<bool>("isenabledformobileclient")));
        Assert.AreEqual((Metadata.OwnershipType.OrganizationOwned, "Silverlight (XAP)"), (schema.Find("webresource")!.Ownership, schema.Find("webresource")!.Attributes["webresourcetype"].FindOption(8)!.Label.English));
        Assert.IsNull(schema.Find("importjob")!.PrimaryNameAttribute, "the importjob page documents no primary name");
        Assert.IsFalse(schema.Find("solution")!.Attributes["installedon"].ValidForCreate, "documented read-only; the import writes it as the platform does");
        Assert.AreEqual((Metadata.OwnershipType.OrganizationOwned, Metadata.CascadeType.Restrict), (schema.Find("sdkmessage")!.Ownership, schema.FindRelationship("sdkmessageid_sdkmessageprocessingstep")!.Delete));
    }
}
