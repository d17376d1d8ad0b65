using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>One side of a MissingDependency: the &lt;Required&gt; or the &lt;Dependent&gt; element.</summary>
/// <param name="Type">Component type (1 table, 29 process, 92 step, ...).</param>
/// <param name="SchemaName">schemaName, or null.</param>
/// <param name="Id">id, or null.</param>
/// <param name="DisplayName">displayName, or null.</param>
/// <param name="Solution">"UniqueName (version)" of the solution that brings a required component; null on the dependent side.</param>
public sealed record DependencyComponent(int Type, string? SchemaName, Guid? Id, string? DisplayName, string? Solution);

/// <summary>
/// A component the solution needs but does not contain, as solution.xml's &lt;MissingDependencies&gt; records it:
/// &lt;MissingDependency&gt;&lt;Required type schemaName|id displayName solution="Name (version)" /&gt;&lt;Dependent type
/// displayName id /&gt;&lt;/MissingDependency&gt; (the attribute set of Microsoft's exports).
/// </summary>
public sealed record MissingDependency(DependencyComponent Required, DependencyComponent Dependent)
{
    /// <summary>"msdynce_Sales" of "msdynce_Sales (9.0.4.0076)": unique names have no spaces, the version follows one.</summary>
    public static string SolutionUniqueName(string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var space = solution.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? solution.Trim() : solution[..space];
    }

    /// <summary>How a person reads a component: "table 'lead' (Lead)", "process 'Lead to Opportunity Sales Process' {id}".</summary>
    public static string Describe(int type, string? schemaName, Guid? id, string? displayName)
    {
        var kind = type switch
        {
            1 => "table",
            29 => "process",
            RootComponentTypes.Step => "step",
            _ => $"component of type {type}",
        };
        return (schemaName, id) switch
        {
            ({ } name, _) => displayName is null ? $"{kind} '{name}'" : $"{kind} '{name}' ({displayName})",
            (null, { } value) => displayName is null ? $"{kind} {{{value}}}" : $"{kind} '{displayName}' {{{value}}}",
            _ => $"{kind} '{displayName}'",
        };
    }

    /// <summary>The element solution.xml holds.</summary>
    public XElement ToXml() => new("MissingDependency", Element("Required", Required), Element("Dependent", Dependent));

    /// <summary>Reads the entries of a &lt;MissingDependencies&gt; element (null or empty: none).</summary>
    public static IReadOnlyList<MissingDependency> Read(XElement? missingDependencies) =>
        missingDependencies?.Elements("MissingDependency")
            .Select(m => new MissingDependency(Component(m.Element("Required")), Component(m.Element("Dependent"))))
            .ToList() ?? [];

    private static XElement Element(string name, DependencyComponent component) =>
        new(
            name,
            new XAttribute("type", component.Type),
            component.SchemaName is null ? null : new XAttribute("schemaName", component.SchemaName),
            component.DisplayName is null ? null : new XAttribute("displayName", component.DisplayName),
            component.Solution is null ? null : new XAttribute("solution", component.Solution),
            component.Id is null ? null : new XAttribute("id", CustomizationsXml.Braced(component.Id.Value)));

    private static DependencyComponent Component(XElement? element) =>
        new(
            (int?)element?.Attribute("type") ?? 0,
            (string?)element?.Attribute("schemaName"),
            Guid.TryParse((string?)element?.Attribute("id"), out var id) ? id : null,
            (string?)element?.Attribute("displayName"),
            (string?)element?.Attribute("solution"));
}
