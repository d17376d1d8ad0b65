using System;
using System.IO;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class SerializationTests
{
    private static T RoundTrip<T>(T value)
    {
        var serializer = new DataContractSerializer(typeof(T));
        using var stream = new MemoryStream();
        serializer.WriteObject(stream, value);
        stream.Position = 0;
        return (T)serializer.ReadObject(stream)!;
    }

    [TestMethod]
    public void Entity_DataContractRoundTrip_KeepsAttributeValues()
    {
        var id = Guid.NewGuid();
        var accountId = Guid.NewGuid();
        var created = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var entity = new Entity("lead", id);
        entity["subject"] = "Interested";
        entity["numberofemployees"] = 42;
        entity["statuscode"] = new OptionSetValue(3);
        entity["budgetamount"] = new Money(1234.5m);
        entity["parentaccountid"] = new EntityReference("account", accountId) { Name = "Contoso" };
        entity["createdon"] = created;
        entity["donotemail"] = true;
        entity["externalid"] = accountId;
        entity.FormattedValues["statuscode"] = "Qualified";

        var copy = RoundTrip(entity);

        Assert.AreEqual("lead", copy.LogicalName);
        Assert.AreEqual(id, copy.Id);
        Assert.AreEqual("Interested", copy["subject"]);
        Assert.AreEqual(42, copy["numberofemployees"]);
        Assert.AreEqual(new OptionSetValue(3), copy["statuscode"]);
        Assert.AreEqual(new Money(1234.5m), copy["budgetamount"]);
        Assert.AreEqual(new EntityReference("account", accountId), copy["parentaccountid"]);
        Assert.AreEqual("Contoso", copy.GetAttributeValue<EntityReference>("parentaccountid").Name);
        Assert.AreEqual(created, copy["createdon"]);
        Assert.AreEqual(true, copy["donotemail"]);
        Assert.AreEqual(accountId, copy["externalid"]);
        Assert.AreEqual("Qualified", copy.FormattedValues["statuscode"]);
    }

    [TestMethod]
    public void QueryExpression_DataContractRoundTrip_KeepsCriteria()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), TopCount = 5 };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder("createdon", OrderType.Descending);

        var copy = RoundTrip(query);

        Assert.AreEqual("lead", copy.EntityName);
        Assert.AreEqual("subject", copy.ColumnSet.Columns[0]);
        Assert.AreEqual(0, copy.Criteria.Conditions[0].Values[0]);
        Assert.AreEqual(OrderType.Descending, copy.Orders[0].OrderType);
        Assert.AreEqual(5, copy.TopCount);
    }

    [TestMethod]
    public void RemoteExecutionContext_DataContractRoundTrip_KeepsParameters()
    {
        var context = new RemoteExecutionContext { MessageName = "Create", PrimaryEntityName = "lead", Stage = 20 };
        context.InputParameters["Target"] = new Entity("lead");

        var copy = RoundTrip(context);

        Assert.AreEqual("Create", copy.MessageName);
        Assert.AreEqual(20, copy.Stage);
        Assert.IsInstanceOfType<Entity>(copy.InputParameters["Target"]);
    }
}
