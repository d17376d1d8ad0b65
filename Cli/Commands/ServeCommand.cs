using System;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.WebApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx serve: the emulator, with the solution imported, as a Dataverse Web API v9.2 on a loopback port.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public ServeCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of serve.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>Port on 127.0.0.1.</summary>
        [CommandOption("--port <N>")]
        [Description("Port to listen on (default 5555; 0 picks a free one).")]
        public int Port { get; init; } = 5555;

        /// <summary>The bearer token callers send.</summary>
        [CommandOption("--token <TOKEN>")]
        [Description("Bearer token callers must send; it acts as the administrator (default lqx-local-token).")]
        public string? Token { get; init; }

        /// <summary>Serve an organization without our solution (a target for lqx deploy).</summary>
        [CommandOption("--no-solution")]
        [Description("Serve an organization without the solution imported: a target for lqx deploy.")]
        public bool NoSolution { get; init; }

        /// <summary>Answer other machines too.</summary>
        [CommandOption("--allow-remote")]
        [Description("Listen on every interface and answer other machines (default: this machine only).")]
        public bool AllowRemote { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var emulator = new XrmEmulator();
        var source = settings.NoSolution ? null : settings.SolutionSource();
        source?.ImportInto(emulator);
        var options = new WebApiOptions { AllowRemote = settings.AllowRemote };
        options.Tokens[settings.Token ?? WebApiOptions.DefaultToken] = emulator.AdministratorId;
        await using var app = await DataverseWebApi.StartAsync(emulator, options, settings.Port).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://127.0.0.1:{settings.Port}";
        // The default token is a local convenience and may be shown; a token the caller chose is never echoed.
        var token = settings.Token is null ? WebApiOptions.DefaultToken : "(as given with --token)";
        // Plain lines, never wrapped (a long zip path must not break the address apart): scripts and tests read them.
        var writer = _console.Profile.Out.Writer;
        writer.WriteLine($"Serving the emulator with {source?.Description ?? "no solution imported"} as Dataverse Web API v9.2 at {address}{DataverseWebApi.BasePath}/");
        writer.WriteLine($"Authorization: Bearer {token}    (Ctrl+C stops)");
        if (source is not null)
        {
            // The solution's configuration page; ?lqxtoken= signs the browser in (a chosen token is never echoed).
            var signIn = settings.Token is null ? $"?lqxtoken={WebApiOptions.DefaultToken}" : "?lqxtoken=<your token>";
            writer.WriteLine($"Policy configuration page: {address}/WebResources/lqx_PolicyConfiguration.html{signIn}");
            writer.WriteLine($"lqx run --environment {address} follows the policy saved there (sign in with LQX_DATAVERSE_TOKEN={(settings.Token is null ? WebApiOptions.DefaultToken : "<your token>")}).");
        }

        writer.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop serving.
        }

        return 0;
    }
}
