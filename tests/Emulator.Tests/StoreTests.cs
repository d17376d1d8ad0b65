using System;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class StoreTests
{
    [TestMethod]
    public void Create_CallerChangesEntityAfterwards_StoredRowUnchanged()
    {
        var emulator = new XrmEmulator();
        var lead = TestSupport.Lead();
        var id = emulator.GetOrganizationService().Create(lead);

        lead["firstname"] = "Changed";

        Assert.AreEqual("Ada", emulator.Get("lead", id)!.GetAttributeValue<string>("firstname"));
    }

    [TestMethod]
    public void Retrieve_CallerMutatesReturnedReference_StoredRowUnchanged()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "L", ["parentaccountid"] = new EntityReference("account", accountId) });
        var retrieved = service.Retrieve("lead", leadId, new ColumnSet(true));

        retrieved.GetAttributeValue<EntityReference>("parentaccountid").Id = Guid.NewGuid();
        retrieved.GetAttributeValue<OptionSetValue>("statuscode").Value = 99;

        var stored = emulator.Get("lead", leadId)!;
        Assert.AreEqual(accountId, stored.GetAttributeValue<EntityReference>("parentaccountid").Id);
        Assert.AreEqual(1, stored.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void All_CallerMutatesRows_StoreUnchanged()
    {
        var emulator = new XrmEmulator();
        emulator.GetOrganizationService().Create(TestSupport.Lead());

        emulator.All("lead")[0]["lastname"] = "Mutated";

        Assert.AreEqual("Lovelace", emulator.All("lead")[0].GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Create_Lead_MaintainsSystemColumns()
    {
        var emulator = new XrmEmulator();
        var userId = emulator.CreateUser("Grace", "Hopper", roles: ["Salesperson"]);

        var id = emulator.GetOrganizationService(userId).Create(TestSupport.Lead());

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(emulator.Clock.UtcNow, row.GetAttributeValue<DateTime>("createdon"));
        Assert.AreEqual(emulator.Clock.UtcNow, row.GetAttributeValue<DateTime>("modifiedon"));
        Assert.AreEqual(userId, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.AreEqual(userId, row.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.AreEqual(userId, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(emulator.BusinessUnitId, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.AreEqual(id, row.GetAttributeValue<Guid>("leadid"));
    }

    [TestMethod]
    public void Update_AfterClockAdvance_ModifiedOnMovesAndVersionGrows()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        var before = emulator.Get("lead", id)!;
        emulator.Clock.Advance(TimeSpan.FromHours(2));

        service.Update(new Entity("lead", id) { ["subject"] = "Looms" });

        var after = emulator.Get("lead", id)!;
        Assert.AreEqual(before.GetAttributeValue<DateTime>("createdon"), after.GetAttributeValue<DateTime>("createdon"));
        Assert.AreEqual(before.GetAttributeValue<DateTime>("createdon").AddHours(2), after.GetAttributeValue<DateTime>("modifiedon"));
        Assert.IsGreaterThan(before.GetAttributeValue<long>("versionnumber"), after.GetAttributeValue<long>("versionnumber"));
    }

    [TestMethod]
    public void Create_Lead_DefaultsStateStatusAndBooleans()
    {
        var emulator = new XrmEmulator();

        var id = emulator.GetOrganizationService().Create(TestSupport.Lead());

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.IsFalse(row.GetAttributeValue<bool>("decisionmaker"));
    }

    [TestMethod]
    public void Create_WithOpenStatus_KeepsGivenStatus()
    {
        var emulator = new XrmEmulator();
        var lead = TestSupport.Lead();
        lead["statuscode"] = new OptionSetValue(2);

        var id = emulator.GetOrganizationService().Create(lead);

        Assert.AreEqual(2, emulator.Get("lead", id)!.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Create_Lead_ComputesFullName()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Update(new Entity("lead", id) { ["firstname"] = "Augusta" });

        Assert.AreEqual("Augusta Lovelace", emulator.Get("lead", id)!.GetAttributeValue<string>("fullname"));
    }

    [TestMethod]
    public void Create_MoneyWithoutCurrency_UsesBaseCurrencyAndBaseValue()
    {
        var emulator = new XrmEmulator();
        var lead = TestSupport.Lead();
        lead["budgetamount"] = new Money(1500m);

        var id = emulator.GetOrganizationService().Create(lead);

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(emulator.BaseCurrencyId, row.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        Assert.AreEqual(1m, row.GetAttributeValue<decimal>("exchangerate"));
        Assert.AreEqual(1500m, row.GetAttributeValue<Money>("budgetamount_base").Value);
    }

    [TestMethod]
    public void Create_MoneyInEuro_BaseValueDividedByExchangeRate()
    {
        var emulator = new XrmEmulator();
        var euro = Guid.NewGuid();
        emulator.Seed(new Entity("transactioncurrency", euro) { ["isocurrencycode"] = "EUR", ["currencyname"] = "Euro", ["exchangerate"] = 0.8m });
        var opportunity = new Entity("opportunity")
        {
            ["name"] = "Deal",
            ["transactioncurrencyid"] = new EntityReference("transactioncurrency", euro),
            ["budgetamount"] = new Money(800m),
        };

        var id = emulator.GetOrganizationService().Create(opportunity);

        var row = emulator.Get("opportunity", id)!;
        Assert.AreEqual(0.8m, row.GetAttributeValue<decimal>("exchangerate"));
        Assert.AreEqual(1000m, row.GetAttributeValue<Money>("budgetamount_base").Value);
    }

    [TestMethod]
    public void Clock_SetAndAdvance_ChangesUtcNow()
    {
        var emulator = new XrmEmulator();
        var start = new DateTime(2030, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        emulator.Clock.Set(start);
        emulator.Clock.Advance(TimeSpan.FromDays(1));

        Assert.AreEqual(start.AddDays(1), emulator.Clock.UtcNow);
        Assert.AreEqual(DateTimeKind.Utc, emulator.Clock.UtcNow.Kind);
    }

    [TestMethod]
    public void Create_UnspecifiedDateTime_StoredAsUtc()
    {
        var emulator = new XrmEmulator();
        var lead = TestSupport.Lead();
        lead["estimatedclosedate"] = new DateTime(2031, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);

        var id = emulator.GetOrganizationService().Create(lead);

        Assert.AreEqual(DateTimeKind.Utc, emulator.Get("lead", id)!.GetAttributeValue<DateTime>("estimatedclosedate").Kind);
    }

    [TestMethod]
    public void StoreTransaction_NestedRollbackInsideCommittedOuter_KeepsOnlyOuterWrites()
    {
        var store = new EntityStore();
        using var outer = store.Begin();
        store.Insert(new Entity("lead", Guid.NewGuid()));
        using (var inner = store.Begin())
        {
            store.Insert(new Entity("lead", Guid.NewGuid()));
            inner.Rollback();
        }

        outer.Commit();

        Assert.AreEqual(1, store.Count("lead"));
    }

    [TestMethod]
    public void StoreTransaction_InnerCommitOuterRollback_UndoesBoth()
    {
        var store = new EntityStore();
        var existing = new Entity("lead", Guid.NewGuid()) { ["subject"] = "Original" };
        store.Insert(existing);
        var outer = store.Begin();
        var inner = store.Begin();
        store.Replace(new Entity("lead", existing.Id) { ["subject"] = "Changed" });
        store.Remove("lead", existing.Id);
        store.Insert(new Entity("lead", Guid.NewGuid()));
        inner.Commit();

        outer.Rollback();

        Assert.AreEqual(1, store.Count("lead"));
        Assert.AreEqual("Original", store.Get("lead", existing.Id)!.GetAttributeValue<string>("subject"));
    }

    [TestMethod]
    public void StoreTransaction_CompletedOutOfOrder_Throws()
    {
        var store = new EntityStore();
        var outer = store.Begin();
        store.Begin();

        Assert.ThrowsExactly<InvalidOperationException>(outer.Commit);
    }

    [TestMethod]
    public void SdkMessages_PublishedAndLocalIds_AreSeeded()
    {
        var emulator = new XrmEmulator();

        var create = emulator.Get("sdkmessage", new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"));
        var qualify = emulator.Get("sdkmessage", new Guid("644c3365-b36c-431e-b76b-5c3e48adee55"));
        var associate = emulator.Get("sdkmessage", SdkMessages.NameBasedId("Associate"));

        Assert.AreEqual("Create", create!.GetAttributeValue<string>("name"));
        Assert.AreEqual("QualifyLead", qualify!.GetAttributeValue<string>("name"));
        Assert.AreEqual("Associate", associate!.GetAttributeValue<string>("name"));
        Assert.AreEqual(5, SdkMessages.NameBasedId("Associate").ToByteArray(bigEndian: true)[6] >> 4);
    }

    [TestMethod]
    public void SdkMessages_EveryIdOfTheCommittedTable_SeededUnderTheSameName()
    {
        var table = new LeadQualifyExtensions.Packaging.Workspace(LeadQualifyExtensions.Packaging.BuiltSolution.RepoRoot(typeof(StoreTests).Assembly)).LoadMessages();
        var emulator = new XrmEmulator();

        var mismatches = table.Entries
            .Where(e => emulator.Get("sdkmessage", e.Id)?.GetAttributeValue<string>("name") != e.Name)
            .Select(e => $"{e.Name} {e.Id}")
            .ToList();

        Assert.IsNotEmpty(table.Entries);
        Assert.IsEmpty(mismatches, "Solution/sdkmessages.json and Emulator/Metadata/SdkMessages.cs must give every message the same id");
    }
}
