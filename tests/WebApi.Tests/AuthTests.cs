using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.WebApi.Tests;

[TestClass]
public sealed class AuthTests
{
    [TestMethod]
    public async Task WhoAmI_WithTheToken_AnswersTheTokensUser()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);

        using var response = await served.Client.GetAsync("WhoAmI");
        var body = await ServedOrganization.BodyAsync(response);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(served.Emulator.AdministratorId, body.GetProperty("UserId").GetGuid());
        Assert.AreEqual(served.Emulator.BusinessUnitId, body.GetProperty("BusinessUnitId").GetGuid());
        Assert.AreEqual(served.Emulator.OrganizationId, body.GetProperty("OrganizationId").GetGuid());
        Assert.AreEqual("http://localhost/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse", body.GetProperty("@odata.context").GetString());
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("not-the-token")]
    public async Task AnyRequest_WithoutAKnownToken_401WithWhereToSignIn(string? token)
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        served.Client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

        using var response = await served.Client.GetAsync("WhoAmI");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        StringAssert.StartsWith(response.Headers.NonValidated["WWW-Authenticate"].ToString(), "Bearer authorization_uri=", StringComparison.Ordinal);
        Assert.AreEqual(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task WhoAmI_WithCallerId_ActsAsThatUser()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        var seller = served.Emulator.CreateUser("Anna", "Berg", roles: ["Salesperson"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI");
        request.Headers.Add("MSCRMCallerID", seller.ToString());

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(seller, (await ServedOrganization.BodyAsync(response)).GetProperty("UserId").GetGuid());
    }

    [TestMethod]
    public async Task Create_WithCallerId_RowOwnedByThatUser()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        var seller = served.Emulator.CreateUser("Anna", "Berg", roles: ["Salesperson"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounts") { Content = ServedOrganization.Json("""{"name":"Contoso"}""") };
        request.Headers.Add("MSCRMCallerID", seller.ToString());

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual(seller, served.Emulator.All("account").Single().GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public async Task WhoAmI_CallerIdOfNoUser_404WithThePlatformCode()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI");
        request.Headers.Add("MSCRMCallerID", Guid.NewGuid().ToString());

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("0x80040217", (await ServedOrganization.BodyAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [TestMethod]
    public async Task CallerId_FromAUserWithoutActOnBehalf_403CannotActOnBehalfAndNothingWritten()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        var seller = served.Emulator.CreateUser("Anna", "Berg", roles: ["Salesperson"]);
        var colleague = served.Emulator.CreateUser("Ben", "Kurz", roles: ["Salesperson"]);
        served.Options.Tokens["seller-token"] = seller;
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounts") { Content = ServedOrganization.Json("""{"name":"Contoso"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "seller-token");
        request.Headers.Add("MSCRMCallerID", colleague.ToString());

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual("0x8004a110", (await ServedOrganization.BodyAsync(response)).GetProperty("error").GetProperty("code").GetString());
        Assert.IsEmpty(served.Emulator.All("account"));
    }

    [TestMethod]
    public async Task CallerId_FromAUserWithActOnBehalf_ActsAsTheCaller()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        served.Emulator.Security.AddRole("Delegate").Grant("prvActOnBehalfOfAnotherUser", LeadQualifyExtensions.Emulator.Security.AccessLevel.Organization)
            .Grant("account", LeadQualifyExtensions.Emulator.Security.PrivilegeAction.Create, LeadQualifyExtensions.Emulator.Security.AccessLevel.Organization);
        var integration = served.Emulator.CreateUser("Ian", "Integration", roles: ["Delegate"]);
        var seller = served.Emulator.CreateUser("Anna", "Berg", roles: ["Salesperson"]);
        served.Options.Tokens["integration-token"] = integration;
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounts") { Content = ServedOrganization.Json("""{"name":"Contoso"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "integration-token");
        request.Headers.Add("MSCRMCallerID", seller.ToString());

        using var response = await served.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(seller, served.Emulator.All("account").Single().GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public async Task RetrieveUserPrivilegeByPrivilegeName_AnswersFromTheUsersRoles()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);
        var seller = served.Emulator.CreateUser("Anna", "Berg", roles: ["Salesperson"]);
        var customizer = served.Emulator.CreateUser("Cleo", "Meier", roles: ["System Customizer"]);

        async Task<string[]> DepthsAsync(Guid user, string privilege)
        {
            using var response = await served.Client.GetAsync($"systemusers({user})/Microsoft.Dynamics.CRM.RetrieveUserPrivilegeByPrivilegeName(PrivilegeName='{privilege}')");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
            return [.. (await ServedOrganization.BodyAsync(response)).GetProperty("RolePrivileges").EnumerateArray().Select(p => p.GetProperty("Depth").GetString()!)];
        }

        CollectionAssert.AreEqual(new[] { "Basic" }, await DepthsAsync(seller, "prvCreateLead"));
        CollectionAssert.AreEqual(new[] { "Global" }, await DepthsAsync(seller, "prvReadLead"));
        Assert.IsEmpty(await DepthsAsync(seller, "prvImportSolution"));
        CollectionAssert.AreEqual(new[] { "Global" }, await DepthsAsync(customizer, "prvImportSolution"));
        CollectionAssert.AreEqual(new[] { "Global" }, await DepthsAsync(served.Emulator.AdministratorId, "prvImportSolution"));
    }

    [TestMethod]
    public async Task AnyRequest_FromAnotherMachine_RefusedByDefault()
    {
        await using var served = await ServedOrganization.StartAsync(importSolution: false);

        var context = await served.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/data/v9.2/WhoAmI";
            c.Request.Headers.Authorization = "Bearer " + ServedOrganization.Token;
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        });

        Assert.AreEqual(403, context.Response.StatusCode);
    }
}
