using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class LinkEntityTests
{
    private readonly QueryTestData _data = new();

    [TestMethod]
    public void InnerJoin_WithAlias_ReturnsLinkedColumnsAsAliasedValues()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact = query.AddLink("contact", "parentcontactid", "contactid");
        contact.EntityAlias = "c";
        contact.Columns = new ColumnSet("fullname");
        query.AddOrder("subject", OrderType.Ascending);

        var result = _data.Run(query);

        CollectionAssert.AreEqual(
            new[] { "Alpha", "Beta", "Delta", "Epsilon" },
            result.Entities.Select(e => e.GetAttributeValue<string>("subject")).ToArray());
        var aliased = result.Entities[0].GetAttributeValue<AliasedValue>("c.fullname");
        Assert.AreEqual("contact", aliased.EntityLogicalName);
        Assert.AreEqual("fullname", aliased.AttributeLogicalName);
        Assert.AreEqual("Ann Smith", aliased.Value);
    }

    [TestMethod]
    public void OuterJoin_WithoutAlias_KeepsUnmatchedRowsAndNamesTheLinkByTableAndOrdinal()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact = query.AddLink("contact", "parentcontactid", "contactid", JoinOperator.LeftOuter);
        contact.Columns = new ColumnSet("fullname");
        query.AddOrder("subject", OrderType.Ascending);

        var result = _data.Run(query);

        Assert.HasCount(5, result.Entities);
        var gamma = result.Entities.Single(e => e.GetAttributeValue<string>("subject") == "Gamma");
        Assert.IsFalse(gamma.Contains("contact1.fullname"));
        var beta = result.Entities.Single(e => e.GetAttributeValue<string>("subject") == "Beta");
        Assert.AreEqual("Bob Jones", beta.GetAttributeValue<AliasedValue>("contact1.fullname").Value);
    }

    [TestMethod]
    public void InnerAndFirstMatchJoins_ToManySide_RepeatOrKeepTheParentOnce()
    {
        int CountAnn(JoinOperator join)
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            query.AddLink("lead", "contactid", "parentcontactid", join).Columns = new ColumnSet("subject");
            return _data.Run(query).Entities.Count(e => (string)e["fullname"] == "Ann Smith");
        }

        var inner = CountAnn(JoinOperator.Inner);
        var firstMatch = CountAnn(JoinOperator.MatchFirstRowUsingCrossApply);

        Assert.AreEqual(2, inner);
        Assert.AreEqual(1, firstMatch);
    }

    [TestMethod]
    public void LinkCriteria_OnInnerJoin_RestrictsTheJoinedRows()
    {
        var query = new QueryExpression("lead");
        var contact = query.AddLink("contact", "parentcontactid", "contactid");
        contact.LinkCriteria.AddCondition("fullname", ConditionOperator.BeginsWith, "Ann");

        var subjects = _data.SortedSubjects(query);

        CollectionAssert.AreEqual(new[] { "Alpha", "Delta" }, subjects);
    }

    [TestMethod]
    public void NestedLinks_LeadContactAccount_ReachTheSecondLevel()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact = query.AddLink("contact", "parentcontactid", "contactid");
        contact.EntityAlias = "c";
        var account = contact.AddLink("account", "parentcustomerid", "accountid");
        account.EntityAlias = "a";
        account.Columns = new ColumnSet("name");
        account.LinkCriteria.AddCondition("name", ConditionOperator.Like, "Fab%");

        var result = _data.Run(query);

        Assert.HasCount(1, result.Entities);
        Assert.AreEqual("Beta", result.Entities[0]["subject"]);
        Assert.AreEqual("Fabrikam Inc", result.Entities[0].GetAttributeValue<AliasedValue>("a.name").Value);
    }

    [TestMethod]
    public void ConditionOnLinkAlias_AfterOuterJoin_FiltersOnTheLinkedRow()
    {
        var query = new QueryExpression("lead");
        var contact = query.AddLink("contact", "parentcontactid", "contactid", JoinOperator.LeftOuter);
        contact.EntityAlias = "c";
        query.Criteria.AddCondition("c", "contactid", ConditionOperator.Null);

        var subjects = _data.SortedSubjects(query);

        CollectionAssert.AreEqual(new[] { "Gamma" }, subjects);
    }

    [TestMethod]
    public void NotAny_LinkWithCriteria_KeepsRowsWithoutMatches()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        var leads = query.AddLink("lead", "contactid", "parentcontactid", JoinOperator.NotAny);
        leads.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 2);

        var names = _data.Run(query).Entities.Select(e => e.GetAttributeValue<string>("fullname")).Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(new[] { "Bob Jones", "Cat Brown" }, names);
    }

    [TestMethod]
    public void AnyExistsIn_Links_KeepEachParentOnceWithoutLinkedColumns()
    {
        string[] Run(JoinOperator join)
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            var leads = query.AddLink("lead", "contactid", "parentcontactid", join);
            leads.Columns = new ColumnSet("subject");
            leads.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var result = _data.Run(query);
            Assert.IsTrue(result.Entities.All(e => e.Attributes.Count == 2), "semi-joins return no linked columns");
            return [.. result.Entities.Select(e => e.GetAttributeValue<string>("fullname")).Order(StringComparer.Ordinal)];
        }

        var any = Run(JoinOperator.Any);
        var exists = Run(JoinOperator.Exists);
        var inJoin = Run(JoinOperator.In);

        CollectionAssert.AreEqual(new[] { "Ann Smith", "Bob Jones", "Cat Brown" }, any);
        CollectionAssert.AreEqual(any, exists);
        CollectionAssert.AreEqual(any, inJoin);
    }

    [TestMethod]
    public void All_Link_KeepsParentsWithMatchesNoneOfWhichPassTheFilter()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        var leads = query.AddLink("lead", "contactid", "parentcontactid", JoinOperator.All);
        leads.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 2);

        var names = _data.Run(query).Entities.Select(e => e.GetAttributeValue<string>("fullname")).Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(new[] { "Bob Jones", "Cat Brown" }, names);
    }

    [TestMethod]
    public void OrderOnLinkedColumn_ViaEntityNameAndViaLinkOrders_SortsByTheLinkedValue()
    {
        var byEntityName = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact = byEntityName.AddLink("contact", "parentcontactid", "contactid");
        contact.EntityAlias = "c";
        byEntityName.Orders.Add(new OrderExpression("fullname", OrderType.Descending) { EntityName = "c" });
        byEntityName.AddOrder("subject", OrderType.Ascending);
        var byLinkOrders = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact2 = byLinkOrders.AddLink("contact", "parentcontactid", "contactid");
        contact2.Orders.Add(new OrderExpression("fullname", OrderType.Descending));

        var first = _data.Subjects(byEntityName);
        var second = _data.Subjects(byLinkOrders);

        CollectionAssert.AreEqual(new[] { "Epsilon", "Beta", "Alpha", "Delta" }, first);
        CollectionAssert.AreEqual(new[] { "Epsilon", "Beta", "Alpha", "Delta" }, second);
    }

    [TestMethod]
    public void Results_AreClones_MutatingThemLeavesTheStoreUntouched()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition("subject", ConditionOperator.Equal, "Alpha");
        var first = _data.Run(query).Entities[0];

        first.GetAttributeValue<Money>("revenue").Value = 1m;
        first.GetAttributeValue<EntityReference>("ownerid").Id = Guid.Empty;
        first["subject"] = "Changed";
        var again = _data.Run(query).Entities[0];

        Assert.AreEqual(1000m, again.GetAttributeValue<Money>("revenue").Value);
        Assert.AreEqual(QueryTestData.UserId, again.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual("Alpha", again["subject"]);
    }

    [TestMethod]
    public void ColumnSet_SpecificColumns_ReturnsOnlyThoseAndThePrimaryId()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "lastname") };
        query.Criteria.AddCondition("subject", ConditionOperator.Equal, "Delta");
        var empty = new QueryExpression("lead");

        var delta = _data.Run(query).Entities[0];
        var idOnly = _data.Run(empty).Entities[0];

        CollectionAssert.AreEquivalent(new[] { "leadid", "subject" }, delta.Attributes.Keys.ToArray(), "null lastname is omitted");
        Assert.AreEqual(QueryTestData.LeadDelta, delta.Id);
        CollectionAssert.AreEqual(new[] { "leadid" }, idOnly.Attributes.Keys.ToArray());
    }
}
