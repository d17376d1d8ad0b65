using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>RetrieveRequest.RelatedEntitiesQuery (1:N, N:1, N:N), many-to-many Associate, FetchXML ⇄ QueryExpression (issue 12 item 5).</summary>
[TestClass]
public sealed class RelatedEntitiesTests
{
    private static (XrmEmulator Emulator, IOrganizationService Service, Guid Account, Guid Project) Project()
    {
        var emulator = SolutionSchemaTests.Imported();
        var service = emulator.GetOrganizationService();
        var account = service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        var project = service.Create(new Entity("lqx_project") { ["lqx_name"] = "Rollout", ["lqx_accountid"] = new EntityReference("account", account) });
        service.Create(new Entity("lqx_projecttask") { ["lqx_subject"] = "Kick-off", ["lqx_projectid"] = new EntityReference("lqx_project", project) });
        service.Create(new Entity("lqx_projecttask") { ["lqx_subject"] = "Review", ["lqx_projectid"] = new EntityReference("lqx_project", project) });
        service.Create(new Entity("lqx_projecttask") { ["lqx_subject"] = "Elsewhere" });
        return (emulator, service, account, project);
    }

    private static Entity Retrieve(IOrganizationService service, string table, Guid id, string relationship, QueryExpression query, EntityRole? role = null)
    {
        var request = new RetrieveRequest { Target = new EntityReference(table, id), ColumnSet = new ColumnSet("createdon"), RelatedEntitiesQuery = [] };
        request.RelatedEntitiesQuery[new Relationship(relationship) { PrimaryEntityRole = role }] = query;
        return ((RetrieveResponse)service.Execute(request)).Entity!;
    }

    [TestMethod]
    public void OneToMany_ProjectWithItsTasks_OnlyItsOwnAndTheQuerysFilter()
    {
        var (_, service, _, project) = Project();
        var query = new QueryExpression("lqx_projecttask") { ColumnSet = new ColumnSet("lqx_subject") };
        query.Orders.Add(new OrderExpression("lqx_subject", OrderType.Ascending));

        var row = Retrieve(service, "lqx_project", project, "lqx_lqx_project_lqx_projecttask_ProjectId", query);

        var tasks = row.RelatedEntities[new Relationship("lqx_lqx_project_lqx_projecttask_ProjectId")].Entities;
        CollectionAssert.AreEqual(new[] { "Kick-off", "Review" }, tasks.Select(t => t.GetAttributeValue<string>("lqx_subject")).ToArray());
        Assert.IsEmpty(query.Criteria.Conditions, "the caller's query is left as it was");
    }

    [TestMethod]
    public void ManyToOne_ProjectsAccount_TheOneItPointsAt()
    {
        var (_, service, account, project) = Project();

        var row = Retrieve(service, "lqx_project", project, "lqx_account_lqx_project_AccountId", new QueryExpression("account") { ColumnSet = new ColumnSet("name") });

        var parent = row.RelatedEntities[new Relationship("lqx_account_lqx_project_AccountId")].Entities.Single();
        Assert.AreEqual((account, "Fabrikam"), (parent.Id, parent.GetAttributeValue<string>("name")));
    }

    [TestMethod]
    public void ManyToMany_AssociatedContacts_ReturnedAndDisassociateAndDeleteForgetThem()
    {
        var (emulator, service, _, project) = Project();
        var ada = service.Create(new Entity("contact") { ["lastname"] = "Lovelace" });
        var alan = service.Create(new Entity("contact") { ["lastname"] = "Turing" });
        service.Create(new Entity("contact") { ["lastname"] = "Hopper" });
        service.Associate("lqx_project", project, new Relationship("lqx_project_contact"), [new EntityReference("contact", ada), new EntityReference("contact", alan)]);
        var contacts = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        contacts.Orders.Add(new OrderExpression("lastname", OrderType.Ascending));

        var both = Retrieve(service, "lqx_project", project, "lqx_project_contact", contacts).RelatedEntities[new Relationship("lqx_project_contact")].Entities;
        var duplicate = TestSupport.FaultCode(() => service.Associate("contact", ada, new Relationship("lqx_project_contact"), [new EntityReference("lqx_project", project)]));
        service.Disassociate("contact", alan, new Relationship("lqx_project_contact"), [new EntityReference("lqx_project", project)]);
        service.Delete("contact", ada);

        CollectionAssert.AreEqual(new[] { "Lovelace", "Turing" }, both.Select(c => c.GetAttributeValue<string>("lastname")).ToArray());
        Assert.AreEqual(Faults.DuplicateRecord, duplicate);
        Assert.IsEmpty(emulator.Store.Rows("lqx_project_contact"), "no association outlives Disassociate or the deleted contact");
    }

