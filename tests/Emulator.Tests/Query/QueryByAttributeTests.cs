using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class QueryByAttributeTests
{
    private readonly QueryTestData _data = new();

    [TestMethod]
    public void QueryByAttribute_AttributesValuesOrdersTop_BehaveLikeAndedEquality()
    {
        var query = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("subject"), TopCount = 2 };
        query.AddAttributeValue("companyname", "contoso");
        query.AddAttributeValue("statecode", new OptionSetValue(0));
        query.AddOrder("subject", OrderType.Descending);

        var result = _data.Run(query);

        CollectionAssert.AreEqual(new[] { "Epsilon", "Alpha" }, result.Entities.Select(e => e["subject"]).ToArray());
    }

    [TestMethod]
    public void QueryByAttribute_PageInfo_Pages()
    {
        var query = new QueryByAttribute("lead")
        {
            ColumnSet = new ColumnSet("subject"),
            PageInfo = new PagingInfo { Count = 2, PageNumber = 2 },
        };
        query.AddAttributeValue("companyname", "Contoso");
        query.AddOrder("subject", OrderType.Ascending);

        var result = _data.Run(query);

        CollectionAssert.AreEqual(new[] { "Gamma" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsFalse(result.MoreRecords);
    }

    [TestMethod]
    public void QueryByAttribute_NoAttributes_Faults()
    {
        var query = new QueryByAttribute("lead");

        var fault = QueryTestData.FaultOf(() => _data.Run(query));

        Assert.IsNotNull(fault.Message);
    }
}
