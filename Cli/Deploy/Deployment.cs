using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Plugins.Policy;
using Spectre.Console;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>What to deploy where.</summary>
/// <param name="Zip">The solution zip's bytes.</param>
/// <param name="ZipName">Its name, for messages.</param>
/// <param name="PolicyJson">The policy to set as the environment variable's current value, or null to leave it.</param>
/// <param name="Messages">The committed SDK message table (the names of the zip's message ids).</param>
/// <param name="PollInterval">How often the import job is asked for its progress.</param>
public sealed record DeployRequest(byte[] Zip, string ZipName, string? PolicyJson, MessageTable Messages, TimeSpan PollInterval);

/// <summary>
/// lqx deploy's work: checks that need no network (the zip, the policy), then preflight against the environment
/// (it answers as Dataverse, the caller may import, the solutions we need are installed, every message id matches,
/// which version is installed), then ImportSolutionAsync with progress, then the policy. A failed check stops before
/// anything is written; each has its own exit code (<see cref="DeployExit"/>).
/// </summary>
public sealed class Deployment
{
    /// <summary>Schema name of the policy environment variable.</summary>
    public const string PolicyVariable = "lqx_LeadQualificationPolicy";

    private const string ImportPrivilege = "prvImportCustomization";

    private readonly DataverseClient _client;
    private readonly IAnsiConsole _console;

    /// <summary>Creates the deployment over <paramref name="client"/>, reporting to <paramref name="console"/>.</summary>
    public Deployment(DataverseClient client, IAnsiConsole console)
    {
        _client = client;
        _console = console;
    }

