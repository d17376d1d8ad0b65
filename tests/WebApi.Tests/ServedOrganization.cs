using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace LeadQualifyExtensions.WebApi.Tests;

/// <summary>A fresh emulator with the shipped solution imported, served in-process over HTTP (TestServer).</summary>
internal sealed class ServedOrganization : IAsyncDisposable
{
    public const string Token = "test-token";

    private readonly WebApplication _app;

    private ServedOrganization(XrmEmulator emulator, WebApiOptions options, WebApplication app)
    {
        Emulator = emulator;
        Options = options;
        _app = app;
        Server = app.GetTestServer();
        Client = Server.CreateClient();
        Client.BaseAddress = new Uri("http://localhost/api/data/v9.2/");
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public XrmEmulator Emulator { get; }

    /// <summary>The server's options: tests add tokens for other users.</summary>
    public WebApiOptions Options { get; }

    public TestServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<ServedOrganization> StartAsync(bool importSolution = true)
    {
        var emulator = importSolution ? ShippedSolution.Organization() : new XrmEmulator();

        var options = new WebApiOptions();
        options.Tokens[Token] = emulator.AdministratorId;
        var app = DataverseWebApi.Build(emulator, options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new ServedOrganization(emulator, options, app);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
