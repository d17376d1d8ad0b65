using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>
/// The store's equality index only narrows candidate rows: every query must return exactly what a full scan of the
/// same store returns, in the same order, with the same paging cookie and counts.
/// </summary>
[TestClass]
public sealed class EqualityIndexTests
{
    private readonly XrmEmulator _emulator = new();
    private readonly IOrganizationService _service;
    private readonly Guid _contoso;
    private readonly Guid _fabrikam;

    public EqualityIndexTests()
    {
        _service = _emulator.GetOrganizationService();
        _contoso = _service.Create(new Entity("account") { ["name"] = "Contoso" });
        _fabrikam = _service.Create(new Entity("account") { ["name"] = "Fabrikam" });
    }

    [TestMethod]
    public void Equal_StringDifferingInCase_SameRowsAndOrderAsScan()
    {
        var first = CreateLead("a", ("companyname", "Contoso Ltd"));
        CreateLead("b", ("companyname", "Other"));
        var third = CreateLead("c", ("companyname", "CONTOSO LTD"));
        CreateLead("d");
        var fifth = CreateLead("e", ("companyname", "contoso ltd"));

        var ids = AssertSameAsScan(Leads(("companyname", "cOnToSo LtD")));

        CollectionAssert.AreEqual(new[] { first, third, fifth }, ids);
    }

    [TestMethod]
    public void Equal_LookupOptionMoneyBoolean_SameRowsAsScan()
    {
        var match = CreateLead("a",
            ("parentaccountid", new EntityReference("account", _contoso)),
            ("leadqualitycode", new OptionSetValue(2)),
            ("budgetamount", new Money(1500m)),
            ("decisionmaker", true));
        CreateLead("b",
            ("parentaccountid", new EntityReference("account", _fabrikam)),
            ("leadqualitycode", new OptionSetValue(3)),
            ("budgetamount", new Money(1500.01m)),
            ("decisionmaker", false));
        var second = CreateLead("c",
            ("parentaccountid", new EntityReference("account", _contoso)),
            ("leadqualitycode", new OptionSetValue(2)),
            ("budgetamount", new Money(1500.00m)),
            ("decisionmaker", true));

        var byReference = AssertSameAsScan(Leads(("parentaccountid", new EntityReference("account", _contoso))));
        var byGuid = AssertSameAsScan(Leads(("parentaccountid", _contoso)));
        var byOption = AssertSameAsScan(Leads(("leadqualitycode", new OptionSetValue(2))));
        var byOptionInt = AssertSameAsScan(Leads(("leadqualitycode", 2)));
        var byMoney = AssertSameAsScan(Leads(("budgetamount", new Money(1500m))));
        var byDecimal = AssertSameAsScan(Leads(("budgetamount", 1500m)));
        var byBoolean = AssertSameAsScan(Leads(("decisionmaker", true)));

        var expected = new[] { match, second };
        CollectionAssert.AreEqual(expected, byReference);
        CollectionAssert.AreEqual(expected, byGuid);
        CollectionAssert.AreEqual(expected, byOption);
        CollectionAssert.AreEqual(expected, byOptionInt);
        CollectionAssert.AreEqual(expected, byMoney);
        CollectionAssert.AreEqual(expected, byDecimal);
        CollectionAssert.AreEqual(expected, byBoolean);
    }

    [TestMethod]
    public void Equal_PrimaryIdAndStatecode_SameRowsAsScan()
    {
        CreateLead("a");
        var wanted = CreateLead("b");

        var byId = AssertSameAsScan(Leads(("leadid", wanted)));
        var open = AssertSameAsScan(Leads(("statecode", 0)));

        CollectionAssert.AreEqual(new[] { wanted }, byId);
        Assert.HasCount(2, open);
    }

    [TestMethod]
    public void Equal_ColumnMissingOnSomeRows_NeverMatchesThem()
    {
        var withValue = CreateLead("a", ("companyname", "Acme"));
        CreateLead("b");
        CreateLead("c", ("companyname", "Other"));

        var ids = AssertSameAsScan(Leads(("companyname", "ACME")));

        CollectionAssert.AreEqual(new[] { withValue }, ids);
        Assert.IsEmpty(AssertSameAsScan(Leads(("companyname", "Nobody"))));
    }

