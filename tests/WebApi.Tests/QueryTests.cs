using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi.Tests;

[TestClass]
public sealed class QueryTests
{
    [TestMethod]
    [DataRow("lastname eq 'Berg'", "Berg")]
    [DataRow("lastname ne 'Berg'", "Chen,Diaz,Eko")]
    [DataRow("numberofemployees gt 20", "Diaz,Eko")]
    [DataRow("numberofemployees le 20 and lastname ne 'Berg'", "Chen")]
    [DataRow("lastname eq 'Berg' or lastname eq 'Eko'", "Berg,Eko")]
    [DataRow("not (lastname eq 'Berg' or numberofemployees ge 30)", "Chen,Diaz")]
    [DataRow("contains(companyname,'soft')", "Chen,Eko")]
    [DataRow("not contains(companyname,'soft')", "Berg,Diaz")]
    [DataRow("startswith(companyname,'Con')", "Berg")]
    [DataRow("endswith(companyname,'ware')", "Diaz,Eko")]
    [DataRow("companyname eq null", "")]
    [DataRow("numberofemployees eq null", "Berg")]
    [DataRow("20 lt numberofemployees", "Diaz,Eko")]
    public async Task Get_Filter_ReturnsTheMatchingRows(string filter, string expected)
    {
        await using var served = await SeededAsync();

        var names = await LastNamesAsync(served, $"leads?$select=lastname&$filter={Uri.EscapeDataString(filter)}&$orderby=lastname");

        Assert.AreEqual(expected, string.Join(",", names));
    }

    [TestMethod]
    public async Task Get_FilterOnAnUnknownColumn_400FromTheParser()
    {
        await using var served = await SeededAsync();

        using var response = await served.Client.GetAsync("leads?$filter=nosuchcolumn eq 1");
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("0x80060888", error.GetProperty("code").GetString());
        Assert.Contains("nosuchcolumn", error.GetProperty("message").GetString()!);
    }

    [TestMethod]
    public async Task Get_OrderByDescendingAndTop_FirstRowsInThatOrder()
    {
        await using var served = await SeededAsync();

        var names = await LastNamesAsync(served, "leads?$select=lastname&$orderby=numberofemployees desc,lastname&$top=2");

        CollectionAssert.AreEqual(new[] { "Eko", "Diaz" }, names.ToArray());
    }

    [TestMethod]
    public async Task Get_Count_CountsEveryMatchNotOnlyThePage()
    {
        await using var served = await SeededAsync();

        using var response = await served.Client.GetAsync("leads?$select=lastname&$count=true&$top=1");
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual(4, body.GetProperty("@odata.count").GetInt32());
        Assert.AreEqual(1, body.GetProperty("value").GetArrayLength());
    }

    [TestMethod]
    public async Task Get_MaxPageSize_PagesThroughNextLinksUntilEveryRowWasRead()
    {
        await using var served = await SeededAsync();
        var names = new List<string>();
        var preferenceApplied = new List<string>();
        string? next = "leads?$select=lastname&$orderby=lastname";

        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=3");
            using var response = await served.Client.SendAsync(request);
            var body = await ServedOrganization.BodyAsync(response);
            names.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("lastname").GetString()!));
            preferenceApplied.Add(response.Headers.GetValues("Preference-Applied").Single());
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        CollectionAssert.AreEqual(new[] { "Berg", "Chen", "Diaz", "Eko" }, names);
        CollectionAssert.AreEqual(new[] { "odata.maxpagesize=3", "odata.maxpagesize=3" }, preferenceApplied);
    }

    [TestMethod]
    public async Task Get_Collection_ContextNamesTheSelection()
    {
        await using var served = await SeededAsync();

        using var response = await served.Client.GetAsync("leads?$select=lastname,companyname");
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual("http://localhost/api/data/v9.2/$metadata#leads(lastname,companyname)", body.GetProperty("@odata.context").GetString());
    }

    private static async Task<ServedOrganization> SeededAsync()
    {
        var served = await ServedOrganization.StartAsync(importSolution: false);
        var service = served.Emulator.GetOrganizationService();
        service.Create(new Entity("lead") { ["lastname"] = "Berg", ["companyname"] = "Contoso" });
        service.Create(new Entity("lead") { ["lastname"] = "Chen", ["companyname"] = "Microsoft", ["numberofemployees"] = 10 });
        service.Create(new Entity("lead") { ["lastname"] = "Diaz", ["companyname"] = "Fabrikam Hardware", ["numberofemployees"] = 25 });
        service.Create(new Entity("lead") { ["lastname"] = "Eko", ["companyname"] = "Litware Software", ["numberofemployees"] = 40 });
        return served;
    }

    private static async Task<IReadOnlyList<string>> LastNamesAsync(ServedOrganization served, string url)
    {
        using var response = await served.Client.GetAsync(url);
        var body = await ServedOrganization.BodyAsync(response);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToString());
        return body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("lastname").GetString()!).ToList();
    }
}
