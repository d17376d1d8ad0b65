using System;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

[TestClass]
public sealed class ConditionOperatorTests
{
    private readonly QueryTestData _data = new();

    [TestMethod]
    public void Equality_StringsOptionsLookupsMoney_CompareCaseInsensitivelyAndByValue()
    {
        var ownerReference = new EntityReference("systemuser", QueryTestData.UserId);

        var byName = _data.Where("lastname", ConditionOperator.Equal, "SMITH");
        var byNotName = _data.Where("lastname", ConditionOperator.NotEqual, "smith");
        var byState = _data.Where("statecode", ConditionOperator.Equal, new OptionSetValue(0));
        var byOwnerReference = _data.Where("ownerid", ConditionOperator.Equal, ownerReference);
        var byOwnerGuid = _data.Where("ownerid", ConditionOperator.Equal, QueryTestData.UserId);
        var byMoney = _data.Where("revenue", ConditionOperator.Equal, new Money(500m));
        var byBool = _data.Where("donotemail", ConditionOperator.Equal, true);

        CollectionAssert.AreEqual(new[] { "Alpha" }, byName);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon", "Gamma" }, byNotName, "null lastname never matches ne");
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon" }, byState);
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, byOwnerReference);
        CollectionAssert.AreEqual(byOwnerReference, byOwnerGuid);
        CollectionAssert.AreEqual(new[] { "Beta" }, byMoney);
        CollectionAssert.AreEqual(new[] { "Beta" }, byBool);
    }

    [TestMethod]
    public void Ordering_NumbersMoneyDoublesDates_ExcludeNulls()
    {
        var gt = _data.Where("numberofemployees", ConditionOperator.GreaterThan, 75);
        var ge = _data.Where("numberofemployees", ConditionOperator.GreaterEqual, 75);
        var lt = _data.Where("numberofemployees", ConditionOperator.LessThan, 50);
        var le = _data.Where("numberofemployees", ConditionOperator.LessEqual, 50);
        var money = _data.Where("revenue", ConditionOperator.GreaterThan, 750m);
        var dbl = _data.Where("probability", ConditionOperator.LessThan, 0.5);
        var date = _data.Where("createdon", ConditionOperator.GreaterThan, QueryTestData.Now);

        CollectionAssert.AreEqual(new[] { "Alpha", "Delta" }, gt);
        CollectionAssert.AreEqual(new[] { "Alpha", "Delta", "Epsilon" }, ge);
        CollectionAssert.AreEqual(new[] { "Gamma" }, lt);
        CollectionAssert.AreEqual(new[] { "Beta", "Gamma" }, le);
        CollectionAssert.AreEqual(new[] { "Alpha", "Delta" }, money);
        CollectionAssert.AreEqual(new[] { "Beta" }, dbl);
        CollectionAssert.AreEqual(new[] { "Epsilon" }, date);
    }

    [TestMethod]
    public void Like_SqlWildcards_MatchCaseInsensitively()
    {
        var prefix = _data.Where("lastname", ConditionOperator.Like, "smith%");
        var infix = _data.Where("lastname", ConditionOperator.Like, "%O%");
        var single = _data.Where("lastname", ConditionOperator.Like, "_ones");
        var notLike = _data.Where("lastname", ConditionOperator.NotLike, "smith%");
        var charClass = _data.Where("lastname", ConditionOperator.Like, "[bj]%");

        CollectionAssert.AreEqual(new[] { "Alpha", "Gamma" }, prefix);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, infix);
        CollectionAssert.AreEqual(new[] { "Beta" }, single);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, notLike);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, charClass);
    }

    [TestMethod]
    public void StringOperators_BeginsEndsContains_AndTheirNegations()
    {
        var begins = _data.Where("lastname", ConditionOperator.BeginsWith, "SMI");
        var notBegins = _data.Where("lastname", ConditionOperator.DoesNotBeginWith, "smi");
        var ends = _data.Where("lastname", ConditionOperator.EndsWith, "S");
        var notEnds = _data.Where("lastname", ConditionOperator.DoesNotEndWith, "s");
        var contains = _data.Where("lastname", ConditionOperator.Contains, "MIT");
        var notContains = _data.Where("lastname", ConditionOperator.DoesNotContain, "mit");

        CollectionAssert.AreEqual(new[] { "Alpha", "Gamma" }, begins);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, notBegins);
        CollectionAssert.AreEqual(new[] { "Beta", "Gamma" }, ends);
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon" }, notEnds);
        CollectionAssert.AreEqual(new[] { "Alpha", "Gamma" }, contains);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, notContains);
    }

    [TestMethod]
    public void InAndBetween_ListsAndRanges_MatchInclusively()
    {
        var inStrings = _data.Where("companyname", ConditionOperator.In, "contoso", "FABRIKAM");
        var notIn = _data.Where("companyname", ConditionOperator.NotIn, "Contoso");
        var inOptions = _data.Where("leadsourcecode", ConditionOperator.In, 1, 3);
        var between = _data.Where("numberofemployees", ConditionOperator.Between, 50, 100);
        var notBetween = _data.Where("numberofemployees", ConditionOperator.NotBetween, 50, 100);

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon", "Gamma" }, inStrings);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta" }, notIn);
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, inOptions);
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon" }, between);
        CollectionAssert.AreEqual(new[] { "Delta", "Gamma" }, notBetween);
    }

    [TestMethod]
    public void NullOperators_MissingValues_AreNull()
    {
        var nullName = _data.Where("lastname", ConditionOperator.Null);
        var notNullRevenue = _data.Where("revenue", ConditionOperator.NotNull);
        var nullInterests = _data.Where("new_interests", ConditionOperator.Null);

        CollectionAssert.AreEqual(new[] { "Delta" }, nullName);
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta", "Epsilon" }, notNullRevenue);
        CollectionAssert.AreEqual(new[] { "Delta", "Gamma" }, nullInterests);
    }

    [TestMethod]
    public void OnOperators_CompareUtcCalendarDays()
    {
        var day = new DateTime(2025, 6, 17, 0, 0, 0, DateTimeKind.Utc);

        var on = _data.Where("createdon", ConditionOperator.On, day);
        var onOrBefore = _data.Where("createdon", ConditionOperator.OnOrBefore, day);
        var onOrAfter = _data.Where("createdon", ConditionOperator.OnOrAfter, day.AddDays(1));
        var notOn = _data.Where("createdon", ConditionOperator.NotOn, day.AddDays(1));

        CollectionAssert.AreEqual(new[] { "Beta" }, on);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta", "Gamma" }, onOrBefore);
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon" }, onOrAfter);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta", "Epsilon", "Gamma" }, notOn);
    }

    [TestMethod]
    public void RelativeDates_FixedWindows_UseTheEnvironmentClock()
    {
        CollectionAssert.AreEqual(new[] { "Alpha" }, _data.Where("createdon", ConditionOperator.Today));
        CollectionAssert.AreEqual(new[] { "Beta" }, _data.Where("createdon", ConditionOperator.Yesterday));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.Tomorrow));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, _data.Where("createdon", ConditionOperator.Last7Days));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.Next7Days));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon" }, _data.Where("createdon", ConditionOperator.ThisWeek));
        CollectionAssert.AreEqual(Array.Empty<string>(), _data.Where("createdon", ConditionOperator.LastWeek));
        CollectionAssert.AreEqual(Array.Empty<string>(), _data.Where("createdon", ConditionOperator.NextWeek));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon" }, _data.Where("createdon", ConditionOperator.ThisMonth));
        CollectionAssert.AreEqual(new[] { "Gamma" }, _data.Where("createdon", ConditionOperator.LastMonth));
        CollectionAssert.AreEqual(Array.Empty<string>(), _data.Where("createdon", ConditionOperator.NextMonth));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Epsilon", "Gamma" }, _data.Where("createdon", ConditionOperator.ThisYear));
        CollectionAssert.AreEqual(new[] { "Delta" }, _data.Where("createdon", ConditionOperator.LastYear));
        CollectionAssert.AreEqual(Array.Empty<string>(), _data.Where("createdon", ConditionOperator.NextYear));
    }

    [TestMethod]
    public void RelativeDates_LastAndNextX_UseTheEnvironmentClock()
    {
        CollectionAssert.AreEqual(new[] { "Alpha" }, _data.Where("createdon", ConditionOperator.LastXHours, 2));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.NextXHours, 24));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Gamma" }, _data.Where("createdon", ConditionOperator.LastXDays, 40));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.NextXDays, 1));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta" }, _data.Where("createdon", ConditionOperator.LastXWeeks, 1));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.NextXWeeks, 1));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Gamma" }, _data.Where("createdon", ConditionOperator.LastXMonths, 2));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.NextXMonths, 1));
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.LastXYears, 1));
        CollectionAssert.AreEqual(new[] { "Epsilon" }, _data.Where("createdon", ConditionOperator.NextXYears, 1));
    }

    [TestMethod]
    public void RelativeDates_OlderThanX_CountBackFromNow()
    {
        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.OlderThanXMinutes, 30));
        CollectionAssert.AreEqual(new[] { "Beta", "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.OlderThanXHours, 12));
        CollectionAssert.AreEqual(new[] { "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.OlderThanXDays, 30));
        CollectionAssert.AreEqual(new[] { "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.OlderThanXWeeks, 4));
        CollectionAssert.AreEqual(new[] { "Delta", "Gamma" }, _data.Where("createdon", ConditionOperator.OlderThanXMonths, 1));
        CollectionAssert.AreEqual(Array.Empty<string>(), _data.Where("createdon", ConditionOperator.OlderThanXYears, 1));
    }

    [TestMethod]
    public void UserAndBusinessUnit_Operators_UseTheEnvironmentIdentity()
    {
        var mine = _data.Where("ownerid", ConditionOperator.EqualUserId);
        var notMine = _data.Where("ownerid", ConditionOperator.NotEqualUserId);
        var myUnit = _data.Where("owningbusinessunit", ConditionOperator.EqualBusinessId);
        var otherUnit = _data.Where("owningbusinessunit", ConditionOperator.NotEqualBusinessId);

        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, mine);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta" }, notMine);
        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon", "Gamma" }, myUnit);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta" }, otherUnit);
    }

    [TestMethod]
    public void MultiSelect_ContainValues_MatchAnyOfTheValues()
    {
        var containsTwo = _data.Where("new_interests", ConditionOperator.ContainValues, 2);
        var containsThreeOrFour = _data.Where("new_interests", ConditionOperator.ContainValues, new OptionSetValue(3), new OptionSetValue(4));
        var lacksTwo = _data.Where("new_interests", ConditionOperator.DoesNotContainValues, 2);
        var exactly = _data.Where("new_interests", ConditionOperator.Equal, 1, 2);

        CollectionAssert.AreEqual(new[] { "Alpha", "Epsilon" }, containsTwo);
        CollectionAssert.AreEqual(new[] { "Beta", "Epsilon" }, containsThreeOrFour);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta", "Gamma" }, lacksTwo);
        CollectionAssert.AreEqual(new[] { "Alpha" }, exactly);
    }

    [TestMethod]
    public void CompareColumns_TwoColumnsOfTheSameRow_AreCompared()
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition(new ConditionExpression("revenue", ConditionOperator.GreaterThan, true, "estimatedvalue"));

        var subjects = _data.SortedSubjects(query);

        CollectionAssert.AreEqual(new[] { "Alpha", "Beta", "Delta", "Epsilon" }, subjects);
    }

    [TestMethod]
    public void NestedFilters_AndOr_CombineAsWritten()
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition("companyname", ConditionOperator.Equal, "Contoso");
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("lastname", ConditionOperator.Like, "smith%");
        either.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 80);
        var top = new QueryExpression("lead") { Criteria = new FilterExpression(LogicalOperator.Or) };
        top.Criteria.AddCondition("lastname", ConditionOperator.Equal, "Jones");
        top.Criteria.AddCondition("statecode", ConditionOperator.Equal, 2);

        var andOr = _data.SortedSubjects(query);
        var or = _data.SortedSubjects(top);

        CollectionAssert.AreEqual(new[] { "Alpha", "Gamma" }, andOr);
        CollectionAssert.AreEqual(new[] { "Beta", "Delta" }, or);
    }

    [TestMethod]
    [DataRow(ConditionOperator.ThisFiscalYear)]
    [DataRow(ConditionOperator.LastXFiscalPeriods)]
    [DataRow(ConditionOperator.InOrAfterFiscalPeriodAndYear)]
    [DataRow(ConditionOperator.Under)]
    [DataRow(ConditionOperator.Above)]
    [DataRow(ConditionOperator.ChildOf)]
    [DataRow(ConditionOperator.EqualUserTeams)]
    [DataRow(ConditionOperator.EqualUserOrUserHierarchy)]
    [DataRow(ConditionOperator.EqualUserLanguage)]
    [DataRow(ConditionOperator.Mask)]
    [DataRow(ConditionOperator.MasksSelect)]
    public void UnsupportedOperator_AnyValue_FaultsNamingTheOperator(ConditionOperator op)
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition(new ConditionExpression("createdon", op, 1));

        var fault = QueryTestData.FaultOf(() => _data.Run(query));

        StringAssert.Contains(fault.Message, op.ToString(), StringComparison.Ordinal);
    }

    [TestMethod]
    public void InvalidValue_ForTheColumnKind_FaultsWithInvalidArgument()
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, "many");

        var fault = QueryTestData.FaultOf(() => _data.Run(query));

        Assert.AreEqual(QueryFaults.InvalidArgumentCode, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "numberofemployees", StringComparison.Ordinal);
    }

    [TestMethod]
    public void UnknownAttributeOrTable_Query_FaultsWithMetadataCodes()
    {
        var badColumn = new QueryExpression("lead");
        badColumn.Criteria.AddCondition("nosuchcolumn", ConditionOperator.Null);
        var badSelect = new QueryExpression("lead") { ColumnSet = new ColumnSet("nosuchcolumn") };
        var badTable = new QueryExpression("nosuchtable");

        var columnFault = QueryTestData.FaultOf(() => _data.Run(badColumn));
        var selectFault = QueryTestData.FaultOf(() => _data.Run(badSelect));
        var tableFault = QueryTestData.FaultOf(() => _data.Run(badTable));

        Assert.AreEqual(QueryFaults.UnknownAttributeCode, columnFault.ErrorCode);
        Assert.AreEqual(QueryFaults.UnknownAttributeCode, selectFault.ErrorCode);
        Assert.AreEqual(QueryFaults.UnknownTableCode, tableFault.ErrorCode);
    }
}
