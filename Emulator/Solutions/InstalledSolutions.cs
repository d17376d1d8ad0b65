using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Solutions;

/// <summary>
/// The solutions every emulator starts with installed: the platform and the Dynamics 365 Sales solutions that bring the
/// tables and process our package needs (Solution/dependencies.json names the same unique names). An organization
/// without Sales is an emulator after <see cref="Uninstall"/>.
/// </summary>
public static class InstalledSolutions
{
    /// <summary>Namespace of the seeded rows' name-based ids. Fixed forever.</summary>
    internal static readonly Guid IdNamespace = new("b1f2c3d4-5e6f-4a0b-9c1d-2e3f4a5b6c7d");

    /// <summary>Unique name, display name and version of each seeded solution.</summary>
    public static IReadOnlyList<(string UniqueName, string FriendlyName, string Version)> Seeded { get; } =
    [
        ("System", "System Solution", "9.2.0.0"),
        ("msdynce_LeadManagement", "Lead Management", "9.0.4.0066"),
        ("msdynce_Sales", "Sales", "9.0.4.0076"),
    ];

    /// <summary>The rows seeded into the solution table.</summary>
    internal static IEnumerable<Entity> SeedRows() =>
        Seeded.Select(s => new Entity("solution", Packaging.NameBasedGuid.Create(IdNamespace, s.UniqueName))
        {
            ["uniquename"] = s.UniqueName,
            ["friendlyname"] = s.FriendlyName,
            ["version"] = s.Version,
            ["ismanaged"] = true,
        });

    /// <summary>The installed solution named <paramref name="uniqueName"/>, or null.</summary>
    public static Entity? Find(XrmEmulator emulator, string uniqueName)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return emulator.All("solution").FirstOrDefault(s => string.Equals(s.GetAttributeValue<string>("uniquename"), uniqueName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Removes an installed solution's row, e.g. msdynce_Sales for an organization without Dynamics 365 Sales.</summary>
    public static void Uninstall(XrmEmulator emulator, string uniqueName)
    {
        var row = Find(emulator, uniqueName) ?? throw new ArgumentException($"No solution '{uniqueName}' is installed.", nameof(uniqueName));
        lock (emulator.Gate)
        {
            emulator.Store.Remove("solution", row.Id);
        }
    }
}
