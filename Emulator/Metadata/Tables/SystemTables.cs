namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>usersettings (one row per user, keyed by systemuserid).</summary>
internal static class UserSettings
{
    public static TableDefinition Definition { get; } = new TableBuilder("usersettings", "systemuserid", null, OwnershipType.None, "User Settings", "Benutzereinstellungen")
        .Integer("uilanguageid", "UI Language", "Sprache der Benutzeroberfläche")
        .Integer("localeid", "Locale", "Gebietsschema")
        .Integer("helplanguageid", "Help Language", "Hilfesprache")
        .Integer("timezonecode", "Time Zone", "Zeitzone")
        .Lookup("transactioncurrencyid", "Currency", "Währung", "transactioncurrency")
        .Build();
}

/// <summary>organization (exactly one row).</summary>
internal static class Organization
{
    public static TableDefinition Definition { get; } = new TableBuilder("organization", "organizationid", "name", OwnershipType.None, "Organization", "Organisation")
        .String("name", 160, "Name", "Name")
        .Lookup("basecurrencyid", "Currency", "Währung", "transactioncurrency")
        .Integer("languagecode", "Language", "Sprache")
        .String("qualifyleadadditionaloptions", 4000, "Qualify Lead Additional Options")
        .Build();
}
