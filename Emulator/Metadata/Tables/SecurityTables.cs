namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

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
