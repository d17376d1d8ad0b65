using System;
using System.Collections.Generic;
using System.Linq;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Linq.Tests;

/// <summary>The QueryExpression the provider sends, seen by a service that records it; and values known from the seed data.</summary>
[TestClass]
public sealed class TranslationTests
{
    [TestMethod]
    public void Where_Comparison_SendsOneConditionWithTheValue()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = context.CreateQuery<Lead>().Where(l => l.NumberOfEmployees > 50).ToList();

        var condition = service.Queries.Single().Criteria.Conditions.Single();
        Assert.AreEqual("numberofemployees", condition.AttributeName);
        Assert.AreEqual(ConditionOperator.GreaterThan, condition.Operator);
        Assert.AreEqual(50, condition.Values.Single());
    }

    [TestMethod]
    public void Take_WithoutSkip_SendsTopCount()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = context.CreateQuery<Lead>().Take(7).ToList();

        Assert.AreEqual(7, service.Queries.Single().TopCount);
    }

    [TestMethod]
    public void SkipTake_MultipleOfTake_SendsThatPage()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = context.CreateQuery<Lead>().Skip(10).Take(5).ToList();

        var page = service.Queries.Single().PageInfo;
        Assert.AreEqual(5, page.Count);
        Assert.AreEqual(3, page.PageNumber);
    }

    [TestMethod]
    public void Select_Projection_AsksOnlyForTheColumnsItReads()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = context.CreateQuery<Account>().Select(a => new { a.Name, a.Revenue }).ToList();

        CollectionAssert.AreEquivalent(new[] { "name", "revenue", "accountid" }, service.Queries.Single().ColumnSet.Columns.ToArray());
    }

    [TestMethod]
    public void Join_OnLookup_SendsInnerLinkWithAliasAndProjectedColumns()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = (from contact in context.CreateQuery<Contact>()
             join account in context.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
             select new { contact.LastName, account.Name }).ToList();

        var link = service.Queries.Single().LinkEntities.Single();
        Assert.AreEqual("contact", link.LinkFromEntityName);
        Assert.AreEqual("parentcustomerid", link.LinkFromAttributeName);
        Assert.AreEqual("account", link.LinkToEntityName);
        Assert.AreEqual("accountid", link.LinkToAttributeName);
        Assert.AreEqual(JoinOperator.Inner, link.JoinOperator);
        Assert.AreEqual("account", link.EntityAlias);
        CollectionAssert.AreEquivalent(new[] { "name", "accountid" }, link.Columns.Columns.ToArray());
    }

    [TestMethod]
    public void GroupJoin_DefaultIfEmpty_SendsLeftOuterLinkAndAddressesItsConditionsByAlias()
    {
        var service = new RecordingService();
        using var context = new OrganizationServiceContext(service);

        _ = (from contact in context.CreateQuery<Contact>()
             join account in context.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId into accounts
             from account in accounts.DefaultIfEmpty()
             where account == null
             select contact).ToList();

        var query = service.Queries.Single();
        Assert.AreEqual(JoinOperator.LeftOuter, query.LinkEntities.Single().JoinOperator);
        var condition = query.Criteria.Conditions.Single();
        Assert.AreEqual("account", condition.EntityName);
        Assert.AreEqual("accountid", condition.AttributeName);
        Assert.AreEqual(ConditionOperator.Null, condition.Operator);
    }

    [TestMethod]
    public void GroupJoin_GroupUsedInProjection_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(new RecordingService());
        var query = from contact in context.CreateQuery<Contact>()
                    join account in context.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId into accounts
                    select new { contact.LastName, Accounts = accounts.Count() };

        var error = Assert.ThrowsExactly<NotSupportedException>(() => query.ToList());

        StringAssert.StartsWith(error.Message, "Invalid 'join' clause.", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Where_KnownData_ReturnsTheSeededLeads()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());

        var seattle = context.CreateQuery<Lead>().Where(l => l.Address1_City == "Seattle").OrderBy(l => l.LastName).Select(l => l.LastName).ToList();

        CollectionAssert.AreEqual(new[] { "Lead04", "Lead08", "Lead12" }, seattle);
    }

    [TestMethod]
    public void Query_EarlyBound_ReturnsInstancesOfTheClass()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());

        var account = context.CreateQuery<Account>().Single(a => a.Name == "Fabrikam");

        Assert.IsInstanceOfType<Account>(account);
        Assert.AreEqual(SalesData.Fabrikam, account.Id);
        Assert.AreEqual("Berlin", account.Address1_City);
        Assert.AreEqual(250_000m, account.Revenue!.Value);
    }

    [TestMethod]
    public void Single_TwoRows_ThrowsInvalidOperation()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        Assert.ThrowsExactly<InvalidOperationException>(() => context.CreateQuery<Account>().Single(a => a.Address1_City == "Seattle"));
    }

    [TestMethod]
    public void First_NoRow_ThrowsInvalidOperation()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        Assert.ThrowsExactly<InvalidOperationException>(() => context.CreateQuery<Account>().First(a => a.Name == "Nobody"));
    }

    [TestMethod]
    public void Enumerate_ManyRows_ReadsEveryPage()
    {
        var emulator = SalesData.NewEmulator();
        for (var i = 0; i < 5100; i++)
        {
            emulator.Seed(new Entity("contact") { ["lastname"] = "Bulk" });
        }

        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        emulator.Calls.Reset();

        var count = context.CreateQuery<Contact>().Where(c => c.LastName == "Bulk").ToList().Count;

        Assert.AreEqual(5100, count);
        Assert.AreEqual(2, emulator.Calls["RetrieveMultiple"]);
    }

    /// <summary>Records each query and answers with no rows.</summary>
    private sealed class RecordingService : IOrganizationService
    {
        public List<QueryExpression> Queries { get; } = [];

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            Queries.Add((QueryExpression)query);
            return new EntityCollection();
        }

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();
    }
}