    [TestMethod]
    public void Equal_AfterUpdates_SeesNewValuesNotOldOnes()
    {
        var first = CreateLead("a", ("companyname", "Acme"));
        var second = CreateLead("b", ("companyname", "Other"));
        var third = CreateLead("c", ("companyname", "Acme"));
        AssertSameAsScan(Leads(("companyname", "Acme")));

        _service.Update(new Entity("lead", first) { ["companyname"] = "Renamed" });
        _service.Update(new Entity("lead", second) { ["companyname"] = "acme" });

        var ids = AssertSameAsScan(Leads(("companyname", "Acme")));
        CollectionAssert.AreEqual(new[] { second, third }, ids, "store order, not update order");
        CollectionAssert.AreEqual(new[] { first }, AssertSameAsScan(Leads(("companyname", "Renamed"))));
    }

    [TestMethod]
    public void Equal_AfterDeletesAndInserts_SameRowsAsScan()
    {
        var first = CreateLead("a", ("companyname", "Acme"));
        CreateLead("b", ("companyname", "Acme"));
        AssertSameAsScan(Leads(("companyname", "Acme")));

        _service.Delete("lead", first);
        var added = CreateLead("c", ("companyname", "ACME"));

        var ids = AssertSameAsScan(Leads(("companyname", "Acme")));
        Assert.HasCount(2, ids);
        Assert.AreEqual(added, ids[1]);
        CollectionAssert.DoesNotContain(ids, first);
    }

    [TestMethod]
    public void Equal_AfterRolledBackTransaction_SeesRestoredRowsInOriginalOrder()
    {
        var first = CreateLead("a", ("companyname", "Acme"));
        var second = CreateLead("b", ("companyname", "Acme"));
        var third = CreateLead("c", ("companyname", "Other"));
        AssertSameAsScan(Leads(("companyname", "Acme")));

        using (_emulator.Store.Begin())
        {
            _emulator.Store.Remove("lead", first);
            var changed = EntityStoreRow(third);
            changed["companyname"] = "Acme";
            _emulator.Store.Replace(changed);
            var inserted = EntityStoreRow(second);
            inserted.Id = Guid.NewGuid();
            inserted["leadid"] = inserted.Id;
            _emulator.Store.Insert(inserted);
            Assert.HasCount(3, AssertSameAsScan(Leads(("companyname", "Acme"))), "inside the scope");
        }

        var ids = AssertSameAsScan(Leads(("companyname", "Acme")));
        CollectionAssert.AreEqual(new[] { first, second }, ids);
    }

    [TestMethod]
    public void Equal_WithOtherConditionsAndNestedOr_FullFilterStillApplies()
    {
        var hot = CreateLead("a", ("companyname", "Acme"), ("leadqualitycode", new OptionSetValue(1)));
        CreateLead("b", ("companyname", "Acme"), ("leadqualitycode", new OptionSetValue(3)));
        var warm = CreateLead("c", ("companyname", "acme"), ("leadqualitycode", new OptionSetValue(2)));
        CreateLead("d", ("companyname", "Other"), ("leadqualitycode", new OptionSetValue(1)));
        var query = Leads(("companyname", "Acme"), ("statecode", 0));
        var either = new FilterExpression(LogicalOperator.Or);
        either.AddCondition("leadqualitycode", ConditionOperator.Equal, 1);
        either.AddCondition("leadqualitycode", ConditionOperator.Equal, 2);
        query.Criteria.AddFilter(either);

        var ids = AssertSameAsScan(query);

        CollectionAssert.AreEqual(new[] { hot, warm }, ids);
    }

    [TestMethod]
    public void Equal_InTopLevelOr_NotNarrowedAndSameAsScan()
    {
        var acme = CreateLead("a", ("companyname", "Acme"));
        var hot = CreateLead("b", ("companyname", "Other"), ("leadqualitycode", new OptionSetValue(1)));
        CreateLead("c", ("companyname", "Other"));
        var query = Leads(("companyname", "Acme"), ("leadqualitycode", 1));
        query.Criteria.FilterOperator = LogicalOperator.Or;

        var ids = AssertSameAsScan(query);

        CollectionAssert.AreEqual(new[] { acme, hot }, ids);
    }

