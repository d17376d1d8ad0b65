using System;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class PagingTests
{
    private readonly QueryTestData _data = new();

    private static QueryExpression OrderedLeads(int count, int page, string? cookie = null, bool total = false)
    {
        var query = new QueryExpression("lead")
        {
            ColumnSet = new ColumnSet("subject"),
            PageInfo = new PagingInfo { Count = count, PageNumber = page, PagingCookie = cookie, ReturnTotalRecordCount = total },
        };
        query.AddOrder("subject", OrderType.Ascending);
        return query;
    }

    [TestMethod]
    public void Pages_CountAndPageNumber_WalkTheSortedResult()
    {
        var first = _data.Run(OrderedLeads(2, 1));
        var second = _data.Run(OrderedLeads(2, 2));
        var third = _data.Run(OrderedLeads(2, 3));

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, first.Entities.Select(e => e["subject"]).ToArray());
        CollectionAssert.AreEqual(new[] { "Delta", "Epsilon" }, second.Entities.Select(e => e["subject"]).ToArray());
        CollectionAssert.AreEqual(new[] { "Gamma" }, third.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsTrue(first.MoreRecords);
        Assert.IsTrue(second.MoreRecords);
        Assert.IsFalse(third.MoreRecords);
    }

    [TestMethod]
    public void PagingCookie_ReturnedInPlatformFormat_AndAcceptedForTheNextPage()
    {
        var first = _data.Run(OrderedLeads(2, 1));
        _data.Source.AddRow("lead", Guid.NewGuid(), ("subject", "Aardvark"));

        var second = _data.Run(OrderedLeads(2, 2, first.PagingCookie));

        Assert.AreEqual(
            "<cookie page=\"1\"><leadid last=\"{10000000-0000-0000-0000-000000000002}\" first=\"{10000000-0000-0000-0000-000000000001}\" /></cookie>",
            first.PagingCookie);
        CollectionAssert.AreEqual(new[] { "Delta", "Epsilon" }, second.Entities.Select(e => e["subject"]).ToArray(), "the cookie pins the page start after Beta");
        StringAssert.StartsWith(second.PagingCookie, "<cookie page=\"2\">", StringComparison.Ordinal);
    }

    [TestMethod]
    public void MalformedCookie_NotXml_Faults()
    {
        var fault = QueryTestData.FaultOf(() => _data.Run(OrderedLeads(2, 2, "not xml <")));

        StringAssert.Contains(fault.Message, "paging cookie", StringComparison.Ordinal);
    }

    [TestMethod]
    public void TotalRecordCount_WhenRequested_CountsAllMatches()
    {
        var withTotal = _data.Run(OrderedLeads(2, 1, total: true));
        var withoutTotal = _data.Run(OrderedLeads(2, 1));

        Assert.AreEqual(5, withTotal.TotalRecordCount);
        Assert.IsFalse(withTotal.TotalRecordCountLimitExceeded);
        Assert.AreEqual(-1, withoutTotal.TotalRecordCount);
    }

    [TestMethod]
    public void TopCount_LimitsTheResult_AndRejectsPagingAlongside()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), TopCount = 2 };
        query.AddOrder("numberofemployees", OrderType.Descending);
        var both = new QueryExpression("lead") { TopCount = 2, PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };

        var result = _data.Run(query);

        CollectionAssert.AreEqual(new[] { "Delta", "Alpha" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsFalse(result.MoreRecords);
        QueryTestData.FaultOf(() => _data.Run(both));
    }

    [TestMethod]
    public void TopCount_WithoutOrder_StopsReadingOnceItHasTheRows_AndKeepsTheTableOrder()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), TopCount = 2 };

        var result = _data.Run(query);

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.AreEqual(2, _data.Source.RowsRead, "the first two rows are all a TopCount of 2 without ordering needs");
        Assert.IsFalse(result.MoreRecords);
    }

    [TestMethod]
    public void TopCount_WithTotalCountOrDistinct_StillReadsEveryRow()
    {
        var total = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), TopCount = 2, PageInfo = new PagingInfo { ReturnTotalRecordCount = true } };
        var distinct = new QueryExpression("lead") { ColumnSet = new ColumnSet("companyname"), TopCount = 3, Distinct = true };

        var counted = _data.Run(total);
        var readForTotal = _data.Source.RowsRead;
        var companies = _data.Run(distinct);

        Assert.AreEqual(5, counted.TotalRecordCount);
        Assert.AreEqual(5, readForTotal);
        Assert.AreEqual(3, companies.Entities.Select(e => e["companyname"]).Distinct().Count(), "three different companies, although two leads share one");
    }

    [TestMethod]
    public void Distinct_OnRepeatedValues_ReturnsEachCombinationOnce()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("companyname"), Distinct = true };
        query.AddOrder("companyname", OrderType.Ascending);

        var result = _data.Run(query);

        CollectionAssert.AreEqual(
            new[] { "Adventure Works", "Contoso", "Fabrikam" },
            result.Entities.Select(e => e["companyname"]).ToArray());
        Assert.IsFalse(result.Entities[0].Contains("leadid"), "distinct without the id column does not add it");
    }

    [TestMethod]
    public void Sorting_NullsFirstAscending_AndMultipleKeys()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.AddOrder("lastname", OrderType.Ascending);
        var byTwo = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        byTwo.AddOrder("companyname", OrderType.Descending);
        byTwo.AddOrder("numberofemployees", OrderType.Ascending);

        var nullsFirst = _data.Subjects(query);
        var twoKeys = _data.Subjects(byTwo);

        CollectionAssert.AreEqual(new[] { "Delta", "Epsilon", "Beta", "Alpha", "Gamma" }, nullsFirst);
        CollectionAssert.AreEqual(new[] { "Beta", "Gamma", "Epsilon", "Alpha", "Delta" }, twoKeys);
    }
}