    [TestMethod]
    public void ManyToMany_IntersectRows_QueryableWithTheirIds()
    {
        var (_, service, _, project) = Project();
        var ada = service.Create(new Entity("contact") { ["lastname"] = "Lovelace" });
        service.Associate("lqx_project", project, new Relationship("lqx_project_contact"), [new EntityReference("contact", ada)]);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("lqx_project_contact", "contactid", "contactid").LinkCriteria.AddCondition("lqx_projectid", ConditionOperator.Equal, project);

        var found = service.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual(ada, found.Id);
    }

    [TestMethod]
    public void ManyToMany_DescribedWithTheBuilder_AssociatesLikeAnImportedOne()
    {
        var emulator = new XrmEmulator();
        emulator.Schema.Table("new_event", t => t.PrimaryNameColumn("new_name", 100, "Event", "Veranstaltung").ManyToMany("new_event_contact", "contact"));
        var service = emulator.GetOrganizationService();
        var eventId = service.Create(new Entity("new_event") { ["new_name"] = "Summit" });
        var ada = service.Create(new Entity("contact") { ["lastname"] = "Lovelace" });

        service.Associate("contact", ada, new Relationship("new_event_contact"), [new EntityReference("new_event", eventId)]);
        var events = Retrieve(service, "contact", ada, "new_event_contact", new QueryExpression("new_event") { ColumnSet = new ColumnSet("new_name") })
            .RelatedEntities[new Relationship("new_event_contact")].Entities;

        Assert.AreEqual("Summit", events.Single().GetAttributeValue<string>("new_name"));
        Assert.AreEqual(ada, emulator.Store.Rows("new_event_contact").Single().GetAttributeValue<Guid>("contactid"));
    }

    [TestMethod]
    public void ManyToMany_Metadata_DescribedByRetrieveEntityAndRetrieveRelationship()
    {
        var (_, service, _, _) = Project();

        var contact = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = "contact", EntityFilters = EntityFilters.Relationships })).EntityMetadata!;
        var byName = (ManyToManyRelationshipMetadata)((RetrieveRelationshipResponse)service.Execute(new RetrieveRelationshipRequest { Name = "lqx_project_contact" })).RelationshipMetadata!;

        var listed = contact.ManyToManyRelationships!.Single(r => r.SchemaName == "lqx_project_contact");
        Assert.AreEqual(("lqx_project", "lqx_projectid", "contact", "contactid", "lqx_project_contact"),
            (listed.Entity1LogicalName, listed.Entity1IntersectAttribute, listed.Entity2LogicalName, listed.Entity2IntersectAttribute, listed.IntersectEntityName));
        Assert.AreEqual(listed.MetadataId, byName.MetadataId);
    }

    [TestMethod]
    public void UnknownRelationship_FaultsObjectDoesNotExist()
    {
        var (_, service, _, project) = Project();

        Assert.AreEqual(Faults.ObjectDoesNotExist, TestSupport.FaultCode(() => Retrieve(service, "lqx_project", project, "lqx_nothing", new QueryExpression("contact"))));
    }

    [TestMethod]
    public void QueryExpressionToFetchXml_AndBack_SameRows()
    {
        var (_, service, account, _) = Project();
        var query = new QueryExpression("lqx_projecttask") { ColumnSet = new ColumnSet("lqx_subject"), TopCount = 5 };
        query.Criteria.AddCondition("lqx_subject", ConditionOperator.In, "Kick-off", "Review");
        query.Orders.Add(new OrderExpression("lqx_subject", OrderType.Descending));
        query.AddLink("lqx_project", "lqx_projectid", "lqx_projectid").LinkCriteria.AddCondition("lqx_accountid", ConditionOperator.Equal, account);

        var fetchXml = ((QueryExpressionToFetchXmlResponse)service.Execute(new QueryExpressionToFetchXmlRequest { Query = query })).FetchXml;
        var back = ((FetchXmlToQueryExpressionResponse)service.Execute(new FetchXmlToQueryExpressionRequest { FetchXml = fetchXml })).Query;
        var viaFetch = service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities.Select(e => e.GetAttributeValue<string>("lqx_subject")).ToArray();
        var viaBack = service.RetrieveMultiple(back).Entities.Select(e => e.GetAttributeValue<string>("lqx_subject")).ToArray();

        StringAssert.Contains(fetchXml, "<link-entity name=\"lqx_project\" from=\"lqx_projectid\" to=\"lqx_projectid\" link-type=\"inner\">", StringComparison.Ordinal);
        CollectionAssert.AreEqual(new[] { "Review", "Kick-off" }, viaFetch);
        CollectionAssert.AreEqual(viaFetch, viaBack);
        Assert.AreEqual(("lqx_projecttask", 5), (back.EntityName, back.TopCount));
    }

    [TestMethod]
    public void FetchXmlToQueryExpression_UnknownTable_FaultsAsAQueryDoes()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Execute(new FetchXmlToQueryExpressionRequest { FetchXml = "<fetch><entity name=\"lqx_nothing\" /></fetch>" }));

        Assert.AreEqual(Faults.QueryBuilderNoEntity, code);
    }
}
