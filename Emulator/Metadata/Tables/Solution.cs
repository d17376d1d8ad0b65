namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>solution: the solutions installed in the organization (what an import's MissingDependencies are checked against).</summary>
internal static class Solution
{
    public static TableDefinition Definition { get; } = new TableBuilder("solution", "solutionid", "friendlyname", OwnershipType.None, "Solution", "Projektmappe")
        .String("uniquename", 65, "Name", "Name")
        .String("friendlyname", 256, "Display Name", "Anzeigename")
        .String("version", 256, "Version", "Version")
        .Boolean("ismanaged", "Package Type", "Pakettyp")
        .DateTime("installedon", "Installed On", "Installiert am")
        .Build();
}