    [TestMethod]
    public void Equal_WithOrderPagingAndTotal_SamePagesCookiesAndCounts()
    {
        var ids = Enumerable.Range(0, 7).Select(i => CreateLead("s" + (6 - i), ("companyname", i % 2 == 0 ? "Acme" : "Other"))).ToList();
        CreateLead("x", ("companyname", "ACME"));

        string? cookie = null;
        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var query = Leads(("companyname", "acme"));
            query.AddOrder("subject", OrderType.Descending);
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = page, PagingCookie = cookie, ReturnTotalRecordCount = true };
            var (indexed, _) = RunBoth(query);
            seen.AddRange(indexed.Entities.Select(e => e.Id));
            cookie = indexed.PagingCookie;
            Assert.AreEqual(5, indexed.TotalRecordCount);
        }

        Assert.HasCount(5, seen);
        CollectionAssert.AllItemsAreUnique(seen);
        CollectionAssert.Contains(seen, ids[0]);
    }

    [TestMethod]
    public void Equal_LinkedAndAggregateQueries_SameAsScan()
    {
        var first = CreateLead("a", ("companyname", "Acme"), ("parentaccountid", new EntityReference("account", _contoso)));
        CreateLead("b", ("companyname", "Acme"), ("parentaccountid", new EntityReference("account", _fabrikam)));
        CreateLead("c", ("companyname", "Other"), ("parentaccountid", new EntityReference("account", _contoso)));
        var linked = Leads(("companyname", "ACME"));
        var account = linked.AddLink("account", "parentaccountid", "accountid");
        account.EntityAlias = "acct";
        account.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "contoso");
        var fetch = new FetchExpression(
            "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' />"
            + "<filter><condition attribute='companyname' operator='eq' value='acme' /></filter></entity></fetch>");

        var ids = AssertSameAsScan(linked);
        var (indexedCount, scannedCount) = RunBoth(fetch);

        CollectionAssert.AreEqual(new[] { first }, ids);
        Assert.AreEqual(2, ((AliasedValue)indexedCount.Entities[0]["n"]).Value);
        Assert.AreEqual(((AliasedValue)scannedCount.Entities[0]["n"]).Value, ((AliasedValue)indexedCount.Entities[0]["n"]).Value);
    }

    [TestMethod]
    public void RowsWhereEqual_IndexedColumn_ReturnsOnlyMatchingRowsInStoreOrder()
    {
        var first = CreateLead("a", ("companyname", "Acme"));
        CreateLead("b", ("companyname", "Other"));
        var third = CreateLead("c", ("companyname", "aCME"));

        var firstAsk = _emulator.Store.RowsWhereEqual("lead", "companyname", "ACME");
        var rows = _emulator.Store.RowsWhereEqual("lead", "companyname", "ACME");

        Assert.IsNull(firstAsk, "one ask is cheaper to scan than to index");
        Assert.IsNotNull(rows);
        CollectionAssert.AreEqual(new[] { first, third }, rows.Select(r => r.Id).ToArray());
    }

    [TestMethod]
    public void RowsWhereEqual_WriteBetweenAsks_IndexBuiltWithTheWrite()
    {
        CreateLead("a", ("companyname", "Acme"));
        _ = _emulator.Store.RowsWhereEqual("lead", "companyname", "ACME");
        CreateLead("b", ("companyname", "Acme"));

        var afterWrite = _emulator.Store.RowsWhereEqual("lead", "companyname", "ACME");

        Assert.HasCount(2, afterWrite!, "the index is built on the second ask, writes or not, and sees the new row");
    }

    [TestMethod]
    public void RowsWhereEqual_IndexExistsBeforeWritesAndRollback_AnswersLikeAScanAfterEach()
    {
        var first = CreateLead("a", ("companyname", "Acme"));
        var second = CreateLead("b", ("companyname", "Other"));
        var third = CreateLead("c", ("companyname", "acme"));
        Assert.IsNotNull(AskTwice("lead", "companyname", "ACME"), "index built before any of the writes below");

        _service.Update(new Entity("lead", second) { ["companyname"] = "ACME" });
        CollectionAssert.AreEqual(new[] { first, second, third }, Indexed("ACME"), "an updated row keeps its place in store order");
        _service.Update(new Entity("lead", first) { ["companyname"] = null! });
        CollectionAssert.AreEqual(new[] { second, third }, Indexed("ACME"), "a cleared value leaves the index");
        _service.Delete("lead", third);
        var fourth = CreateLead("d", ("companyname", "Acme"));
        CollectionAssert.AreEqual(new[] { second, fourth }, Indexed("acme"));

        using (_emulator.Store.Begin())
        {
            _emulator.Store.Remove("lead", second);
            var added = EntityStoreRow(fourth);
            var renamed = EntityStoreRow(fourth);
            renamed["companyname"] = "Gone";
            _emulator.Store.Replace(renamed);
            added.Id = Guid.NewGuid();
            added["leadid"] = added.Id;
            _emulator.Store.Insert(added);
            CollectionAssert.AreEqual(new[] { added.Id }, Indexed("ACME"), "inside the scope");
        }

        CollectionAssert.AreEqual(new[] { second, fourth }, Indexed("ACME"), "rollback restores the index with the rows, in store order");
        CollectionAssert.AreEqual(AssertSameAsScan(Leads(("companyname", "Acme"))), Indexed("ACME"));
        Assert.IsEmpty(Indexed("Gone"));
    }

    [TestMethod]
    public void RowsWhereEqual_PrimaryId_ServedByTheTableItselfOnTheFirstAsk()
    {
        var wanted = CreateLead("a");
        CreateLead("b");

        CollectionAssert.AreEqual(new[] { wanted }, _emulator.Store.RowsWhereEqual("lead", "leadid", wanted)!.Select(r => r.Id).ToArray());
        Assert.IsEmpty(_emulator.Store.RowsWhereEqual("lead", "leadid", Guid.NewGuid())!);
    }

    [TestMethod]
    public void QualifyLead_ProcessInstanceLookedUpThroughTheLeadIndex_SameInstanceCarried()
    {
        // Two qualifications: the second one finds its lead's process instance through the maintained index on leadid.
        var leads = new[] { CreateLead("a", ("companyname", "A")), CreateLead("b", ("companyname", "B")) };
        foreach (var lead in leads)
        {
            _service.Execute(new Microsoft.Crm.Sdk.Messages.QualifyLeadRequest
            {
                LeadId = new EntityReference("lead", lead),
                CreateAccount = true,
                CreateContact = false,
                CreateOpportunity = true,
                Status = new OptionSetValue(3),
            });
        }

        foreach (var lead in leads)
        {
            var instance = _emulator.All("leadtoopportunitysalesprocess").Single(i => i.GetAttributeValue<EntityReference>("leadid").Id == lead);
            var opportunity = _emulator.All("opportunity").Single(o => o.GetAttributeValue<EntityReference>("originatingleadid").Id == lead);
            Assert.AreEqual(opportunity.Id, instance.GetAttributeValue<EntityReference>("opportunityid")?.Id);
        }
    }

    [TestMethod]
    public void RowsWhereEqual_UnknownColumnTableOrMistypedValue_ReturnsNull()
    {
        CreateLead("a");

        Assert.IsNull(AskTwice("lead", "nosuchcolumn", "x"));
        Assert.IsNull(AskTwice("nosuchtable", "name", "x"));
        Assert.IsNotNull(AskTwice("lead", "companyname", "x"), "the column is indexed now");
        Assert.IsNull(_emulator.Store.RowsWhereEqual("lead", "companyname", 5), "a value of another type falls back to the scan");
    }

    [TestMethod]
    public void EqualityIndex_ValueOfUnexpectedType_AlwaysACandidateInStoreOrder()
    {
        var rows = new[]
        {
            new Entity("lead", Guid.NewGuid()) { ["companyname"] = 5 },
            new Entity("lead", Guid.NewGuid()) { ["companyname"] = "other" },
            new Entity("lead", Guid.NewGuid()),
            new Entity("lead", Guid.NewGuid()) { ["companyname"] = "5" },
        };
        var table = new OrderedDictionary<Guid, Entity>();
        foreach (var row in rows)
        {
            table.Add(row.Id, row);
        }

        var index = EqualityIndex.Build(rows, "companyname", isPrimaryId: false, ColumnKind.String)!;

        var candidates = index.Lookup("5", table)!;

        CollectionAssert.AreEqual(new[] { rows[0], rows[3] }, candidates.ToArray());
        Assert.HasCount(1, index.Lookup("nothing", table)!, "the odd row is offered for every value; the filter decides");
        Assert.IsNull(EqualityIndex.Build(rows, "companyname", isPrimaryId: false, ColumnKind.Double));
    }

    private Guid CreateLead(string subject, params (string Column, object Value)[] values)
    {
        var lead = new Entity("lead") { ["lastname"] = "Lead " + subject, ["subject"] = subject };
        foreach (var (column, value) in values)
        {
            lead[column] = value;
        }

        return _service.Create(lead);
    }

    private Entity EntityStoreRow(Guid id)
    {
        var row = _emulator.Store.Get("lead", id)!;
        var copy = new Entity("lead", id);
        foreach (var pair in row.Attributes)
        {
            copy[pair.Key] = pair.Value;
        }

        return copy;
    }

    private static QueryExpression Leads(params (string Column, object Value)[] conditions)
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "companyname") };
        foreach (var (column, value) in conditions)
        {
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
        }

        return query;
    }

    private (EntityCollection Indexed, EntityCollection Scanned) RunBoth(QueryBase query)
    {
        var environment = new QueryEnvironment(_emulator.Clock.UtcNow, Guid.Empty, Guid.Empty);
        var engine = new QueryEngine();
        var firstAsk = engine.Execute(query, _emulator.Store, environment); // the store scans and remembers the ask
        var indexed = engine.Execute(query, _emulator.Store, environment);  // asked again, no write between: the index
        var scanned = engine.Execute(query, new ScanOnlySource(_emulator.Store), environment);
        CollectionAssert.AreEqual(scanned.Entities.Select(e => e.Id).ToArray(), firstAsk.Entities.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(scanned.Entities.Select(e => e.Id).ToArray(), indexed.Entities.Select(e => e.Id).ToArray());
        Assert.AreEqual(scanned.PagingCookie, indexed.PagingCookie);
        Assert.AreEqual(scanned.MoreRecords, indexed.MoreRecords);
        Assert.AreEqual(scanned.TotalRecordCount, indexed.TotalRecordCount);
        Assert.AreEqual(scanned.TotalRecordCountLimitExceeded, indexed.TotalRecordCountLimitExceeded);
        return (indexed, scanned);
    }

    private Guid[] AssertSameAsScan(QueryExpression query)
    {
        var (indexed, scanned) = RunBoth(query);
        for (var i = 0; i < indexed.Entities.Count; i++)
        {
            CollectionAssert.AreEquivalent(
                scanned.Entities[i].Attributes.Select(a => a.Key).ToArray(),
                indexed.Entities[i].Attributes.Select(a => a.Key).ToArray());
        }

        var viaService = _service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToArray();
        var ids = indexed.Entities.Select(e => e.Id).ToArray();
        CollectionAssert.AreEqual(ids, viaService);
        return ids;
    }

    private Guid[] Indexed(string companyName) =>
        _emulator.Store.RowsWhereEqual("lead", "companyname", companyName)!.Select(r => r.Id).ToArray();

    /// <summary>The real store without its equality index: the engine falls back to scanning every row.</summary>
    /// <summary>The second ask without a write between: served by the index where the column has one.</summary>
    private IEnumerable<Entity>? AskTwice(string table, string column, object value)
    {
        _ = _emulator.Store.RowsWhereEqual(table, column, value);
        return _emulator.Store.RowsWhereEqual(table, column, value);
    }

    private sealed class ScanOnlySource(EntityStore store) : IQuerySource
    {
        public bool TableExists(string table) => store.TableExists(table);

        public string PrimaryIdAttribute(string table) => store.PrimaryIdAttribute(table);

        public ColumnKind? ColumnKindOf(string table, string column) => store.ColumnKindOf(table, column);

        public IEnumerable<Entity> Rows(string table) => store.Rows(table);
    }
}
