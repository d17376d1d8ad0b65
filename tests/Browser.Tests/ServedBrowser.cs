using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Testing;
using LeadQualifyExtensions.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadQualifyExtensions.Browser.Tests;

/// <summary>
/// A fresh organization with the shipped solution, served as lqx serve serves it (DataverseWebApi on a loopback
/// port), and a Chromium page signed in to it. The browser is Debian's Chromium, started once per test run.
/// </summary>
internal sealed class ServedBrowser : IAsyncDisposable
{
    /// <summary>Debian's Chromium; .ci/run installs it when missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string AdminToken = "browser-test-admin";
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    private readonly WebApplication _app;
    private readonly WebApiOptions _options;
    private IBrowserContext? _context;

    private ServedBrowser(XrmEmulator emulator, WebApiOptions options, WebApplication app, string origin)
    {
        Emulator = emulator;
        _options = options;
        _app = app;
        Origin = origin;
        Api = new HttpClient { BaseAddress = new Uri(origin + "/api/data/v9.2/") };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public XrmEmulator Emulator { get; }

    /// <summary>http://127.0.0.1:port.</summary>
    public string Origin { get; }

    /// <summary>The Web API as the administrator, for arranging and checking what the page did.</summary>
    public HttpClient Api { get; }

    /// <summary>The packed solution's customizations.xml (the ribbon diff the lead form host reads its rule from).</summary>
    public static System.Xml.Linq.XElement Customizations { get; } = ReadCustomizations();

    public static async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies), as a newcomer's browser window.</summary>
    public static Task<IBrowserContext> NewContextAsync() =>
        _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1100 } });

    public static async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    public static async Task<ServedBrowser> StartAsync(string? policyValue = null)
    {
        var emulator = ShippedSolution.Organization(policyValue);
        var options = new WebApiOptions();
        options.Tokens[AdminToken] = emulator.AdministratorId;
        var app = await DataverseWebApi.StartAsync(emulator, options, 0);
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new ServedBrowser(emulator, options, app, origin);
    }

    /// <summary>
    /// Opens <paramref name="path"/> (a web resource, or /lqx-test/… for the test host) in a new page signed in as
    /// <paramref name="user"/> (default: the administrator) through ?lqxtoken=.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, Guid? user = null)
    {
        var token = AdminToken;
        if (user is { } id)
        {
            token = "browser-test-" + id.ToString("N");
            _options.Tokens[token] = id;
        }

        _context ??= await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1100 } });
        var page = await _context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.RouteAsync(Origin + "/lqx-test/**", async route =>
        {
            var file = Path.Combine(AppContext.BaseDirectory, "Host", new Uri(route.Request.Url).AbsolutePath["/lqx-test/".Length..]);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/html",
                BodyBytes = await File.ReadAllBytesAsync(file),
            });
        });

        // Sign in first (the cookie), then open the page itself.
        await page.GotoAsync($"{Origin}/WebResources/ClientGlobalContext.js.aspx?lqxtoken={token}");
        await page.GotoAsync(Origin + path);
        return page;
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> into the test output and artifacts/screenshots.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = output, FullPage = true });
        var artifacts = Path.Combine(BuiltSolution.RepoRoot(typeof(ServedBrowser).Assembly), "artifacts", "screenshots");
        Directory.CreateDirectory(artifacts);
        File.Copy(output, Path.Combine(artifacts, name + ".png"), overwrite: true);
        return output;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        Api.Dispose();
        await _app.DisposeAsync();
    }

    private static System.Xml.Linq.XElement ReadCustomizations()
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(ShippedSolution.Zip));
        using var stream = zip.GetEntry("customizations.xml")!.Open();
        return System.Xml.Linq.XDocument.Load(stream).Root!;
    }
}
