using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class AggregateTests
{
    private readonly QueryTestData _data = new();

    private EntityCollection Fetch(string fetchXml) => _data.Run(new FetchExpression(fetchXml));

    private static object Value(Entity entity, string alias) => entity.GetAttributeValue<AliasedValue>(alias).Value!;

    [TestMethod]
    public void Aggregates_EachFunction_ComputesOverAllRows()
    {
        var row = Fetch(FetchSamples.AllAggregates).Entities.Single();

        Assert.AreEqual(5, Value(row, "n"));
        Assert.AreEqual(4, Value(row, "named"), "countcolumn skips nulls");
        Assert.AreEqual(3, Value(row, "companies"), "countcolumn distinct");
        Assert.AreEqual(4250m, ((Money)Value(row, "total")).Value);
        Assert.AreEqual(1062.5m, ((Money)Value(row, "average")).Value);
        Assert.AreEqual(435, Value(row, "employees"));
        Assert.AreEqual(10, Value(row, "smallest"));
        Assert.AreEqual(200, Value(row, "largest"));
        Assert.AreEqual(0.6, (double)Value(row, "meanprobability"), 1e-9);
        Assert.AreEqual("revenue", row.GetAttributeValue<AliasedValue>("total").AttributeLogicalName);
    }

    [TestMethod]
    public void Aggregates_GroupBy_OneRowPerGroupOrderedByAlias()
    {
        var rows = Fetch(FetchSamples.GroupByCompany).Entities;

        CollectionAssert.AreEqual(new object[] { "Adventure Works", "Contoso", "Fabrikam" }, rows.Select(r => Value(r, "company")).ToArray());
        CollectionAssert.AreEqual(new object[] { 1, 3, 1 }, rows.Select(r => Value(r, "n")).ToArray());
        CollectionAssert.AreEqual(new[] { 2000m, 1750m, 500m }, rows.Select(r => ((Money)Value(r, "total")).Value).ToArray());
    }

    [TestMethod]
    public void Aggregates_DateGrouping_GroupsByYearAndMonth()
    {
        var rows = Fetch(FetchSamples.GroupByYearAndMonth).Entities;

        CollectionAssert.AreEqual(new object[] { 2024, 2025, 2025 }, rows.Select(r => Value(r, "year")).ToArray());
        CollectionAssert.AreEqual(new object[] { 12, 5, 6 }, rows.Select(r => Value(r, "month")).ToArray());
        CollectionAssert.AreEqual(new object[] { 1, 1, 3 }, rows.Select(r => Value(r, "n")).ToArray());
    }

    [TestMethod]
    public void Aggregates_GroupByLinkedColumn_GroupsJoinedRows()
    {
        var rows = Fetch(FetchSamples.GroupByLinkedColumn).Entities;

        CollectionAssert.AreEqual(new object[] { "Ann Smith", "Bob Jones", "Cat Brown" }, rows.Select(r => Value(r, "contact")).ToArray());
        CollectionAssert.AreEqual(new object[] { 2, 1, 1 }, rows.Select(r => Value(r, "n")).ToArray());
    }

    [TestMethod]
    public void Aggregates_NoMatchingRows_CountZeroAndSumOmitted()
    {
        var row = Fetch(FetchSamples.CountOnEmpty).Entities.Single();

        Assert.AreEqual(0, Value(row, "n"));
        Assert.IsFalse(row.Contains("total"));
    }

    [TestMethod]
    public void QueryExpressionAggregates_AttributeExpressions_GroupAndSum()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet() };
        query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("companyname", XrmAggregateType.None, "company") { HasGroupBy = true });
        query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("numberofemployees", XrmAggregateType.Sum, "employees"));
        query.Orders.Add(new OrderExpression { Alias = "company", OrderType = OrderType.Descending });

        var rows = _data.Run(query).Entities;

        CollectionAssert.AreEqual(new object[] { "Fabrikam", "Contoso", "Adventure Works" }, rows.Select(r => Value(r, "company")).ToArray());
        CollectionAssert.AreEqual(new object[] { 50, 185, 200 }, rows.Select(r => Value(r, "employees")).ToArray());
    }
}
