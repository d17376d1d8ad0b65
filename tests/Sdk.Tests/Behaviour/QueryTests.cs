using System;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class QueryTests
{
    [TestMethod]
    public void ColumnSet_ParamsCtor_ListsColumns()
    {
        var columns = new ColumnSet("subject", "statuscode");

        columns.AddColumn("firstname");
        columns.AddColumns("lastname", "emailaddress1");

        Assert.IsFalse(columns.AllColumns);
        CollectionAssert.AreEqual(new[] { "subject", "statuscode", "firstname", "lastname", "emailaddress1" }, columns.Columns.ToArray());
    }

    [TestMethod]
    public void ColumnSet_AllColumnsCtor_SetsFlagWithoutColumns()
    {
        var columns = new ColumnSet(true);

        Assert.IsTrue(columns.AllColumns);
        Assert.IsEmpty(columns.Columns);
    }

    [TestMethod]
    public void QueryExpression_NewInstance_HasEmptyDefaults()
    {
        var query = new QueryExpression("lead");

        Assert.AreEqual("lead", query.EntityName);
        Assert.IsNotNull(query.ColumnSet);
        Assert.IsFalse(query.ColumnSet.AllColumns);
        Assert.AreEqual(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.IsNotNull(query.PageInfo);
        Assert.IsEmpty(query.LinkEntities);
        Assert.IsEmpty(query.Orders);
        Assert.IsNull(query.TopCount);
    }

    [TestMethod]
    public void QueryExpression_AddOrder_AppendsOrderExpression()
    {
        var query = new QueryExpression("lead");

        query.AddOrder("createdon", OrderType.Descending);
        query.AddOrder("subject", OrderType.Ascending, "l", "lead");

        Assert.HasCount(2, query.Orders);
        Assert.AreEqual("createdon", query.Orders[0].AttributeName);
        Assert.AreEqual(OrderType.Descending, query.Orders[0].OrderType);
        Assert.AreEqual("l", query.Orders[1].Alias);
        Assert.AreEqual("lead", query.Orders[1].EntityName);
    }

    [TestMethod]
    public void QueryExpression_AddLink_LinksFromQueryEntity()
    {
        var query = new QueryExpression("lead");

        var link = query.AddLink("account", "parentaccountid", "accountid");
        var nested = link.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);

        Assert.AreEqual("lead", link.LinkFromEntityName);
        Assert.AreEqual("account", link.LinkToEntityName);
        Assert.AreEqual("parentaccountid", link.LinkFromAttributeName);
        Assert.AreEqual("accountid", link.LinkToAttributeName);
        Assert.AreEqual(JoinOperator.Inner, link.JoinOperator);
        Assert.AreEqual(JoinOperator.LeftOuter, nested.JoinOperator);
        Assert.AreSame(link, query.LinkEntities.Single());
        Assert.AreSame(nested, link.LinkEntities.Single());
    }

    [TestMethod]
    public void LinkEntity_AddLink_NestedLinkTakesTheParentLinksFromEntity()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): the parent link's LinkFromEntityName, not its LinkToEntityName.
        var link = new LinkEntity("lead", "account", "parentaccountid", "accountid", JoinOperator.Inner);

        var nested = link.AddLink("contact", "primarycontactid", "contactid");

        Assert.AreEqual("lead", nested.LinkFromEntityName);
        Assert.AreEqual("contact", nested.LinkToEntityName);
        Assert.AreEqual("primarycontactid", nested.LinkFromAttributeName);
    }

    [TestMethod]
    public void LinkEntity_Ctor_SetsAllParts()
    {
        var link = new LinkEntity("lead", "account", "parentaccountid", "accountid", JoinOperator.LeftOuter) { EntityAlias = "a" };

        Assert.AreEqual("lead", link.LinkFromEntityName);
        Assert.AreEqual("account", link.LinkToEntityName);
        Assert.AreEqual("parentaccountid", link.LinkFromAttributeName);
        Assert.AreEqual("accountid", link.LinkToAttributeName);
        Assert.AreEqual(JoinOperator.LeftOuter, link.JoinOperator);
        Assert.IsNotNull(link.Columns);
        Assert.IsNotNull(link.LinkCriteria);
    }

    [TestMethod]
    public void FilterExpression_AddConditionAndFilter_BuildsTree()
    {
        var filter = new FilterExpression(LogicalOperator.Or);

        filter.AddCondition("statecode", ConditionOperator.Equal, 0);
        filter.AddCondition("lead", "subject", ConditionOperator.In, "a", "b");
        var child = filter.AddFilter(LogicalOperator.And);
        child.AddCondition(new ConditionExpression("revenue", ConditionOperator.NotNull));
        filter.AddFilter(new FilterExpression());

        Assert.AreEqual(LogicalOperator.Or, filter.FilterOperator);
        Assert.HasCount(2, filter.Conditions);
        Assert.AreEqual(0, filter.Conditions[0].Values.Single());
        Assert.AreEqual("lead", filter.Conditions[1].EntityName);
        CollectionAssert.AreEqual(new object[] { "a", "b" }, filter.Conditions[1].Values.ToArray());
        Assert.HasCount(2, filter.Filters);
        Assert.AreEqual(ConditionOperator.NotNull, filter.Filters[0].Conditions[0].Operator);
        Assert.IsEmpty(filter.Filters[0].Conditions[0].Values);
    }

    [TestMethod]
    public void ConditionExpression_Ctors_PopulateValues()
    {
        var single = new ConditionExpression("statuscode", ConditionOperator.Equal, 3);
        var many = new ConditionExpression("statuscode", ConditionOperator.In, 1, 2, 3);
        var fromCollection = new ConditionExpression("statuscode", ConditionOperator.In, new[] { 4, 5 });
        var columns = new ConditionExpression("a", ConditionOperator.Equal, true, "b");

        Assert.AreEqual(3, single.Values.Single());
        Assert.HasCount(3, many.Values);
        CollectionAssert.AreEqual(new object[] { 4, 5 }, fromCollection.Values.ToArray());
        Assert.IsTrue(columns.CompareColumns);
        Assert.AreEqual("b", columns.Values.Single());
    }

    [TestMethod]
    public void PagingInfo_Defaults_AreZeroAndNull()
    {
        var paging = new PagingInfo { Count = 50, PageNumber = 2 };

        Assert.AreEqual(50, paging.Count);
        Assert.AreEqual(2, paging.PageNumber);
        Assert.IsNull(paging.PagingCookie);
        Assert.IsFalse(paging.ReturnTotalRecordCount);
    }

    [TestMethod]
    public void QueryByAttribute_AddAttributeValue_KeepsPairsAligned()
    {
        var query = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("subject") };

        query.AddAttributeValue("statecode", 0);
        query.AddAttributeValue("leadsourcecode", 1);
        query.AddOrder("createdon", OrderType.Ascending);

        CollectionAssert.AreEqual(new[] { "statecode", "leadsourcecode" }, query.Attributes.ToArray());
        CollectionAssert.AreEqual(new object[] { 0, 1 }, query.Values.ToArray());
        Assert.HasCount(1, query.Orders);
    }

    [TestMethod]
    public void ConditionOperator_Values_MatchApiOrdinals()
    {
        var names = Enum.GetNames<ConditionOperator>();
        var values = Enum.GetValues<ConditionOperator>().Select(v => (int)v).ToArray();

        Assert.HasCount(89, names);
        CollectionAssert.AreEqual(Enumerable.Range(0, 89).ToArray(), values);
        Assert.AreEqual(0, (int)ConditionOperator.Equal);
        Assert.AreEqual(8, (int)ConditionOperator.In);
        Assert.AreEqual(49, (int)ConditionOperator.Contains);
        Assert.AreEqual(78, (int)ConditionOperator.Above);
        Assert.AreEqual(88, (int)ConditionOperator.DoesNotContainValues);
    }

    [TestMethod]
    public void FetchExpression_Ctor_KeepsQuery()
    {
        var fetch = new FetchExpression("<fetch/>");

        Assert.AreEqual("<fetch/>", fetch.Query);
    }
}
