using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>A lead column that the policy may require, with its display name in each language we ship.</summary>
public sealed class LeadColumn
{
    /// <summary>Describes the column <paramref name="logicalName"/>.</summary>
    public LeadColumn(string logicalName, string english, string german)
    {
        LogicalName = logicalName;
        DisplayName = new UserText(english, german);
    }

    /// <summary>Logical name, e.g. budgetamount.</summary>
    public string LogicalName { get; }

    /// <summary>Display name as users see it on the lead form.</summary>
    public UserText DisplayName { get; }
}

/// <summary>
/// The lead columns that can be listed in requiredFields: the qualification columns of lead-semantics §1.3 plus
/// common standard columns users can fill in. Read-only columns (full name, merged) are left out because a
/// user could never satisfy them.
/// </summary>
public static class LeadColumns
{
    private static readonly LeadColumn[] Known = LeadColumnLabels.Known;

    /// <summary>Every column requiredFields may name.</summary>
    public static IReadOnlyList<LeadColumn> All => Known;

    /// <summary>The column with logical name <paramref name="logicalName"/> (case ignored), or null when it is not one we know.</summary>
    public static LeadColumn? Find(string logicalName) =>
        Known.FirstOrDefault(c => string.Equals(c.LogicalName, logicalName?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The column a policy may require under <paramref name="logicalName"/>: one we know by name, any other lead column
    /// Microsoft documents as writable, or a custom column (publisher prefix, e.g. <c>new_budgetapproved</c>), named by
    /// its logical name until the organization's metadata gives its label. Null for anything else.
    /// </summary>
    public static LeadColumn? Requirable(string logicalName)
    {
        var name = logicalName?.Trim().ToLowerInvariant() ?? string.Empty;
        if (Find(name) is { } known)
        {
            return known;
        }

        return Array.BinarySearch(DocumentedLeadColumns.Names, name, StringComparer.Ordinal) >= 0 || IsCustomColumnName(name)
            ? new LeadColumn(name, name, name)
            : null;
    }

    /// <summary>A custom column's logical name: a publisher prefix (a letter, then 1–7 letters or digits), "_", a name.</summary>
    public static bool IsCustomColumnName(string name)
    {
        var underscore = name.IndexOf('_');
        if (underscore < 2 || underscore > 8 || underscore == name.Length - 1 || !char.IsLetter(name[0]))
        {
            return false;
        }

        return name.All(c => c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
