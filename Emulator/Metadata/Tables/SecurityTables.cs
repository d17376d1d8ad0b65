namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>
/// team: owner teams, which can own rows and hold security roles (Emulator/Security keeps roles and members).
/// Columns from the Dataverse "team" table reference; teamtype 0 = Owner, 1 = Access.
/// </summary>
internal static class Team
{
    public static TableDefinition Definition { get; } = new TableBuilder("team", "teamid", "name", OwnershipType.None, "Team", "Team")
        .String("name", 160, "Team Name", "Teamname")
        .Lookup("businessunitid", "Business Unit", "Geschäftseinheit", "businessunit")
        .Picklist("teamtype", "Team Type", "Teamtyp", TableBuilder.O(0, "Owner", "Besitzer"), TableBuilder.O(1, "Access", "Zugriff"))
        .Build();
}

/// <summary>
/// principalobjectaccess: who a row is shared with and which rights (GrantAccess / ModifyAccess / RevokeAccess write it).
/// Kept in the store so a share made inside a request that fails is rolled back with it.
/// </summary>
internal static class PrincipalObjectAccess
{
    public static TableDefinition Definition { get; } = new TableBuilder(
            "principalobjectaccess", "principalobjectaccessid", null, OwnershipType.None, "Principal Object Access", "Prinzipalobjektzugriff")
        .Uniqueidentifier("objectid", "Object", "Objekt")
        .EntityName("objecttypecode", "Object Type", "Objekttyp")
        .Uniqueidentifier("principalid", "Principal", "Prinzipal")
        .EntityName("principaltypecode", "Principal Type", "Prinzipaltyp")
        .Integer("accessrightsmask", "Access Rights", "Zugriffsrechte")
        .Build();
}
