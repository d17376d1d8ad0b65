using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>systemuser.</summary>
internal static class SystemUser
{
    public static TableDefinition Definition { get; } = new TableBuilder("systemuser", "systemuserid", "fullname", OwnershipType.None, "User", "Benutzer")
        .String("firstname", 64, "First Name", "Vorname")
        .String("lastname", 64, "Last Name", "Nachname")
        .String("fullname", 200, "Full Name", "Vollständiger Name", create: false, update: false)
        .String("domainname", 1024, "User Name", "Benutzername")
        .String("internalemailaddress", 100, "Primary Email", "Primäre E-Mail")
        .Lookup("businessunitid", "Business Unit", "Geschäftseinheit", "businessunit")
        .Boolean("isdisabled", "Status", "Status")
        .Build();
}

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

/// <summary>businessunit.</summary>
internal static class BusinessUnit
{
    public static TableDefinition Definition { get; } = new TableBuilder("businessunit", "businessunitid", "name", OwnershipType.None, "Business Unit", "Geschäftseinheit")
        .String("name", 160, "Name", "Name")
        .Lookup("parentbusinessunitid", "Parent Business", "Übergeordnete Geschäftseinheit", "businessunit")
        .Relationship("business_unit_parent_business_unit", "businessunit", "parentbusinessunitid", CascadeType.Restrict)
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

/// <summary>campaign.</summary>
internal static class Campaign
{
    public static TableDefinition Definition { get; } = new TableBuilder("campaign", "campaignid", "name", OwnershipType.UserOwned, "Campaign", "Kampagne")
        .String("name", 128, "Name", "Name")
        .String("codename", 32, "Campaign Code", "Kampagnencode")
        .Memo("description", 2000, "Description", "Beschreibung")
        .CurrencyColumns()
        .Money("budgetedcost", "Budget Allocated", "Zugeteiltes Budget")
        .StateStatus(
            [StateOption(0, 0, "Active", "Aktiv"), StateOption(1, 6, "Inactive", "Inaktiv")],
            [
                StatusOption(0, 0, "Proposed", "Vorgeschlagen"), StatusOption(1, 0, "Ready To Launch", "Startbereit"),
                StatusOption(2, 0, "Launched", "Gestartet"), StatusOption(3, 0, "Completed", "Abgeschlossen"),
                StatusOption(4, 0, "Canceled", "Abgebrochen"), StatusOption(5, 0, "Suspended", "Ausgesetzt"),
                StatusOption(6, 1, "Inactive", "Inaktiv"),
            ])
        .Build();
}

/// <summary>workflow (process definitions, including BPF definitions).</summary>
internal static class Workflow
{
    public static TableDefinition Definition { get; } = new TableBuilder("workflow", "workflowid", "name", OwnershipType.UserOwned, "Process", "Prozess")
        .String("name", 100, "Process Name", "Prozessname")
        .String("uniquename", 256, "Unique Name", "Eindeutiger Name")
        .EntityName("primaryentity", "Primary Entity", "Primäre Entität")
        .Picklist("category", "Category", "Kategorie",
            O(0, "Workflow", "Workflow"), O(1, "Dialog", "Dialog"), O(2, "Business Rule", "Geschäftsregel"), O(3, "Action", "Aktion"),
            O(4, "Business Process Flow", "Geschäftsprozessfluss"), O(5, "Modern Flow", "Moderner Flow"), O(6, "Desktop Flow", "Desktop-Flow"), O(7, "AI Flow", "KI-Flow"))
        .Picklist("type", "Type", "Typ", O(1, "Definition", "Definition"), O(2, "Activation", "Aktivierung"), O(3, "Template", "Vorlage"))
        .Picklist("mode", "Execute As", "Ausführen als", O(0, "Background", "Hintergrund"), O(1, "Real-time", "Echtzeit"))
        .Integer("processorder", "Process Order", "Prozessreihenfolge")
        .Memo("xaml", 1073741823, "xaml", "xaml")
        .Memo("clientdata", 1073741823, "Client Data", "Clientdaten")
        .StateStatus(
            [StateOption(0, 1, "Draft", "Entwurf"), StateOption(1, 2, "Activated", "Aktiviert"), StateOption(2, 3, "Suspended", "Angehalten")],
            [StatusOption(1, 0, "Draft", "Entwurf"), StatusOption(2, 1, "Activated", "Aktiviert"), StatusOption(3, 2, "Suspended", "Angehalten")])
        .Build();
}

/// <summary>sdkmessage (seeded, see <see cref="SdkMessages"/>).</summary>
internal static class SdkMessage
{
    public static TableDefinition Definition { get; } = new TableBuilder("sdkmessage", "sdkmessageid", "name", OwnershipType.None, "Sdk Message", "SDK-Meldung")
        .String("name", 256, "Name", "Name")
        .Build();
}
