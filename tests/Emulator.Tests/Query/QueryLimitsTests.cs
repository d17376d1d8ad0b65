using System;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class QueryLimitsTests
{
    private static FakeQuerySource SourceWithLeads(int count)
    {
        var source = QueryTestData.CreateSchema();
        for (var i = 0; i < count; i++)
        {
            source.AddRow("lead", Guid.NewGuid());
        }

        return source;
    }

    [TestMethod]
    public void UnpagedQuery_MoreThan5000Rows_ReturnsFirst5000WithMoreRecordsAndCappedTotal()
    {
        var source = SourceWithLeads(5001);
        var query = new QueryExpression("lead") { PageInfo = new PagingInfo { ReturnTotalRecordCount = true } };

        var result = new QueryEngine().Execute(query, source, QueryTestData.Environment);

        Assert.HasCount(5000, result.Entities);
        Assert.IsTrue(result.MoreRecords);
        Assert.IsNotNull(result.PagingCookie);
        Assert.AreEqual(5000, result.TotalRecordCount);
        Assert.IsTrue(result.TotalRecordCountLimitExceeded);
    }

    [TestMethod]
    public void AggregateQuery_MoreThan50000Rows_FaultsWithAggregateLimit()
    {
        var source = SourceWithLeads(Aggregator.RecordLimit + 1);
        var fetch = new FetchExpression(FetchSamples.CountAll);

        var fault = QueryTestData.FaultOf(() => new QueryEngine().Execute(fetch, source, QueryTestData.Environment));

        Assert.AreEqual(QueryFaults.AggregateLimitCode, fault.ErrorCode);
    }
}
