using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Plugins.Policy;
using Spectre.Console;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>
/// lqx status's work: the installed version, each step the zip registers (present, enabled, stage, message), the policy
/// value (valid, or the exact problem the plug-ins would report) and the Lead to Opportunity process.
/// </summary>
public sealed class StatusReport
{
    /// <summary>The Lead to Opportunity Sales Process (workflow id, the same in every organization with Sales).</summary>
    public static readonly Guid LeadToOpportunityProcess = new("919e14d1-6489-4852-abd0-a63a6ecaac5d");

    private readonly DataverseClient _client;
    private readonly IAnsiConsole _console;

    /// <summary>Creates the report over <paramref name="client"/>.</summary>
    public StatusReport(DataverseClient client, IAnsiConsole console)
    {
        _client = client;
        _console = console;
    }

    /// <summary>Writes the report; 0 when everything is in place, 1 otherwise (11/12 when the sign-in is refused).</summary>
    public async Task<int> RunAsync(byte[] zip, MessageTable messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        try
        {
            var solution = PackedSolution.Read(zip);
            var uniqueName = solution.Manifest.Element("SolutionManifest")!.Element("UniqueName")!.Value;
            var ok = await InstalledAsync(uniqueName, cancellationToken).ConfigureAwait(false);
            ok &= await StepsAsync(solution.Steps, messages, cancellationToken).ConfigureAwait(false);
            ok &= await PolicyAsync(cancellationToken).ConfigureAwait(false);
            ok &= await ProcessAsync(cancellationToken).ConfigureAwait(false);
            _console.MarkupLine(ok ? "[green]Everything is in place.[/]" : "[red]Something is not in place (see above).[/]");
            return ok ? DeployExit.Ok : DeployExit.Failed;
        }
        catch (DeployException exception)
        {
            _console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            return exception.ExitCode;
        }
    }

    private async Task<bool> InstalledAsync(string uniqueName, CancellationToken cancellationToken)
    {
        var answer = await _client.GetAsync($"solutions?$select=version,ismanaged&$filter={Uri.EscapeDataString($"uniquename eq '{uniqueName}'")}", cancellationToken).ConfigureAwait(false);
        var row = answer.GetProperty("value").EnumerateArray().FirstOrDefault();
        if (row.ValueKind != JsonValueKind.Object)
        {
            _console.MarkupLineInterpolated($"Solution {uniqueName}: [red]not installed[/]");
            return false;
        }

        var managed = row.TryGetProperty("ismanaged", out var flag) && flag.ValueKind == JsonValueKind.True;
        _console.MarkupLineInterpolated($"Solution {uniqueName}: version {row.GetProperty("version").GetString()} ({(managed ? "managed" : "unmanaged")})");
        return true;
    }

    private async Task<bool> StepsAsync(IReadOnlyList<PackedStep> steps, MessageTable messages, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("Step").AddColumn("Message").AddColumn("Stage").AddColumn("Mode").AddColumn("State");
        var ok = true;
        foreach (var step in steps)
        {
            string state;
            try
            {
                var row = await _client.GetAsync($"sdkmessageprocessingsteps({step.Id})?$select=statecode,stage,mode,_sdkmessageid_value", cancellationToken).ConfigureAwait(false);
                var enabled = row.GetProperty("statecode").GetInt32() == 0;
                state = enabled ? "enabled" : "disabled";
                ok &= enabled;
            }
            catch (DataverseException exception) when (exception.Status == System.Net.HttpStatusCode.NotFound)
            {
                state = "missing";
                ok = false;
            }

            table.AddRow(
                Markup.Escape(step.Name),
                Markup.Escape(messages.NameOf(step.MessageId) ?? step.MessageId.ToString()),
                step.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture),
                step.Mode == 1 ? "async" : "sync",
                state);
        }

        _console.Write(table);
        return ok;
    }

    // The value the plug-ins read: the current value when set, else the definition's default; checked by their parser.
    private async Task<bool> PolicyAsync(CancellationToken cancellationToken)
    {
        var variable = await EnvironmentVariableReader.ReadAsync(_client, Deployment.PolicyVariable, cancellationToken).ConfigureAwait(false);
        if (variable is null)
        {
            _console.MarkupLineInterpolated($"Policy {Deployment.PolicyVariable}: [red]no definition[/]");
            return false;
        }

        var current = variable.CurrentValue;
        var json = current ?? variable.DefaultValue;
        var result = QualificationPolicy.Parse(json);
        var source = current is null ? "default value" : "current value";
        if (result.Problem is not null)
        {
            _console.MarkupLineInterpolated($"Policy {Deployment.PolicyVariable} ({source}): [red]invalid[/]: {result.Problem.Render(1033)}");
            return false;
        }

        _console.MarkupLineInterpolated($"Policy {Deployment.PolicyVariable} ({source}): valid");
        return true;
    }

    private async Task<bool> ProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            var process = await _client.GetAsync($"workflows({LeadToOpportunityProcess})?$select=name,statecode", cancellationToken).ConfigureAwait(false);
            var active = process.GetProperty("statecode").GetInt32() == 1;
            _console.MarkupLineInterpolated($"Process {process.GetProperty("name").GetString()}: {(active ? "present, activated" : "present, not activated")}");
            return active;
        }
        catch (DataverseException exception) when (exception.Status == System.Net.HttpStatusCode.NotFound)
        {
            _console.MarkupLine("Process Lead to Opportunity Sales Process: [red]missing[/]");
            return false;
        }
    }
}
