using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>account (columns used by lead qualification and its attribute maps).</summary>
internal static class Account
{
    public static TableDefinition Definition { get; } = new TableBuilder("account", "accountid", "name", OwnershipType.UserOwned, "Account", "Firma")
        .String("name", 160, "Account Name", "Firmenname")
        .String("yominame", 160, "Yomi Account Name")
        .String("accountnumber", 20, "Account Number", "Kontonummer")
        .String("emailaddress1", 100, "Email", "E-Mail")
        .String("telephone1", 50, "Main Phone", "Telefon (Hauptnummer)")
        .String("telephone2", 50, "Other Phone", "Andere Telefonnummer")
        .String("fax", 50, "Fax", "Fax")
        .String("websiteurl", 200, "Website", "Website")
        .String("sic", 20, "SIC Code", "SIC-Code")
        .String("address1_line1", 250, "Street 1", "Straße 1")
        .String("address1_line2", 250, "Street 2", "Straße 2")
        .String("address1_line3", 250, "Street 3", "Straße 3")
        .String("address1_city", 80, "City", "Ort")
        .String("address1_stateorprovince", 50, "State/Province", "Bundesland/Kanton")
        .String("address1_postalcode", 20, "ZIP/Postal Code", "Postleitzahl")
        .String("address1_country", 80, "Country/Region", "Land/Region")
        .Boolean("donotemail", "Do not allow Emails", "E-Mails nicht zulassen")
        .Boolean("donotphone", "Do not allow Phone Calls", "Telefonanrufe nicht zulassen")
        .Boolean("donotfax", "Do not allow Faxes", "Faxe nicht zulassen")
        .Boolean("donotpostalmail", "Do not allow Mails", "Post nicht zulassen")
        .Boolean("donotbulkemail", "Do not allow Bulk Emails", "Massen-E-Mails nicht zulassen")
        .Memo("description", 2000, "Description", "Beschreibung")
        .Lookup("parentaccountid", "Parent Account", "Übergeordnete Firma", "account")
        .Lookup("primarycontactid", "Primary Contact", "Primärer Kontakt", "contact")
        .Lookup("originatingleadid", "Originating Lead", "Ursprünglicher Lead", "lead")
        .Lookup("transactioncurrencyid", "Currency", "Währung", "transactioncurrency")
        .Decimal("exchangerate", "Exchange Rate", "Wechselkurs")
        .Money("revenue", "Annual Revenue", "Jahresumsatz")
        .StateStatus(
            [StateOption(0, 1, "Active", "Aktiv"), StateOption(1, 2, "Inactive", "Inaktiv")],
            [StatusOption(1, 0, "Active", "Aktiv"), StatusOption(2, 1, "Inactive", "Inaktiv")])
        .Relationship("account_originating_lead", "lead", "originatingleadid", CascadeType.RemoveLink)
        .Relationship("account_parent_account", "account", "parentaccountid", CascadeType.RemoveLink)
        .Build();
}
