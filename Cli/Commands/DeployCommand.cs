using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Cli.Deploy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>Options lqx deploy and lqx status share: where, and how to sign in.</summary>
public class EnvironmentSettings : CommonSettings
{
    /// <summary>The environment's URL.</summary>
    [CommandOption("--environment <URL>")]
    [Description("The environment, e.g. https://contoso.crm.dynamics.com (lqx serve's URL works too).")]
    public string? Environment { get; init; }

    /// <summary>Deploy the managed zip.</summary>
    [CommandOption("--managed")]
    [Description("Use the managed zip (test and production environments); default: unmanaged.")]
    public bool Managed { get; init; }

    /// <summary>App registration for device-code sign-in.</summary>
    [CommandOption("--client-id <ID>")]
    [Description("Application (client) id for device-code sign-in (default: Microsoft's public Dataverse sample client).")]
    public string? ClientId { get; init; }

    /// <summary>Tenant for device-code sign-in.</summary>
    [CommandOption("--tenant-id <ID>")]
    [Description("Directory (tenant) id for device-code sign-in (default: organizations).")]
    public string? TenantId { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Uri.TryCreate(Environment, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? ValidationResult.Success()
            : ValidationResult.Error("--environment <URL> is required: the environment's address, e.g. https://contoso.crm.dynamics.com.");

    /// <summary>The zip to deploy: --solution, else packed from the repository's built assemblies.</summary>
    public (byte[] Bytes, string Name) Zip()
    {
        if (Solution is not null)
        {
            return File.Exists(Solution) ? (File.ReadAllBytes(Solution), Path.GetFileName(Solution)) : throw new DeployException(DeployExit.CorruptZip, $"The solution zip '{Solution}' does not exist.");
        }

        var result = RepoContext.Find(null).Pack();
        return Managed ? (result.Managed, result.ManagedFileName) : (result.Unmanaged, result.UnmanagedFileName);
    }

    /// <summary>The client for the environment, signing in as the environment variables or Azure tools allow.</summary>
    public DataverseClient Client(IAnsiConsole console) =>
        new(
            new Uri(Environment!),
            AzureIdentityTokenSource.Select(System.Environment.GetEnvironmentVariable, ClientId, TenantId, message => console.WriteLine(message)),
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            TimeSpan.FromSeconds(2));
}

/// <summary>lqx deploy: preflight, import with progress, policy; each preflight failure has its own exit code.</summary>
public sealed class DeployCommand : AsyncCommand<DeployCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public DeployCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of deploy.</summary>
    public sealed class Settings : EnvironmentSettings
    {
        /// <summary>Policy file.</summary>
        [CommandOption("--policy <FILE>")]
        [Description("A policy JSON file: checked by the plug-ins' own rules, then set as lqx_LeadQualificationPolicy's current value.")]
        public string? Policy { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        byte[] zip;
        string name;
        string? policy;
        try
        {
            (zip, name) = settings.Zip();
            policy = settings.Policy is null ? null : File.Exists(settings.Policy) ? await File.ReadAllTextAsync(settings.Policy, cancellationToken).ConfigureAwait(false) : throw new DeployException(DeployExit.InvalidPolicy, $"The policy file '{settings.Policy}' does not exist.");
        }
        catch (DeployException exception)
        {
            _console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            return exception.ExitCode;
        }

        using var client = settings.Client(_console);
        var messages = RepoContext.Find(null).LoadMessages();
        return await new Deployment(client, _console).RunAsync(new DeployRequest(zip, name, policy, messages, TimeSpan.FromSeconds(2)), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>lqx status: what is installed and whether it is in working order.</summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public StatusCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of status.</summary>
    public sealed class Settings : EnvironmentSettings;

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var client = settings.Client(_console);
        return await new StatusReport(client, _console).RunAsync(settings.Zip().Bytes, RepoContext.Find(null).LoadMessages(), cancellationToken).ConfigureAwait(false);
    }
}
