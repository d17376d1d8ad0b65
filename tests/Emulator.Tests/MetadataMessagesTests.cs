using System;
using System.Linq;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>RetrieveEntity, RetrieveAttribute, RetrieveAllEntities, RetrieveOptionSet, RetrieveRelationship answered from the schema.</summary>
[TestClass]
public sealed class MetadataMessagesTests
{
    [TestMethod]
    public void RetrieveEntity_LeadWithAttributes_DescribesTableAndTypedColumns()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var lead = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = "lead", EntityFilters = EntityFilters.Attributes })).EntityMetadata!;

        Assert.AreEqual(("lead", "leads", "leadid", "fullname", OwnershipTypes.UserOwned), (lead.LogicalName, lead.EntitySetName, lead.PrimaryIdAttribute, lead.PrimaryNameAttribute, lead.OwnershipType));
        var subject = (StringAttributeMetadata)lead.Attributes!.Single(a => a.LogicalName == "subject");
        Assert.AreEqual((300, AttributeRequiredLevel.ApplicationRequired, "Topic"), (subject.MaxLength, subject.RequiredLevel!.Value, subject.DisplayName!.UserLocalizedLabel!.Label));
        var employees = (IntegerAttributeMetadata)lead.Attributes!.Single(a => a.LogicalName == "numberofemployees");
        Assert.AreEqual((0, 1_000_000), (employees.MinValue, employees.MaxValue));
        Assert.AreEqual(AttributeTypeCode.Customer, lead.Attributes!.Single(a => a.LogicalName == "customerid").AttributeType);
        Assert.IsFalse(lead.Attributes!.Single(a => a.LogicalName == "fullname").IsValidForCreate);
        Assert.IsNull(lead.OneToManyRelationships, "relationships only when asked for");
    }

    [TestMethod]
    public void RetrieveEntity_Relationships_CarryDocumentedCascades()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var account = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = "account", EntityFilters = EntityFilters.Relationships })).EntityMetadata!;

        var contacts = account.OneToManyRelationships!.Single(r => r.SchemaName == "contact_customer_accounts");
        Assert.AreEqual(("contact", "parentcustomerid", CascadeType.Cascade), (contacts.ReferencingEntity, contacts.ReferencingAttribute, contacts.CascadeConfiguration!.Delete));
        Assert.IsNull(account.Attributes);
    }

    [TestMethod]
    public void RetrieveAttribute_PicklistForGermanUser_HasGermanUserLabelsAndBothLanguages()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService(emulator.CreateUser("Lise", "Meitner", uiLanguageId: 1031));

        var attribute = (PicklistAttributeMetadata)((RetrieveAttributeResponse)service.Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "purchasetimeframe" })).AttributeMetadata!;

        Assert.AreEqual("Kaufzeitrahmen", attribute.DisplayName!.UserLocalizedLabel!.Label);
        var immediate = attribute.OptionSet!.Options.Single(o => o.Value == 0);
        Assert.AreEqual("Sofort", immediate.Label!.UserLocalizedLabel!.Label);
        Assert.AreEqual("Immediate", immediate.Label.LocalizedLabels.Single(l => l.LanguageCode == 1033).Label);
    }

    [TestMethod]
    public void RetrieveAttribute_StatusColumn_OptionsNameTheirState()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var status = (StatusAttributeMetadata)((RetrieveAttributeResponse)service.Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "statuscode" })).AttributeMetadata!;

        Assert.AreEqual(2, status.OptionSet!.Options.OfType<StatusOptionMetadata>().Single(o => o.Value == 6).State);
    }

    [TestMethod]
    public void RetrieveAttribute_UnknownColumn_FaultsObjectDoesNotExist()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Execute(new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "new_nothing" }));

        Assert.AreEqual(Faults.ObjectDoesNotExist, code);
    }

    [TestMethod]
    public void RetrieveEntity_UnknownTable_FaultsObjectDoesNotExist()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Execute(new RetrieveEntityRequest { LogicalName = "new_nothing", EntityFilters = EntityFilters.Entity }));

        Assert.AreEqual(Faults.ObjectDoesNotExist, code);
    }

    [TestMethod]
    public void RetrieveAllEntities_IncludesStandardAndCustomTables()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.Table("new_project", t => t.DisplayName("Project", "Projekt").String("new_code", 20, "Code"));

        var all = ((RetrieveAllEntitiesResponse)emulator.GetOrganizationService().Execute(new RetrieveAllEntitiesRequest { EntityFilters = EntityFilters.Entity })).EntityMetadata!;

        CollectionAssert.IsSubsetOf(new[] { "lead", "account", "contact", "opportunity", "new_project" }, all.Select(e => e.LogicalName).ToArray());
        Assert.IsTrue(all.Single(e => e.LogicalName == "new_project").IsCustomEntity);
    }

    [TestMethod]
    public void RetrieveOptionSet_ByLocalName_ReturnsTheOptions()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var optionSet = (OptionSetMetadata)((RetrieveOptionSetResponse)service.Execute(new RetrieveOptionSetRequest { Name = "lead_industrycode" })).OptionSetMetadata!;

        Assert.AreEqual(33, optionSet.Options.Count);
        Assert.AreEqual("Consulting", optionSet.Options.Single(o => o.Value == 7).Label!.UserLocalizedLabel!.Label);
    }

    [TestMethod]
    public void RetrieveRelationship_ByName_ReturnsOneToMany()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var relationship = (OneToManyRelationshipMetadata)((RetrieveRelationshipResponse)service.Execute(new RetrieveRelationshipRequest { Name = "lead_customer_accounts" })).RelationshipMetadata!;

        Assert.AreEqual(("account", "accountid", "lead", "customerid"), (relationship.ReferencedEntity, relationship.ReferencedAttribute, relationship.ReferencingEntity, relationship.ReferencingAttribute));
    }

    [TestMethod]
    public void Plugin_ReadsOptionLabelThroughRetrieveAttribute_GetsTheUsersLanguage()
    {
        var emulator = new XrmEmulator();
        var german = emulator.CreateUser("Lise", "Meitner", uiLanguageId: 1031);
        var target = new Entity("lead") { ["leadsourcecode"] = new OptionSetValue(7) };

        emulator.ExecutePlugin(new LeadSourceLabelPlugin(), new PluginRun { Message = "Create", Stage = PipelineStage.PreOperation, Target = target, UserId = german });

        Assert.AreEqual("Messe", target["description"]);
    }

    [TestMethod]
    public void SchemaTable_CustomTable_BehavesAsAStandardOne()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.Table("new_project", t => t
            .DisplayName("Project", "Projekt")
            .String("new_code", 5, "Code", "Kennung")
            .Picklist("new_phase", "Phase", "Phase", Metadata.SchemaTableBuilder.Option(1, "Plan", "Planung"), Metadata.SchemaTableBuilder.Option(2, "Build", "Bau"))
            .Lookup("new_leadid", "Lead", "Lead", "lead", Metadata.CascadeType.Cascade));
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(TestSupport.Lead());

        var id = service.Create(new Entity("new_project") { ["new_name"] = "Alpha", ["new_code"] = "A1", ["new_phase"] = new OptionSetValue(2), ["new_leadid"] = new EntityReference("lead", leadId) });
        var query = new Microsoft.Xrm.Sdk.Query.QueryExpression("new_project") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("new_code") };
        query.Criteria.AddCondition("new_phase", Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, 2);

        Assert.AreEqual(1, service.RetrieveMultiple(query).Entities.Count);
        Assert.AreEqual(Faults.StringLengthTooLong, TestSupport.FaultCode(() => service.Create(new Entity("new_project") { ["new_code"] = "TOOLONG" })));
        Assert.AreEqual(Faults.PicklistValueOutOfRange, TestSupport.FaultCode(() => service.Create(new Entity("new_project") { ["new_phase"] = new OptionSetValue(9) })));
        Assert.AreEqual(Faults.QueryBuilderNoAttribute, TestSupport.FaultCode(() => service.Create(new Entity("new_project") { ["new_other"] = "x" })));
        service.Delete("lead", leadId);
        Assert.IsNull(emulator.Get("new_project", id), "the Cascade relationship deletes the project with its lead");
    }

    /// <summary>Writes the label of the lead source into the description, as a plug-in reading metadata would.</summary>
    private sealed class LeadSourceLabelPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var service = factory.CreateOrganizationService(context.UserId);
            var target = (Entity)context.InputParameters["Target"];
            var attribute = (PicklistAttributeMetadata)((RetrieveAttributeResponse)service.Execute(
                new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "leadsourcecode" })).AttributeMetadata!;
            var value = target.GetAttributeValue<OptionSetValue>("leadsourcecode").Value;
            target["description"] = attribute.OptionSet!.Options.Single(o => o.Value == value).Label!.UserLocalizedLabel!.Label!;
        }
    }
}
