using System;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Linq.Tests;

/// <summary>Early-bound classes: ToEntity&lt;T&gt;, and EnableProxyTypes making the emulator's services return them.</summary>
[TestClass]
public sealed class EarlyBoundTests
{
    [TestMethod]
    public void ToEntity_LateBoundRow_ReadsThroughMappedProperties()
    {
        var row = new Entity("lead", SalesData.LeadId(1)) { ["subject"] = "Fleet", ["numberofemployees"] = 12, ["leadqualitycode"] = new OptionSetValue(1) };

        var lead = row.ToEntity<Lead>();

        Assert.AreEqual(SalesData.LeadId(1), lead.Id);
        Assert.AreEqual("Fleet", lead.Subject);
        Assert.AreEqual(12, lead.NumberOfEmployees);
        Assert.AreEqual(1, lead.LeadQualityCode!.Value);
    }

    [TestMethod]
    public void ToEntity_OtherTable_ThrowsNotSupported()
    {
        var row = new Entity("account", SalesData.Contoso);

        Assert.ThrowsExactly<NotSupportedException>(() => row.ToEntity<Lead>());
    }

    [TestMethod]
    public void EarlyBound_PropertySetters_WriteTheMappedColumns()
    {
        var lead = new Lead { Subject = "Fleet", NumberOfEmployees = 5, ParentAccountId = new EntityReference("account", SalesData.Contoso) };

        Assert.AreEqual("lead", lead.LogicalName);
        Assert.AreEqual("Fleet", lead["subject"]);
        Assert.AreEqual(5, lead["numberofemployees"]);
        Assert.AreEqual(SalesData.Contoso, lead.GetAttributeValue<EntityReference>("parentaccountid").Id);
    }

    [TestMethod]
    public void Retrieve_WithoutProxyTypes_ReturnsLateBoundEntity()
    {
        var emulator = SalesData.NewEmulator();

        var row = emulator.GetOrganizationService().Retrieve("account", SalesData.Contoso, new ColumnSet("name"));

        Assert.AreEqual(typeof(Entity), row.GetType());
    }

    [TestMethod]
    public void Retrieve_ProxyTypesEnabled_ReturnsTheEarlyBoundClass()
    {
        var emulator = SalesData.NewEmulator();
        emulator.EnableProxyTypes(typeof(Account).Assembly);

        var account = (Account)emulator.GetOrganizationService().Retrieve("account", SalesData.Contoso, new ColumnSet("name", "revenue"));

        Assert.AreEqual(SalesData.Contoso, account.Id);
        Assert.AreEqual("Contoso", account.Name);
        Assert.AreEqual(1_000_000m, account.Revenue!.Value);
    }

    [TestMethod]
    public void RetrieveMultiple_ProxyTypesEnabled_ReturnsTheEarlyBoundClassForMappedTablesOnly()
    {
        var emulator = SalesData.NewEmulator();
        emulator.EnableProxyTypes(typeof(Account).Assembly);
        var service = emulator.GetOrganizationService();

        var contacts = service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet(true) }).Entities;
        var users = service.RetrieveMultiple(new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") }).Entities;

        Assert.IsTrue(contacts.All(c => c is Contact), "contact rows are Contact instances");
        CollectionAssert.Contains(contacts.Cast<Contact>().Select(c => c.FirstName).ToList(), "Ann");
        Assert.IsTrue(users.All(u => u.GetType() == typeof(Entity)), "systemuser has no class here, so stays late-bound");
    }

    [TestMethod]
    public void RetrieveMultiple_FetchXmlWithProxyTypes_ReturnsTheEarlyBoundClass()
    {
        var emulator = SalesData.NewEmulator();
        emulator.EnableProxyTypes(typeof(Account).Assembly);

        var rows = emulator.GetOrganizationService().RetrieveMultiple(new FetchExpression(
            "<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' value='Litware'/></filter></entity></fetch>")).Entities;

        Assert.AreEqual("Litware", ((Account)rows.Single()).Name);
    }

    [TestMethod]
    public void LateBoundQuery_ProxyTypesEnabled_ReturnsEarlyBoundRows()
    {
        var emulator = SalesData.NewEmulator();
        emulator.EnableProxyTypes(typeof(Account).Assembly);
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());

        var row = context.CreateQuery("account").Where(a => (string)a["name"] == "Fabrikam").ToList().Single();

        Assert.AreEqual("Berlin", ((Account)row).Address1_City);
    }

    [TestMethod]
    public void PluginService_ProxyTypesEnabled_RetrievesTheEarlyBoundClass()
    {
        var emulator = SalesData.NewEmulator();
        emulator.EnableProxyTypes(typeof(Account).Assembly);

        var context = emulator.ExecutePlugin<AccountNamePlugin>(new PluginRun { Message = "new_ReadAccount", Stage = PipelineStage.PostOperation });

        Assert.AreEqual("Contoso", context.OutputParameters["Name"]);
    }

    [TestMethod]
    public void EnableProxyTypes_NullAssembly_Throws()
    {
        var emulator = new XrmEmulator();

        Assert.ThrowsExactly<ArgumentNullException>(() => emulator.EnableProxyTypes(null!));
    }

    /// <summary>Casts what its service returns: works only when the emulator returns early-bound rows.</summary>
    public sealed class AccountNamePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var (context, service) = QueryPluginServices.From(serviceProvider);
            var account = (Account)service.Retrieve(Account.EntityLogicalName, SalesData.Contoso, new ColumnSet("name"));
            context.OutputParameters["Name"] = account.Name!;
        }
    }
}
