using System.Linq;
using System.Xml.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>ExecuteFetch (deprecated, issue 12 item 5): FetchXML in, the documented resultset XML out.</summary>
[TestClass]
public sealed class ExecuteFetchTests
{
    [TestMethod]
    public void ExecuteFetch_Leads_ResultsetWithOneResultPerRowAndColumnsByName()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Fischer", ["numberofemployees"] = 250, ["industrycode"] = new OptionSetValue(7) });
        service.Create(new Entity("lead") { ["lastname"] = "Weber" });

        var response = (ExecuteFetchResponse)service.Execute(new ExecuteFetchRequest
        {
            FetchXml = """
                <fetch><entity name="lead"><attribute name="lastname" /><attribute name="numberofemployees" /><attribute name="industrycode" />
                <filter><condition attribute="lastname" operator="eq" value="Fischer" /></filter></entity></fetch>
                """,
        });
        var resultset = XElement.Parse(response.FetchXmlResult);
        var result = resultset.Elements("result").Single();

        Assert.AreEqual(("resultset", "0"), (resultset.Name.LocalName, resultset.Attribute("morerecords")?.Value));
        Assert.AreEqual(("Fischer", "250", "7"), (result.Element("lastname")?.Value, result.Element("numberofemployees")?.Value, result.Element("industrycode")?.Value));
        Assert.AreEqual(leadId.ToString("B").ToUpperInvariant(), result.Element("leadid")?.Value);
    }

    [TestMethod]
    public void ExecuteFetch_AggregateCount_ResultNamedByTheAlias()
    {
        var service = new XrmEmulator().GetOrganizationService();
        service.Create(new Entity("account") { ["name"] = "Contoso" });
        service.Create(new Entity("account") { ["name"] = "Fabrikam" });

        var response = (ExecuteFetchResponse)service.Execute(new ExecuteFetchRequest
        {
            FetchXml = """<fetch aggregate="true"><entity name="account"><attribute name="accountid" aggregate="count" alias="account_count" /></entity></fetch>""",
        });

        Assert.AreEqual("2", XElement.Parse(response.FetchXmlResult).Element("result")?.Element("account_count")?.Value);
    }

    [TestMethod]
    public void ExecuteFetch_UnknownTable_FaultsAsRetrieveMultipleDoes()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Execute(new ExecuteFetchRequest { FetchXml = """<fetch><entity name="new_nothing"><all-attributes /></entity></fetch>""" }));

        Assert.AreEqual(Faults.QueryBuilderNoEntity, code);
    }
}
