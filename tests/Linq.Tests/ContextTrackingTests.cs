using System;
using System.Linq;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Messages;

namespace Linq.Tests;

/// <summary>OrganizationServiceContext change tracking: AddObject, Attach, UpdateObject, DeleteObject, AddLink, SaveChanges, MergeOption.</summary>
[TestClass]
public sealed class ContextTrackingTests
{
    [TestMethod]
    public void AddObject_SaveChanges_CreatesTheRowAndSetsItsId()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var account = new Account { Name = "Northwind", Address1_City = "Oslo" };
        context.AddObject(account);

        var results = context.SaveChanges();

        Assert.IsInstanceOfType<CreateRequest>(results.Single().Request);
        Assert.IsFalse(results.HasError);
        Assert.AreNotEqual(Guid.Empty, account.Id);
        Assert.AreEqual(EntityState.Unchanged, account.EntityState);
        Assert.AreEqual("Oslo", emulator.Get("account", account.Id)!.GetAttributeValue<string>("address1_city"));
    }

    [TestMethod]
    public void UpdateObject_QueriedRow_SaveChangesUpdatesIt()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var account = context.CreateQuery<Account>().Single(a => a.Name == "Litware");
        account.NumberOfEmployees = 99;
        context.UpdateObject(account);
        emulator.Calls.Reset();

        context.SaveChanges();

        Assert.AreEqual(1, emulator.Calls["Update"]);
        Assert.AreEqual(99, emulator.Get("account", SalesData.Litware)!.GetAttributeValue<int>("numberofemployees"));
    }

    [TestMethod]
    public void DeleteObject_AttachedRow_SaveChangesDeletesAndForgetsIt()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var lead = new Lead { Id = SalesData.LeadId(3) };
        context.Attach(lead);
        context.DeleteObject(lead);

        context.SaveChanges();

        Assert.IsNull(emulator.Get("lead", SalesData.LeadId(3)));
        Assert.IsEmpty(context.GetAttachedEntities().ToList());
    }

    [TestMethod]
    public void AddLink_SaveChanges_AssociatesThroughTheRelationship()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var contact = new Contact { Id = SalesData.Dee };
        var account = new Account { Id = SalesData.Litware };
        context.Attach(contact);
        context.Attach(account);
        context.AddLink(contact, new Relationship("account_primary_contact"), account);

        var results = context.SaveChanges();

        Assert.IsInstanceOfType<AssociateRequest>(results.Single().Request);
        Assert.AreEqual(SalesData.Dee, emulator.Get("account", SalesData.Litware)!.GetAttributeValue<EntityReference>("primarycontactid").Id);
    }

    [TestMethod]
    public void UpdateObject_UntrackedEntity_ThrowsInvalidOperation()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        Assert.ThrowsExactly<InvalidOperationException>(() => context.UpdateObject(new Account { Id = SalesData.Contoso }));
    }

    [TestMethod]
    public void Attach_SameRowTwice_ThrowsInvalidOperation()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        context.Attach(new Account { Id = SalesData.Contoso });

        Assert.ThrowsExactly<InvalidOperationException>(() => context.Attach(new Account { Id = SalesData.Contoso }));
    }

    [TestMethod]
    public void SaveChanges_RequestFails_ThrowsWithResultsAndKeepsEarlierWrites()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var good = new Account { Name = "First" };
        var bad = new Entity("account") { ["nosuchcolumn"] = 1 };
        var never = new Account { Name = "Never" };
        context.AddObject(good);
        context.AddObject(bad);
        context.AddObject(never);

        var error = Assert.ThrowsExactly<SaveChangesException>(() => context.SaveChanges());

        Assert.HasCount(2, error.Results);
        Assert.IsNotNull(error.Results[1].Error);
        Assert.IsTrue(error.Results.HasError);
        Assert.IsNotNull(emulator.Get("account", good.Id));
        Assert.AreEqual(Guid.Empty, never.Id);
    }

    [TestMethod]
    public void SaveChanges_ContinueOnError_SendsEveryRequestAndReportsTheFailure()
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        context.AddObject(new Entity("account") { ["nosuchcolumn"] = 1 });
        var after = new Account { Name = "After" };
        context.AddObject(after);

        var results = context.SaveChanges(SaveChangesOptions.ContinueOnError);

        Assert.AreEqual(SaveChangesOptions.ContinueOnError, results.Options);
        Assert.IsTrue(results.HasError);
        Assert.IsNotNull(results[0].Error);
        Assert.IsNull(results[1].Error);
        Assert.IsNotNull(emulator.Get("account", after.Id));
    }

    [TestMethod]
    public void Query_AppendOnly_ReturnsTheTrackedInstanceWithItsLocalChanges()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        var first = context.CreateQuery<Account>().Single(a => a.Name == "Contoso");
        first.Address1_City = "Changed locally";

        var again = context.CreateQuery<Account>().Single(a => a.AccountId == SalesData.Contoso);

        Assert.AreSame(first, again);
        Assert.AreEqual("Changed locally", again.Address1_City);
    }

    [TestMethod]
    public void Query_OverwriteChanges_RefreshesTheTrackedInstance()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService()) { MergeOption = MergeOption.OverwriteChanges };
        var first = context.CreateQuery<Account>().Single(a => a.Name == "Contoso");
        first.Address1_City = "Changed locally";

        var again = context.CreateQuery<Account>().Single(a => a.Name == "Contoso");

        Assert.AreSame(first, again);
        Assert.AreEqual("Seattle", again.Address1_City);
    }

    [TestMethod]
    public void Query_NoTracking_TracksNothing()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService()) { MergeOption = MergeOption.NoTracking };

        var first = context.CreateQuery<Account>().Single(a => a.Name == "Contoso");
        var again = context.CreateQuery<Account>().Single(a => a.Name == "Contoso");

        Assert.AreNotSame(first, again);
        Assert.IsEmpty(context.GetAttachedEntities().ToList());
    }

    [TestMethod]
    public void LoadProperty_ReferencedSide_LoadsTheReferencingRows()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        var account = new Account { Id = SalesData.Contoso };
        context.Attach(account);
        var relationship = new Relationship("contact_customer_accounts");

        context.LoadProperty(account, relationship);

        var contacts = account.RelatedEntities[relationship].Entities.Select(c => c.Id).ToList();
        CollectionAssert.AreEquivalent(new[] { SalesData.Ann, SalesData.Bob }, contacts);
    }

    [TestMethod]
    public void LoadProperty_LookupSide_LoadsTheReferencedRow()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        var contact = new Contact { Id = SalesData.Cid };
        context.Attach(contact);
        var relationship = new Relationship("contact_customer_accounts");

        context.LoadProperty(contact, relationship);

        var account = contact.RelatedEntities[relationship].Entities.Single();
        Assert.AreEqual(SalesData.Fabrikam, account.Id);
        Assert.AreEqual("Fabrikam", account.GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void LoadProperty_UntrackedEntity_ThrowsInvalidOperation()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        Assert.ThrowsExactly<InvalidOperationException>(() => context.LoadProperty(new Account { Id = SalesData.Contoso }, new Relationship("contact_customer_accounts")));
    }
}
