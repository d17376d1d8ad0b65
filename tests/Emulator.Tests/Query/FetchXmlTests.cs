using System;
using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class FetchXmlTests
{
    private readonly QueryTestData _data = new();

    private EntityCollection Fetch(string fetchXml) => _data.Run(new FetchExpression(fetchXml));

    private string[] Subjects(string fetchXml) =>
        [.. Fetch(fetchXml).Entities.Select(e => e.GetAttributeValue<string>("subject"))];

    private string[] SortedSubjects(string fetchXml) => [.. Subjects(fetchXml).Order(StringComparer.Ordinal)];

    [TestMethod]
    public void Fetch_EntityAttributeFilterOrder_ReturnsRequestedColumnsInOrder()
    {
        var result = Fetch(FetchSamples.EqWithOrder);

        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, result.Entities.Select(e => e["subject"]).ToArray());
        CollectionAssert.AreEquivalent(new[] { "leadid", "subject" }, result.Entities[0].Attributes.Keys.ToArray());
        Assert.AreEqual("lead", result.EntityName);
    }

    [TestMethod]
    public void Fetch_TopAndAllAttributes_ReturnsAllColumnsOfTheTopRows()
    {
        var result = Fetch(FetchSamples.TopAllAttributes);
        var implicitAll = Fetch(FetchSamples.NoAttributes);

        CollectionAssert.AreEqual(new[] { "Delta", "Alpha" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.AreEqual(2000m, result.Entities[0].GetAttributeValue<Money>("revenue").Value);
        Assert.AreEqual("Jones", implicitAll.Entities.Single().GetAttributeValue<string>("lastname"), "no attribute element means all columns");
    }

    [TestMethod]
    public void Fetch_ComparisonOperators_ParseValuesByColumnKind()
    {
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, SortedSubjects(FetchSamples.InValues));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon" }, SortedSubjects(FetchSamples.Between));
        CollectionAssert.AreEqual(new[] { "Beta", "Delta" }, SortedSubjects(FetchSamples.NullOrBeginsWith));
        CollectionAssert.AreEqual(new[] { "Alpha" }, SortedSubjects(FetchSamples.LikeAndNotLike));
        CollectionAssert.AreEqual(new[] { "Beta", "Delta", "Epsilon" }, SortedSubjects(FetchSamples.TypedValues));
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon" }, SortedSubjects(FetchSamples.ContainValues));
    }

    [TestMethod]
    public void Fetch_DateAndIdentityOperators_UseTheEnvironment()
    {
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta" }, SortedSubjects(FetchSamples.DateOperators));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Gamma" }, SortedSubjects(FetchSamples.LastXDays));
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, SortedSubjects(FetchSamples.UserAndBusiness));
    }

    [TestMethod]
    public void Fetch_LinkEntityInnerWithAlias_ReturnsAliasedColumns()
    {
        var result = Fetch(FetchSamples.InnerLinkWithAlias);

        CollectionAssert.AreEqual(new[] { "Alpha", "Delta" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.AreEqual("Ann Smith", result.Entities[1].GetAttributeValue<AliasedValue>("c.fullname").Value);
    }

    [TestMethod]
    public void Fetch_LinkEntityOuter_ConditionOnAliasAndDefaultAlias()
    {
        var withoutContact = SortedSubjects(FetchSamples.OuterLinkConditionOnAlias);
        var beta = Fetch(FetchSamples.OuterLinkDefaultAlias).Entities.Single();

        CollectionAssert.AreEqual(new[] { "Gamma" }, withoutContact);
        Assert.AreEqual("Bob Jones", beta.GetAttributeValue<AliasedValue>("contact1.fullname").Value);
    }

    [TestMethod]
    public void Fetch_AttributeAliases_ReturnAliasedValuesUnderTheAlias()
    {
        var alpha = Fetch(FetchSamples.ColumnAliases).Entities.Single();

        var title = alpha.GetAttributeValue<AliasedValue>("title");
        Assert.AreEqual("lead", title.EntityLogicalName);
        Assert.AreEqual("subject", title.AttributeLogicalName);
        Assert.AreEqual("Alpha", title.Value);
        Assert.AreEqual("Ann Smith", alpha.GetAttributeValue<AliasedValue>("contactname").Value);
        Assert.IsFalse(alpha.Contains("subject"));
    }

    [TestMethod]
    public void Fetch_NotAnyAndExists_FilterParentsByRelatedRows()
    {
        var notAny = Fetch(FetchSamples.NotAny).Entities.Select(e => e["fullname"]).ToArray();
        var exists = Fetch(FetchSamples.Exists).Entities.Select(e => e["fullname"]).ToArray();

        CollectionAssert.AreEqual(new[] { "Bob Jones", "Cat Brown" }, notAny);
        CollectionAssert.AreEqual(new[] { "Ann Smith", "Cat Brown" }, exists);
    }

    [TestMethod]
    public void Fetch_NestedLinkWithOrder_SortsByLinkedColumnAndReachesSecondLevel()
    {
        var result = Fetch(FetchSamples.NestedLinkOrder);

        CollectionAssert.AreEqual(new[] { "Epsilon", "Beta", "Alpha", "Delta" }, result.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsFalse(result.Entities[0].Contains("a.name"));
        Assert.AreEqual("Fabrikam Inc", result.Entities[1].GetAttributeValue<AliasedValue>("a.name").Value);
    }

    [TestMethod]
    public void Fetch_Distinct_ReturnsEachValueOnce()
    {
        var companies = Fetch(FetchSamples.Distinct).Entities.Select(e => e["companyname"]).ToArray();

        CollectionAssert.AreEqual(new[] { "Adventure Works", "Contoso", "Fabrikam" }, companies);
    }

    [TestMethod]
    public void Fetch_CountPageCookieAndTotal_PageLikeThePlatform()
    {
        var first = Fetch(FetchSamples.Paged(2, 1, null, total: true));
        var second = Fetch(FetchSamples.Paged(2, 2, first.PagingCookie, total: false));

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, first.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsTrue(first.MoreRecords);
        Assert.AreEqual(5, first.TotalRecordCount);
        StringAssert.StartsWith(first.PagingCookie, "<cookie page=\"1\"><leadid ", StringComparison.Ordinal);
        CollectionAssert.AreEqual(new[] { "Delta", "Epsilon" }, second.Entities.Select(e => e["subject"]).ToArray());
        Assert.IsTrue(second.MoreRecords);
    }

    [TestMethod]
    public void Fetch_InvalidStructure_FaultsAsInvalidFetchXml()
    {
        foreach (var sample in FetchSamples.Invalid)
        {
            var fault = QueryTestData.FaultOf(() => Fetch(sample));

            Assert.AreEqual(QueryFaults.InvalidArgumentCode, fault.ErrorCode, sample);
            StringAssert.StartsWith(fault.Message, "Invalid FetchXML", StringComparison.Ordinal, sample);
        }
    }

    [TestMethod]
    public void Fetch_SchemaValidButMeaningless_Faults()
    {
        var notAggregate = QueryTestData.FaultOf(() => Fetch(FetchSamples.SchemaValidAggregateWithoutAggregateFetch));
        var noAlias = QueryTestData.FaultOf(() => Fetch(FetchSamples.SchemaValidAggregateWithoutAlias));
        var linkType = QueryTestData.FaultOf(() => Fetch(FetchSamples.SchemaValidUnknownLinkType));
        var fiscal = QueryTestData.FaultOf(() => Fetch(FetchSamples.SchemaValidFiscalOperator));

        StringAssert.Contains(notAggregate.Message, "aggregate='true'", StringComparison.Ordinal);
        StringAssert.Contains(noAlias.Message, "alias", StringComparison.Ordinal);
        StringAssert.Contains(linkType.Message, "sideways", StringComparison.Ordinal);
        StringAssert.Contains(fiscal.Message, nameof(ConditionOperator.ThisFiscalYear), StringComparison.Ordinal);
    }
}
