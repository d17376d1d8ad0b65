using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Cli.Deploy;
using LeadQualifyExtensions.Cli.Scenarios;
using LeadQualifyExtensions.Packaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>lqx run FILE...: the scenario runner.</summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public RunCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of run.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>Scenario files or folders of them.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario files, or folders whose *.json files are scenarios.")]
        public string[] Files { get; init; } = [];

        /// <summary>An environment whose environment variable values scenarios start from.</summary>
        [CommandOption("--environment <URL>")]
        [Description("Start every scenario from this environment's environment variable current values (the policy an administrator saved there, e.g. with the configuration page of lqx serve at http://127.0.0.1:5555); a scenario's own settings still win. Signs in as lqx deploy does (LQX_DATAVERSE_TOKEN=lqx-local-token for lqx serve).")]
        public string? Environment { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Environment is null || (Uri.TryCreate(Environment, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                ? ValidationResult.Success()
                : ValidationResult.Error($"--environment <URL> must be an http(s) address, e.g. http://127.0.0.1:5555 or https://contoso.crm.dynamics.com (got '{Environment}').");
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Plain lines, never wrapped: one line per failing step is the contract.
        var writer = _console.Profile.Out.Writer;
        var solution = settings.SolutionSource();
        IReadOnlyDictionary<string, string> environmentValues = new Dictionary<string, string>();
        if (settings.Environment is { } environment)
        {
            try
            {
                environmentValues = await ReadEnvironmentAsync(new Uri(environment), solution, writer, cancellationToken).ConfigureAwait(false);
            }
            catch (DeployException exception)
            {
                writer.WriteLine($"error: {exception.Message}");
                writer.Flush();
                return exception.ExitCode;
            }
        }

        var code = new ScenarioRunner(solution, environmentValues).Run(settings.Files, writer);
        writer.Flush();
        return code;
    }

    // The current values the environment holds for the solution's environment variables; one line says which apply.
    private static async Task<IReadOnlyDictionary<string, string>> ReadEnvironmentAsync(Uri environment, SolutionSource solution, TextWriter writer, CancellationToken cancellationToken)
    {
        var names = PackedSolution.Read(solution.Zip()).EnvironmentVariables.Select(v => v.SchemaName).ToList();
        using var client = new DataverseClient(
            environment,
            AzureIdentityTokenSource.Select(System.Environment.GetEnvironmentVariable, null, null, writer.WriteLine),
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            TimeSpan.FromSeconds(2),
            maxRetries: 2);
        var values = await EnvironmentVariableReader.CurrentValuesAsync(client, names, cancellationToken).ConfigureAwait(false);
        writer.WriteLine(values.Count == 0
            ? $"environment {environment}: no current values set; the solution's default values apply"
            : $"environment {environment}: current values of {string.Join(", ", values.Keys)} apply where a scenario sets none");
        return values;
    }
}
