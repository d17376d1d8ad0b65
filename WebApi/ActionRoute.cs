using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// A URL naming an operation: a bound action (<c>leads(id)/Microsoft.Dynamics.CRM.QualifyLead</c>), an unbound action
/// (<c>ImportSolutionAsync</c>) or a function with its arguments (<c>RetrieveActivePath(ProcessInstanceId=…)</c>).
/// </summary>
internal sealed partial record ActionRoute(string Name, string? EntitySet, Guid? Id, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>The operations served; anything else goes to the entity-set routes.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "QualifyLead", "ImportSolution", "ImportSolutionAsync", "SetProcess", "RetrieveProcessInstances", "RetrieveActivePath",
        "RetrieveUserPrivilegeByPrivilegeName",
    };

    public static ActionRoute? Match(string path)
    {
        if (Bound().Match(path) is { Success: true } bound && Known.Contains(bound.Groups["name"].Value))
        {
            return new ActionRoute(bound.Groups["name"].Value, bound.Groups["set"].Value, Guid.Parse(bound.Groups["id"].Value), ParseArguments(bound.Groups["args"].Value));
        }

        if (Unbound().Match(path) is { Success: true } unbound && Known.Contains(unbound.Groups["name"].Value))
        {
            return new ActionRoute(unbound.Groups["name"].Value, null, null, ParseArguments(unbound.Groups["args"].Value));
        }

        return null;
    }

    // Name='text',Other=guid: quotes removed, '' unescaped.
    private static Dictionary<string, string> ParseArguments(string text)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                var value = parts[1];
                arguments[parts[0]] = value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : value;
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"^/(?<set>\w+)\((?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/Microsoft\.Dynamics\.CRM\.(?<name>\w+)(?:\((?<args>[^)]*)\))?$")]
    private static partial Regex Bound();

    [GeneratedRegex(@"^/(?:Microsoft\.Dynamics\.CRM\.)?(?<name>\w+)(?:\((?<args>[^)]*)\))?$")]
    private static partial Regex Unbound();
}
