using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Cli.Deploy;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Testing;
using LeadQualifyExtensions.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed class DeployTests
{
    private const string Token = "deploy-test-token";
    private const string BudgetOnly = """{"requiredFields":["budgetamount"]}""";
    private static readonly Uri Environment = new("http://localhost/");

    [TestMethod]
    public async Task Deploy_FreshEnvironment_ImportsWithProgressSetsThePolicyAndStatusIsInPlace()
    {
        await using var served = await Served.StartAsync();

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, BudgetOnly);
        var (statusCode, status) = await StatusAsync(served);

        Assert.AreEqual(DeployExit.Ok, code, output);
        Assert.Contains("fresh install of", output);
        Assert.Contains("Importing: 100%", output);
        Assert.Contains("Policy: set as the current value of lqx_LeadQualificationPolicy", output);
        Assert.AreEqual(ShippedSolution.Result.Steps.Count, served.Emulator.Plugins.Steps.Count);
        Assert.AreEqual(BudgetOnly, served.Emulator.All("environmentvariablevalue").Single().GetAttributeValue<string>("value"));
        Assert.AreEqual(DeployExit.Ok, statusCode, status);
        Assert.Contains("(current value): valid", status);
        Assert.AreEqual(ShippedSolution.Result.Steps.Count, status.Split('\n').Count(l => l.Contains("enabled", StringComparison.Ordinal)), status);
        Assert.Contains("Lead to Opportunity Sales Process: present, activated", status);
    }

    [TestMethod]
    public async Task Deploy_ThenQualifyLeadOverTheWebApi_RefusedWithoutBudgetAndQualifiedOnceItIsSet()
    {
        await using var served = await Served.StartAsync();
        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, BudgetOnly);
        using var http = served.Http();
        using var created = await http.PostAsync("leads", Json("""{"lastname":"Berg","companyname":"Contoso"}"""));
        var leadId = Guid.Parse(created.Headers.GetValues("OData-EntityId").Single().Split('(', ')')[1]);
        const string qualify = """{"CreateAccount":true,"CreateContact":true,"CreateOpportunity":true,"Status":3}""";

        using var refused = await http.PostAsync($"leads({leadId})/Microsoft.Dynamics.CRM.QualifyLead", Json(qualify));
        var refusal = await refused.Content.ReadAsStringAsync();
        using var budget = await http.PatchAsync($"leads({leadId})", Json("""{"budgetamount":5000}"""));
        using var qualified = await http.PostAsync($"leads({leadId})/Microsoft.Dynamics.CRM.QualifyLead", Json(qualify));

        Assert.AreEqual(DeployExit.Ok, code, output);
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(QualificationTexts.English.MissingFields.Split('{')[0], refusal);
        Assert.Contains("Budget", refusal);
        Assert.AreEqual(HttpStatusCode.OK, qualified.StatusCode, await qualified.Content.ReadAsStringAsync());
        Assert.AreEqual(1, served.Emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public async Task Deploy_UrlThatIsNotDataverse_Exit10AndNothingWritten()
    {
        await using var other = await NotDataverseAsync();
        using var client = new DataverseClient(Environment, new StaticTokenSource(Token, "a test token"), other.GetTestServer().CreateHandler(), TimeSpan.FromMilliseconds(1), maxRetries: 1);

        var (code, output) = await RunAsync(client, ShippedSolution.Zip, null);

        Assert.AreEqual(DeployExit.NotDataverse, code, output);
        Assert.Contains("does not answer as a Dataverse environment", output);
    }

    [TestMethod]
    public async Task Deploy_TokenTheEnvironmentRefuses_Exit11ExplainsAndNeverShowsTheToken()
    {
        await using var served = await Served.StartAsync();
        using var client = new DataverseClient(Environment, new StaticTokenSource("secret-wrong-token", "the token in LQX_DATAVERSE_TOKEN"), served.Handler(), TimeSpan.FromMilliseconds(1));

        var (code, output) = await RunAsync(client, ShippedSolution.Zip, null);

        Assert.AreEqual(DeployExit.Unauthorized, code, output);
        Assert.Contains("refused the sign-in (HTTP 401) with the token in LQX_DATAVERSE_TOKEN", output);
        Assert.DoesNotContain("secret-wrong-token", output);
        Served.AssertNothingDeployed(served.Emulator);
    }

    [TestMethod]
    public async Task Deploy_AccountThatMayNotImport_Exit12()
    {
        await using var served = await Served.StartAsync(tokenUser: e => e.CreateUser("Anna", "Berg", roles: ["Salesperson"]));

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, null);

        Assert.AreEqual(DeployExit.Forbidden, code, output);
        Assert.Contains("may not import solutions (it lacks prvImportCustomization)", output);
        Served.AssertNothingDeployed(served.Emulator);
    }

    [TestMethod]
    public async Task Deploy_EnvironmentWithoutSales_Exit13NamingWhatIsMissing()
    {
        await using var served = await Served.StartAsync(arrange: e => InstalledSolutions.Uninstall(e, "msdynce_Sales"));

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, BudgetOnly);

        Assert.AreEqual(DeployExit.DependencyMissing, code, output);
        Assert.Contains("Dynamics 365 Sales is not installed", output);
        Assert.Contains("table 'opportunity' (Opportunity) from msdynce_Sales", output);
        Served.AssertNothingDeployed(served.Emulator);
    }

    [TestMethod]
    public async Task Deploy_EnvironmentWithAnotherQualifyLeadId_Exit14()
    {
        var other = Guid.NewGuid();
        await using var served = await Served.StartAsync(arrange: e => e.UseSdkMessageId("QualifyLead", other));

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, null);

        Assert.AreEqual(DeployExit.MessageIdMismatch, code, output);
        Assert.Contains($"'QualifyLead' message has id {other}", output);
        Served.AssertNothingDeployed(served.Emulator);
    }

    [TestMethod]
    public async Task Deploy_CorruptZip_Exit15BeforeAnyRequest()
    {
        await using var served = await Served.StartAsync();

        var (code, output) = await DeployAsync(served, Encoding.UTF8.GetBytes("not a zip"), null);

        Assert.AreEqual(DeployExit.CorruptZip, code, output);
        Assert.Contains("is not a solution zip that can be imported", output);
        Assert.AreEqual(0, served.Requests);
    }

    [TestMethod]
    public async Task Deploy_InvalidPolicy_Exit16WithThePlugInsProblemTextBeforeAnyRequest()
    {
        await using var served = await Served.StartAsync();

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, """{"requiredFields":["nosuchcolumn"]}""");

        Assert.AreEqual(DeployExit.InvalidPolicy, code, output);
        Assert.Contains("The policy is not valid, nothing was deployed", output);
        Assert.Contains("nosuchcolumn", output);
        Assert.AreEqual(0, served.Requests);
    }

    [TestMethod]
    public async Task Deploy_Throttled_RetriesAfterRetryAfterAndDeploys()
    {
        await using var served = await Served.StartAsync(throttleFirst: 1);

        var (code, output) = await DeployAsync(served, ShippedSolution.Zip, null);

        Assert.AreEqual(DeployExit.Ok, code, output);
        Assert.Contains("1 request(s) retried", output);
    }

    [TestMethod]
    public void Select_WithLqxDataverseToken_UsesItAsIs()
    {
        var source = AzureIdentityTokenSource.Select(name => name == "LQX_DATAVERSE_TOKEN" ? "given" : null, null, null, _ => { });

        Assert.AreEqual("the token in LQX_DATAVERSE_TOKEN", source.Description);
        Assert.AreEqual("given", source.GetTokenAsync(Environment, CancellationToken.None).Result);
    }

    [TestMethod]
    public void Select_WithoutLqxDataverseToken_AzureSignIn()
    {
        var source = AzureIdentityTokenSource.Select(_ => null, null, null, _ => { });

        Assert.IsInstanceOfType<AzureIdentityTokenSource>(source);
    }

    private static Task<(int Code, string Output)> DeployAsync(Served served, byte[] zip, string? policy)
    {
        var client = new DataverseClient(Environment, new StaticTokenSource(Token, "a test token"), served.Handler(), TimeSpan.FromMilliseconds(1));
        return RunAsync(client, zip, policy, dispose: true);
    }

    private static async Task<(int Code, string Output)> RunAsync(DataverseClient client, byte[] zip, string? policy, bool dispose = false)
    {
        using var writer = new StringWriter();
        var console = Console(writer);
        var code = await new Deployment(client, console).RunAsync(
            new DeployRequest(zip, "LeadQualifyExtensions.zip", policy, TestPaths.Messages, TimeSpan.FromMilliseconds(5)), CancellationToken.None);
        if (dispose)
        {
            client.Dispose();
        }

        return (code, writer.ToString());
    }

    private static async Task<(int Code, string Output)> StatusAsync(Served served)
    {
        using var writer = new StringWriter();
        using var client = new DataverseClient(Environment, new StaticTokenSource(Token, "a test token"), served.Server.CreateHandler(), TimeSpan.FromMilliseconds(1));
        var code = await new StatusReport(client, Console(writer)).RunAsync(ShippedSolution.Zip, TestPaths.Messages, CancellationToken.None);
        return (code, writer.ToString());
    }

    private static IAnsiConsole Console(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        return console;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<WebApplication> NotDataverseAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("<html>Not here</html>");
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>An emulator without our solution, served over a TestServer; counts requests and can throttle the first ones.</summary>
    private sealed class Served : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;
        private int _throttleFirst;

        private Served(XrmEmulator emulator, WebApplication app)
        {
            Emulator = emulator;
            _app = app;
            Server = app.GetTestServer();
        }

        public XrmEmulator Emulator { get; }

        public TestServer Server { get; }

        public int Requests => _requests;

        public static async Task<Served> StartAsync(Action<XrmEmulator>? arrange = null, Func<XrmEmulator, Guid>? tokenUser = null, int throttleFirst = 0)
        {
            var emulator = new XrmEmulator();
            arrange?.Invoke(emulator);
            var options = new WebApiOptions();
            options.Tokens[Token] = tokenUser?.Invoke(emulator) ?? emulator.AdministratorId;
            var app = DataverseWebApi.Build(emulator, options, builder => builder.WebHost.UseTestServer());
            await app.StartAsync();
            return new Served(emulator, app) { _throttleFirst = throttleFirst };
        }

        /// <summary>The transport deploy uses: the test server, behind a gate that counts requests and answers the first ones 429.</summary>
        public HttpMessageHandler Handler() => new Gate(this) { InnerHandler = Server.CreateHandler() };

        public HttpClient Http()
        {
            var client = Server.CreateClient();
            client.BaseAddress = new Uri("http://localhost/api/data/v9.2/");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return client;
        }

        public static void AssertNothingDeployed(XrmEmulator emulator)
        {
            Assert.IsNull(InstalledSolutions.Find(emulator, "LeadQualifyExtensions"));
            Assert.IsEmpty(emulator.Plugins.Steps);
            Assert.IsEmpty(emulator.All("environmentvariablevalue"));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private sealed class Gate(Served served) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref served._requests) <= served._throttleFirst)
                {
                    var throttled = new HttpResponseMessage((HttpStatusCode)429);
                    throttled.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                    return throttled;
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
