using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Testing;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi.Tests;

[TestClass]
public sealed class OperationTests
{
    private const string QualifyBody = """{"CreateAccount":true,"CreateContact":true,"CreateOpportunity":true,"Status":3}""";

    [TestMethod]
    public async Task QualifyLead_BoundActionWithoutBudget_RefusedWithThePolicysMessage()
    {
        await using var served = await ServedOrganization.StartAsync();
        var leadId = await CreateLeadAsync(served, """{"lastname":"Berg","companyname":"Contoso","purchasetimeframe":0,"purchaseprocess":0}""");

        using var response = await served.Client.PostAsync($"leads({leadId})/Microsoft.Dynamics.CRM.QualifyLead", ServedOrganization.Json(QualifyBody));
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("0x80040265", error.GetProperty("code").GetString());
        StringAssert.StartsWith(error.GetProperty("message").GetString(), QualificationTexts.English.MissingFields.Split('{')[0], StringComparison.Ordinal);
        Assert.IsEmpty(served.Emulator.All("account"));
        Assert.AreEqual(0, served.Emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public async Task QualifyLead_BoundActionWithEverythingCollected_AnswersTheCreatedRecords()
    {
        await using var served = await ServedOrganization.StartAsync();
        var leadId = await CreateLeadAsync(served, """{"lastname":"Berg","companyname":"Contoso","budgetamount":5000,"purchasetimeframe":0,"purchaseprocess":0}""");

        using var response = await served.Client.PostAsync($"leads({leadId})/Microsoft.Dynamics.CRM.QualifyLead", ServedOrganization.Json(QualifyBody));
        var created = (await ServedOrganization.BodyAsync(response)).GetProperty("value").EnumerateArray().ToList();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "#Microsoft.Dynamics.CRM.account", "#Microsoft.Dynamics.CRM.contact", "#Microsoft.Dynamics.CRM.opportunity" }, created.Select(c => c.GetProperty("@odata.type").GetString()).ToArray());
        Assert.AreEqual(served.Emulator.All("opportunity").Single().Id, created.Single(c => c.TryGetProperty("opportunityid", out _)).GetProperty("opportunityid").GetGuid());
        Assert.AreEqual(1, served.Emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public async Task ImportSolutionAsync_ShippedZip_JobSucceedsAndTheStepsRun()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);

        using var response = await served.Client.PostAsync("ImportSolutionAsync", ServedOrganization.Json(
            $$"""{"CustomizationFile":"{{Convert.ToBase64String(ShippedSolution.Zip)}}","OverwriteUnmanagedCustomizations":true,"PublishWorkflows":true}"""));
        var body = await ServedOrganization.BodyAsync(response);
        var job = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"asyncoperations({body.GetProperty("AsyncOperationId").GetGuid()})?$select=statecode,statuscode"));
        var import = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"importjobs({body.GetProperty("ImportJobKey").GetString()})?$select=progress,solutionname,data"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(3, job.GetProperty("statecode").GetInt32());
        Assert.AreEqual(30, job.GetProperty("statuscode").GetInt32());
        Assert.AreEqual(100d, import.GetProperty("progress").GetDouble());
        Assert.AreEqual("LeadQualifyExtensions", import.GetProperty("solutionname").GetString());
        Assert.Contains("result=\"success\"", import.GetProperty("data").GetString()!);
        Assert.IsNotNull(InstalledSolutions.Find(served.Emulator, "LeadQualifyExtensions"));
        Assert.AreEqual(ShippedSolution.Result.Steps.Count, served.Emulator.Plugins.Steps.Count);
    }

    [TestMethod]
    public async Task ImportSolutionAsync_OrganizationWithoutSales_JobFailsWithThePlatformsReason()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        InstalledSolutions.Uninstall(served.Emulator, "msdynce_Sales");

        using var response = await served.Client.PostAsync("ImportSolutionAsync", ServedOrganization.Json(
            $$"""{"CustomizationFile":"{{Convert.ToBase64String(ShippedSolution.Zip)}}"}"""));
        var body = await ServedOrganization.BodyAsync(response);
        var job = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"asyncoperations({body.GetProperty("AsyncOperationId").GetGuid()})?$select=statuscode,message"));
        var import = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"importjobs({body.GetProperty("ImportJobKey").GetString()})?$select=data"));

        Assert.AreEqual(31, job.GetProperty("statuscode").GetInt32());
        Assert.Contains("msdynce_Sales", job.GetProperty("message").GetString()!);
        Assert.Contains("result=\"failure\"", import.GetProperty("data").GetString()!);
        Assert.IsEmpty(served.Emulator.Plugins.Steps);
    }

    [TestMethod]
    public async Task ImportSolution_OrganizationWithoutSales_400WithTheReason()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        InstalledSolutions.Uninstall(served.Emulator, "msdynce_Sales");

        using var response = await served.Client.PostAsync("ImportSolution", ServedOrganization.Json(
            $$"""{"CustomizationFile":"{{Convert.ToBase64String(ShippedSolution.Zip)}}"}"""));
        var error = (await ServedOrganization.BodyAsync(response)).GetProperty("error");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Lead to Opportunity Sales Process", error.GetProperty("message").GetString()!);
    }

    [TestMethod]
    public async Task ProcessFunctions_NewLead_InstanceOnQualifyAndItsActivePath()
    {
        await using var served = await ServedOrganization.StartAsync();
        var leadId = await CreateLeadAsync(served, """{"lastname":"Berg"}""");

        var instances = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"RetrieveProcessInstances(EntityLogicalName='lead',EntityId={leadId})"));
        var instanceId = instances.GetProperty("Processes")[0].GetProperty("businessprocessflowinstanceid").GetGuid();
        var path = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"RetrieveActivePath(ProcessInstanceId={instanceId})"));

        Assert.AreEqual(1, instances.GetProperty("Processes").GetArrayLength());
        Assert.AreEqual("Qualify", path.GetProperty("ProcessStages")[0].GetProperty("stagename").GetString());
    }

    [TestMethod]
    public async Task Get_IncludeAnnotations_FormattedValuesAndLookupNamesInTheCallersLanguage()
    {
        await using var served = await ServedOrganization.StartAsync();
        var seller = served.Emulator.CreateUser("Anna", "Berg", uiLanguageId: 1031, roles: ["Salesperson"]);
        var accountId = served.Emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });
        var leadId = served.Emulator.GetOrganizationService().Create(new Entity("lead")
        {
            ["lastname"] = "Berg",
            ["budgetamount"] = new Money(5000.5m),
            ["parentaccountid"] = new EntityReference("account", accountId),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"leads({leadId})?$select=statecode,budgetamount,_parentaccountid_value");
        request.Headers.Add("Prefer", "odata.include-annotations=\"*\"");
        request.Headers.Add("MSCRMCallerID", seller.ToString());

        using var response = await served.Client.SendAsync(request);
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual("Offen", body.GetProperty("statecode@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.AreEqual("$5.000,50", body.GetProperty("budgetamount@OData.Community.Display.V1.FormattedValue").GetString()); // the seller's German locale
        Assert.AreEqual("Contoso", body.GetProperty("_parentaccountid_value@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.AreEqual("account", body.GetProperty("_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.AreEqual("parentaccountid", body.GetProperty("_parentaccountid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").GetString());
        Assert.AreEqual("odata.include-annotations=\"*\"", response.Headers.GetValues("Preference-Applied").Single());
    }

    [TestMethod]
    public async Task Get_WithoutIncludeAnnotations_NoAnnotations()
    {
        await using var served = await ServedOrganization.StartAsync();
        var leadId = await CreateLeadAsync(served, """{"lastname":"Berg"}""");

        var body = await ServedOrganization.BodyAsync(await served.Client.GetAsync($"leads({leadId})?$select=statecode"));

        Assert.IsFalse(body.EnumerateObject().Any(p => p.Name.Contains("@OData.Community", StringComparison.Ordinal)));
    }

    private static async Task<Guid> CreateLeadAsync(ServedOrganization served, string json)
    {
        using var response = await served.Client.PostAsync("leads", ServedOrganization.Json(json));
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode, await response.Content.ReadAsStringAsync());
        var entityId = response.Headers.GetValues("OData-EntityId").Single();
        return Guid.Parse(entityId[(entityId.LastIndexOf('(') + 1)..^1]);
    }
}
