using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LeadQualifyExtensions.Packaging;

/// <summary>A step of ours as a dependent: its id, name, message name and table.</summary>
public sealed record DependentStep(Guid Id, string Name, string Message, string PrimaryEntity);

/// <summary>Which of our steps need a required component: those on a table, or those of a message.</summary>
/// <param name="Table">Steps whose primary table is this one, or null.</param>
/// <param name="Message">Steps of this message, or null.</param>
public sealed record NeededBy(string? Table, string? Message)
{
    /// <summary>True when <paramref name="step"/> is one of the steps meant.</summary>
    public bool Matches(DependentStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return (Table is not null && string.Equals(Table, step.PrimaryEntity, StringComparison.Ordinal))
            || (Message is not null && string.Equals(Message, step.Message, StringComparison.Ordinal));
    }
}

/// <summary>A component from another solution the package needs (solution.xml's &lt;Required&gt;).</summary>
/// <param name="Type">Component type: 1 table (by schema name), 29 process (by id).</param>
/// <param name="SchemaName">The table's logical name, or null for components named by id.</param>
/// <param name="Id">The component's id, or null for components named by schema name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Solution">"UniqueName (version)" of the solution that brings it.</param>
/// <param name="NeededBy">Which steps need it.</param>
/// <param name="Provenance">Where the facts come from.</param>
public sealed record RequiredComponent(
    int Type, string? SchemaName, Guid? Id, string DisplayName, string Solution, NeededBy NeededBy, string Provenance)
{
    /// <summary>The unique name of the solution that brings it (the part before " (version)").</summary>
    public string SolutionUniqueName => MissingDependency.SolutionUniqueName(Solution);

    /// <summary>How a person reads it: "table 'lead' (Lead)" or "process Lead to Opportunity Sales Process {id}".</summary>
    public string Describe() => MissingDependency.Describe(Type, SchemaName, Id, DisplayName);
}

/// <summary>The committed list of what the solution needs from Dynamics 365 Sales (Solution/dependencies.json).</summary>
public sealed class DependencyTable
{
    /// <summary>Creates a table from <paramref name="requires"/>.</summary>
    public DependencyTable(IEnumerable<RequiredComponent> requires)
    {
        ArgumentNullException.ThrowIfNull(requires);
        Requires = requires.ToList();
    }

    /// <summary>The required components, in file order.</summary>
    public IReadOnlyList<RequiredComponent> Requires { get; }

    /// <summary>Loads the table; every entry needs a type, a schema name or id, a display name, a solution, neededBy and a provenance.</summary>
    public static DependencyTable Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var requires = new List<RequiredComponent>();
        foreach (var element in document.RootElement.GetProperty("requires").EnumerateArray())
        {
            var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : 0;
            var schemaName = Text(element, "schemaName");
            Guid? id = Guid.TryParse(Text(element, "id"), out var parsed) ? parsed : null;
            var displayName = Text(element, "displayName");
            var solution = Text(element, "solution");
            var provenance = Text(element, "provenance");
            var neededBy = element.TryGetProperty("neededBy", out var n) && n.ValueKind == JsonValueKind.Object
                ? new NeededBy(Text(n, "table"), Text(n, "message"))
                : null;
            if (type == 0 || (schemaName is null && id is null) || displayName is null || solution is null || provenance is null
                || neededBy is null || (neededBy.Table is null && neededBy.Message is null))
            {
                throw new PackagingException(
                    $"{path}: every requirement needs a type, a schemaName or id, a displayName, a solution \"Name (version)\", neededBy (table or message) and a provenance (entry '{schemaName ?? displayName}').");
            }

            requires.Add(new RequiredComponent(type, schemaName, id, displayName, solution, neededBy, provenance));
        }

        return new DependencyTable(requires);
    }

    /// <summary>
    /// The MissingDependency entries for <paramref name="steps"/>: each requirement once per step that needs it, in
    /// table order, then step order. A requirement no step needs is a mistake in the table, so it stops the pack.
    /// </summary>
    public IReadOnlyList<MissingDependency> For(IReadOnlyList<DependentStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var result = new List<MissingDependency>();
        foreach (var required in Requires)
        {
            var dependents = steps.Where(required.NeededBy.Matches).ToList();
            if (dependents.Count == 0)
            {
                throw new PackagingException(
                    $"Solution/dependencies.json: no step needs {required.Describe()}; fix its neededBy or remove it.");
            }

            result.AddRange(dependents.Select(s => new MissingDependency(
                new DependencyComponent(required.Type, required.SchemaName, required.Id, required.DisplayName, required.Solution),
                new DependencyComponent(RootComponentTypes.Step, null, s.Id, s.Name, null))));
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
