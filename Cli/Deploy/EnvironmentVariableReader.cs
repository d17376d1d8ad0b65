using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>An environment variable as an environment holds it: its definition's default and its current value (null when unset).</summary>
public sealed record EnvironmentVariableState(string SchemaName, Guid DefinitionId, string? DefaultValue, string? CurrentValue);

/// <summary>
/// Reads environment variables through the Web API as the platform stores them: an environmentvariabledefinition
/// (schemaname, defaultvalue) and at most one environmentvariablevalue row that overrides its default.
/// </summary>
public static class EnvironmentVariableReader
{
    /// <summary>The variable named <paramref name="schemaName"/>; null when the environment has no such definition.</summary>
    public static async Task<EnvironmentVariableState?> ReadAsync(DataverseClient client, string schemaName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var definitions = await client.GetAsync($"environmentvariabledefinitions?$select=environmentvariabledefinitionid,defaultvalue&$filter={Uri.EscapeDataString($"schemaname eq '{schemaName.Replace("'", "''", StringComparison.Ordinal)}'")}", cancellationToken).ConfigureAwait(false);
        var definition = definitions.GetProperty("value").EnumerateArray().FirstOrDefault();
        if (definition.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var definitionId = definition.GetProperty("environmentvariabledefinitionid").GetGuid();
        var values = await client.GetAsync($"environmentvariablevalues?$select=value&$filter={Uri.EscapeDataString($"_environmentvariabledefinitionid_value eq {definitionId}")}", cancellationToken).ConfigureAwait(false);
        var current = values.GetProperty("value").EnumerateArray()
            .Select(v => v.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var fallback = definition.TryGetProperty("defaultvalue", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return new EnvironmentVariableState(schemaName, definitionId, fallback, current);
    }

    /// <summary>
    /// The current values of <paramref name="schemaNames"/> that the environment has set, by schema name (lqx run
    /// --environment starts scenarios from them). 401/403 become <see cref="DeployException"/>s as for deploy; an
    /// address that does not answer as Dataverse becomes one with <see cref="DeployExit.NotDataverse"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> CurrentValuesAsync(DataverseClient client, IEnumerable<string> schemaNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(schemaNames);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in schemaNames)
        {
            EnvironmentVariableState? state;
            try
            {
                state = await ReadAsync(client, name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DataverseException or HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new DeployException(DeployExit.NotDataverse, $"{client.Environment} does not answer as a Dataverse environment (reading environment variable '{name}': {exception.Message}). Check the URL, e.g. http://127.0.0.1:5555 for lqx serve.", exception);
            }

            if (state?.CurrentValue is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
