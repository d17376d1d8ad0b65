using System;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// Serves an emulator as a Dataverse Web API v9.2 (<c>/api/data/v9.2/</c>): entity sets from its metadata, queries,
/// create/update/delete, WhoAmI, bearer tokens mapped to users. Every request goes through the emulator's organization
/// service, so plug-in steps run exactly as they do for SDK callers.
/// </summary>
public static class DataverseWebApi
{
    /// <summary>The path every request starts with.</summary>
    public const string BasePath = "/api/data/v9.2";

    /// <summary>
    /// Builds the web application; <paramref name="configure"/> may change the builder (URLs, a test server) before it
    /// is built.
    /// </summary>
    public static WebApplication Build(XrmEmulator emulator, WebApiOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DataverseWebApi).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        var handler = new RequestHandler(emulator, options);
        app.Run(context => handler.HandleAsync(context));
        return app;
    }

    /// <summary>Builds and starts the server on <c>http://127.0.0.1:port</c> (loopback unless options allow remote callers).</summary>
    public static async Task<WebApplication> StartAsync(XrmEmulator emulator, WebApiOptions options, int port)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.AllowRemote ? "0.0.0.0" : "127.0.0.1";
        var app = Build(emulator, options, builder => builder.WebHost.UseUrls($"http://{host}:{port}"));
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }
}
