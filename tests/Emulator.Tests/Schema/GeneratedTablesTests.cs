using System.Linq;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Schema;

/// <summary>opportunity and transactioncurrency generated from Microsoft's table reference (issue 12 item 1).</summary>
[TestClass]
public sealed class GeneratedTablesTests
{
    [TestMethod]
    public void Opportunity_DocumentedColumns_StoredAndQueryable()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var id = service.Create(new Entity("opportunity")
        {
            ["name"] = "Turbines",
            ["budgetstatus"] = new OptionSetValue(2),
            ["closeprobability"] = 70,
            ["opportunityratingcode"] = new OptionSetValue(1),
            ["salesstage"] = new OptionSetValue(1),
            ["discountpercentage"] = 12.5m,
            ["customerneed"] = "Lower running costs",
        });
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("closeprobability", "identifycompetitors") };
        query.Criteria.AddCondition("budgetstatus", ConditionOperator.Equal, 2);
        var row = service.RetrieveMultiple(query).Entities.Single();

        Assert.AreEqual((id, 70), (row.Id, row.GetAttributeValue<int>("closeprobability")));
        Assert.IsFalse(row.GetAttributeValue<bool>("identifycompetitors"), "a documented two-option column gets its default on Create");
    }

    [TestMethod]
    [DataRow("closeprobability", 101, DisplayName = "Probability over its documented 100")]
    [DataRow("budgetstatus", 9, DisplayName = "Budget option not in the set")]
    [DataRow("opportunityname", "x", DisplayName = "column the page does not document")]
    public void Opportunity_ValueOutsideTheReference_Faults(string column, object value)
    {
        var service = new XrmEmulator().GetOrganizationService();
        var opportunity = new Entity("opportunity") { ["name"] = "Turbines" };
        opportunity[column] = column == "budgetstatus" ? new OptionSetValue((int)value) : value;

        var code = TestSupport.FaultCode(() => service.Create(opportunity));

        Assert.AreEqual(column == "opportunityname" ? Faults.QueryBuilderNoAttribute : column == "budgetstatus" ? Faults.PicklistValueOutOfRange : Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void GeneratedTables_TypesAndGermanLabels_FromTheReferenceAndThePackage()
    {
        var schema = new XrmEmulator().Schema;
        var opportunity = schema.Find("opportunity")!;
        var currency = schema.Find("transactioncurrency")!;

        Assert.AreEqual((ColumnKind.Customer, "Potenzieller Kunde"), (opportunity.Attributes["customerid"].Type, opportunity.Attributes["customerid"].DisplayName.For(1031)));
        Assert.IsFalse(opportunity.Attributes["totalamount"].ValidForCreate, "documented IsValidForCreate False");
        Assert.AreEqual(("opportunities", "Currency"), (opportunity.EntitySetName, currency.DisplayName.English));
        Assert.AreEqual((0m, 10m), (currency.Attributes["currencyprecision"].MinValue, currency.Attributes["currencyprecision"].MaxValue));
        Assert.AreEqual("Custom", currency.Attributes["currencytype"].FindOption(1)!.Label.English);
    }
}
