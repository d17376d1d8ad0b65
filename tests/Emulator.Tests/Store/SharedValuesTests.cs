using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Store;

/// <summary>Stored rows share what they repeat (issue 15: bytes per row); callers only ever see copies.</summary>
[TestClass]
public sealed class SharedValuesTests
{
    [TestMethod]
    public void Create_TwoLeads_StoredRowsShareCreatorOwnerStateAndFlagInstances()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var first = service.Create(new Entity("lead") { ["lastname"] = "One" });
        var second = service.Create(new Entity("lead") { ["lastname"] = "Two" });

        var a = emulator.Store.Get("lead", first)!;
        var b = emulator.Store.Get("lead", second)!;

        foreach (var column in new[] { "createdby", "modifiedby", "ownerid", "owningbusinessunit", "statecode", "statuscode", "donotemail" })
        {
            Assert.AreSame(a[column], b[column], column);
        }

        Assert.AreSame(a["createdby"], a["modifiedby"]);
        Assert.AreSame(a["createdon"], a["modifiedon"], "one box for the created/modified pair");
        Assert.AreNotSame(a["leadid"], b["leadid"]);
    }

    [TestMethod]
    public void Retrieve_CopyChanged_OtherRowsAndTheStoreUnchanged()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var first = service.Create(new Entity("lead") { ["lastname"] = "One" });
        var second = service.Create(new Entity("lead") { ["lastname"] = "Two" });

        var copy = service.Retrieve("lead", first, new ColumnSet("ownerid", "statecode", "donotemail"));
        copy.GetAttributeValue<EntityReference>("ownerid").Name = "changed";
        copy.GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();
        copy.GetAttributeValue<OptionSetValue>("statecode").Value = 2;
        var queried = service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("ownerid", "statecode") }).Entities;
        queried[0].GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();

        var other = service.Retrieve("lead", second, new ColumnSet("ownerid", "statecode"));
        var again = service.Retrieve("lead", first, new ColumnSet("ownerid", "statecode"));
        Assert.AreEqual(emulator.AdministratorId, other.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(emulator.AdministratorId, again.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreNotEqual("changed", again.GetAttributeValue<EntityReference>("ownerid").Name);
        Assert.AreEqual(0, other.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(0, again.GetAttributeValue<OptionSetValue>("statecode").Value);
    }
}