    /// <summary>Runs the deployment; returns the exit code (0 deployed).</summary>
    public async Task<int> RunAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var solution = ReadZip(request);
            CheckPolicy(request.PolicyJson);
            var userId = await WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            await CheckImportPrivilegeAsync(userId, cancellationToken).ConfigureAwait(false);
            await CheckDependenciesAsync(solution, cancellationToken).ConfigureAwait(false);
            await CheckMessageIdsAsync(solution, request.Messages, cancellationToken).ConfigureAwait(false);
            await ReportInstalledVersionAsync(solution, cancellationToken).ConfigureAwait(false);
            await ImportAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.PolicyJson is not null)
            {
                await SetPolicyAsync(request.PolicyJson, cancellationToken).ConfigureAwait(false);
            }

            _console.MarkupLineInterpolated($"[green]Deployed[/] {request.ZipName} to {_client.Environment}{(_client.Retries > 0 ? $" ({_client.Retries} request(s) retried after throttling or a transient error)" : string.Empty)}.");
            return DeployExit.Ok;
        }
        catch (DeployException exception)
        {
            _console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            return exception.ExitCode;
        }
    }

    private static PackedSolution ReadZip(DeployRequest request)
    {
        try
        {
            var solution = PackedSolution.Read(request.Zip);
            _ = solution.Manifest.Element("SolutionManifest")?.Element("UniqueName")?.Value ?? throw new InvalidDataException("solution.xml has no UniqueName.");
            _ = solution.Steps;
            return solution;
        }
        catch (Exception exception) when (exception is InvalidDataException or PackagingException or System.Xml.XmlException or IOException)
        {
            throw new DeployException(DeployExit.CorruptZip, $"{request.ZipName} is not a solution zip that can be imported: {exception.Message}", exception);
        }
    }

    // The same parser and rules the plug-ins apply when they read the variable: one implementation, not two.
    private void CheckPolicy(string? json)
    {
        if (json is null)
        {
            return;
        }

        var result = QualificationPolicy.Parse(json);
        if (result.Problem is not null)
        {
            throw new DeployException(DeployExit.InvalidPolicy, $"The policy is not valid, nothing was deployed: {result.Problem.Render(1033)}");
        }

        _console.MarkupLine("Policy: valid.");
    }

    private async Task<Guid> WhoAmIAsync(CancellationToken cancellationToken)
    {
        JsonElement answer;
        try
        {
            answer = await _client.GetAsync("WhoAmI", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DataverseException or HttpRequestException or TaskCanceledException)
        {
            throw new DeployException(DeployExit.NotDataverse, $"{_client.Environment} does not answer as a Dataverse environment (WhoAmI: {exception.Message}). Check the URL: https://<org>.crm.dynamics.com.", exception);
        }

        if (!answer.TryGetProperty("UserId", out var user) || !user.TryGetGuid(out var userId))
        {
            throw new DeployException(DeployExit.NotDataverse, $"{_client.Environment} answered WhoAmI without a UserId: it is not a Dataverse environment.");
        }

        _console.MarkupLineInterpolated($"Environment: {_client.Environment} answers as Dataverse; signed in as user {userId}.");
        return userId;
    }

    private async Task CheckImportPrivilegeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var answer = await _client.GetAsync($"systemusers({userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivilegeByPrivilegeName(PrivilegeName='{ImportPrivilege}')", cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetProperty("RolePrivileges", out var privileges) || privileges.GetArrayLength() == 0)
        {
            throw new DeployException(DeployExit.Forbidden, $"The signed-in account may not import solutions (it lacks {ImportPrivilege}). Give it the System Customizer or System Administrator role in the environment.");
        }
    }

    private async Task CheckDependenciesAsync(PackedSolution solution, CancellationToken cancellationToken)
    {
        var required = solution.MissingDependencies.Select(d => d.Required).Distinct().ToList();
        var names = required.Select(r => MissingDependency.SolutionUniqueName(r.Solution ?? string.Empty)).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return;
        }

        var filter = string.Join(" or ", names.Select(n => $"uniquename eq '{n.Replace("'", "''", StringComparison.Ordinal)}'"));
        var answer = await _client.GetAsync($"solutions?$select=uniquename,version&$filter={Uri.EscapeDataString(filter)}", cancellationToken).ConfigureAwait(false);
        var installed = answer.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("uniquename").GetString() ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = required.Where(r => !installed.Contains(MissingDependency.SolutionUniqueName(r.Solution ?? string.Empty))).ToList();
        if (missing.Count > 0)
        {
            throw new DeployException(
                DeployExit.DependencyMissing,
                "Dynamics 365 Sales is not installed in this environment; the solution needs "
                + string.Join(", ", missing.Select(m => $"{MissingDependency.Describe(m.Type, m.SchemaName, m.Id, m.DisplayName)} from {m.Solution}"))
                + ". Install Dynamics 365 Sales first (Power Platform admin center > the environment > Dynamics 365 apps).");
        }

        _console.MarkupLineInterpolated($"Dependencies: {string.Join(", ", names)} installed.");
    }

    private async Task CheckMessageIdsAsync(PackedSolution solution, MessageTable messages, CancellationToken cancellationToken)
    {
        var resolver = new ClientMessageResolver(_client);
        foreach (var messageId in solution.Steps.Select(s => s.MessageId).Distinct())
        {
            var name = messages.NameOf(messageId)
                ?? throw new DeployException(DeployExit.MessageIdMismatch, $"The zip names message id {messageId}, which Solution/sdkmessages.json does not list; it cannot be checked against the environment.");
            var actual = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            if (actual != messageId)
            {
                throw new DeployException(
                    DeployExit.MessageIdMismatch,
                    actual is null
                        ? $"The environment has no message named '{name}' (the zip's steps use id {messageId})."
                        : $"The environment's '{name}' message has id {actual}, but the zip's steps use {messageId}: importing would fail or register the steps on another message.");
            }
        }

        _console.MarkupLine("Message ids: every step's message id matches the environment.");
    }

    private async Task ReportInstalledVersionAsync(PackedSolution solution, CancellationToken cancellationToken)
    {
        var manifest = solution.Manifest.Element("SolutionManifest")!;
        var uniqueName = manifest.Element("UniqueName")!.Value;
        var version = manifest.Element("Version")?.Value ?? "?";
        var answer = await _client.GetAsync($"solutions?$select=version&$filter={Uri.EscapeDataString($"uniquename eq '{uniqueName}'")}", cancellationToken).ConfigureAwait(false);
        var installed = answer.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("version").GetString()).FirstOrDefault();
        var text = installed is null
            ? $"fresh install of {version}"
            : installed == version ? $"{version} is installed: importing the same version again" : $"upgrade from {installed} to {version}";
        _console.MarkupLineInterpolated($"Solution {uniqueName}: {text}.");
    }

    private async Task ImportAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var importJobId = Guid.NewGuid();
        var started = await _client.PostAsync("ImportSolutionAsync", new Dictionary<string, object>
        {
            ["CustomizationFile"] = Convert.ToBase64String(request.Zip),
            ["OverwriteUnmanagedCustomizations"] = true,
            ["PublishWorkflows"] = true,
            ["ImportJobId"] = importJobId,
        }, cancellationToken).ConfigureAwait(false);
        var operationId = started.GetProperty("AsyncOperationId").GetGuid();
        var (succeeded, message) = _console.Profile.Capabilities.Interactive
            ? await _console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {request.ZipName}", maxValue: 100);
                return await PollAsync(operationId, importJobId, request.PollInterval, p => task.Value = p, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false)
            : await PollAsync(operationId, importJobId, request.PollInterval, p => _console.WriteLine($"Importing: {p:0}%"), cancellationToken).ConfigureAwait(false);
        if (!succeeded)
        {
            var reason = await ImportFailureAsync(importJobId, cancellationToken).ConfigureAwait(false) ?? message;
            throw new DeployException(DeployExit.ImportFailed, $"The import failed: {reason}");
        }
    }

    // asyncoperation statecode 3 = Completed; statuscode 30 Succeeded, 31 Failed, 32 Canceled.
    private async Task<(bool Succeeded, string Message)> PollAsync(Guid operationId, Guid importJobId, TimeSpan interval, Action<double> progress, CancellationToken cancellationToken)
    {
        var last = -1d;
        while (true)
        {
            var job = await _client.GetAsync($"asyncoperations({operationId})?$select=statecode,statuscode,message", cancellationToken).ConfigureAwait(false);
            var percent = await ImportProgressAsync(importJobId, cancellationToken).ConfigureAwait(false);
            if (percent != last)
            {
                progress(percent);
                last = percent;
            }

            if (job.GetProperty("statecode").GetInt32() == 3)
            {
                var status = job.GetProperty("statuscode").GetInt32();
                return (status == 30, job.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty);
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<double> ImportProgressAsync(Guid importJobId, CancellationToken cancellationToken)
    {
        try
        {
            var job = await _client.GetAsync($"importjobs({importJobId})?$select=progress", cancellationToken).ConfigureAwait(false);
            return job.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Number ? progress.GetDouble() : 0;
        }
        catch (DataverseException exception) when (exception.Status == System.Net.HttpStatusCode.NotFound)
        {
            return 0; // the platform creates the import job a moment after the async operation
        }
    }

    // The import job's log names the platform's reason: <result result="failure" errortext="…" />.
    private async Task<string?> ImportFailureAsync(Guid importJobId, CancellationToken cancellationToken)
    {
        var job = await _client.GetAsync($"importjobs({importJobId})?$select=data", cancellationToken).ConfigureAwait(false);
        if (!job.TryGetProperty("data", out var data) || data.GetString() is not { Length: > 0 } xml)
        {
            return null;
        }

        return XDocument.Parse(xml).Descendants("result")
            .Select(r => (string?)r.Attribute("errortext"))
            .FirstOrDefault(t => !string.IsNullOrEmpty(t));
    }

    private async Task SetPolicyAsync(string json, CancellationToken cancellationToken)
    {
        var definitions = await _client.GetAsync($"environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter={Uri.EscapeDataString($"schemaname eq '{PolicyVariable}'")}", cancellationToken).ConfigureAwait(false);
        var definitionId = definitions.GetProperty("value").EnumerateArray().Select(d => d.GetProperty("environmentvariabledefinitionid").GetGuid()).FirstOrDefault();
        if (definitionId == Guid.Empty)
        {
            throw new DeployException(DeployExit.ImportFailed, $"The import finished, but the environment has no variable {PolicyVariable}; the policy was not set.");
        }

        var values = await _client.GetAsync($"environmentvariablevalues?$select=environmentvariablevalueid&$filter={Uri.EscapeDataString($"_environmentvariabledefinitionid_value eq {definitionId}")}", cancellationToken).ConfigureAwait(false);
        var valueId = values.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("environmentvariablevalueid").GetGuid()).FirstOrDefault();
        if (valueId == Guid.Empty)
        {
            await _client.PostAsync("environmentvariablevalues", new Dictionary<string, object>
            {
                ["schemaname"] = PolicyVariable,
                ["value"] = json,
                ["EnvironmentVariableDefinitionId@odata.bind"] = $"/environmentvariabledefinitions({definitionId})",
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _client.PatchAsync($"environmentvariablevalues({valueId})", new Dictionary<string, object> { ["value"] = json }, cancellationToken).ConfigureAwait(false);
        }

        _console.MarkupLineInterpolated($"Policy: set as the current value of {PolicyVariable}.");
    }

    private sealed class ClientMessageResolver(DataverseClient client) : ISdkMessageResolver
    {
        public async Task<Guid?> ResolveAsync(string messageName, CancellationToken cancellationToken = default)
        {
            var filter = Uri.EscapeDataString($"name eq '{messageName.Replace("'", "''", StringComparison.Ordinal)}'");
            var answer = await client.GetAsync($"sdkmessages?$select=sdkmessageid&$filter={filter}", cancellationToken).ConfigureAwait(false);
            return answer.GetProperty("value").EnumerateArray().Select(m => (Guid?)m.GetProperty("sdkmessageid").GetGuid()).FirstOrDefault();
        }
    }
}
