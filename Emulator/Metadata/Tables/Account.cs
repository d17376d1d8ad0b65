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
        .Address1Columns()
        .ContactPreferenceColumns()
        .Memo("description", 2000, "Description", "Beschreibung")
        .Lookup("parentaccountid", "Parent Account", "Übergeordnete Firma", "account")
        .Lookup("primarycontactid", "Primary Contact", "Primärer Kontakt", "contact")
        .Lookup("originatingleadid", "Originating Lead", "Ursprünglicher Lead", "lead")
        .CurrencyColumns()
        .Money("revenue", "Annual Revenue", "Jahresumsatz")
        .ActiveInactiveStateStatus()
        .Relationship("account_originating_lead", "lead", "originatingleadid", CascadeType.RemoveLink)
        .Relationship("account_parent_account", "account", "parentaccountid", CascadeType.RemoveLink)
        .Build();
}
