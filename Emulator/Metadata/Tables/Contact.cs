namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>contact (columns used by lead qualification and its attribute maps).</summary>
internal static class Contact
{
    public static TableDefinition Definition { get; } = new TableBuilder("contact", "contactid", "fullname", OwnershipType.UserOwned, "Contact", "Kontakt")
        .String("firstname", 50, "First Name", "Vorname")
        .String("lastname", 50, "Last Name", "Nachname")
        .String("middlename", 50, "Middle Name", "Zweiter Vorname")
        .String("fullname", 160, "Full Name", "Vollständiger Name", create: false, update: false)
        .String("yomifirstname", 150, "Yomi First Name")
        .String("yomilastname", 150, "Yomi Last Name")
        .String("yomimiddlename", 150, "Yomi Middle Name")
        .String("jobtitle", 100, "Job Title", "Position")
        .String("emailaddress1", 100, "Email", "E-Mail")
        .String("emailaddress2", 100, "Email Address 2", "E-Mail-Adresse 2")
        .String("emailaddress3", 100, "Email Address 3", "E-Mail-Adresse 3")
        .String("telephone1", 50, "Business Phone", "Telefon (geschäftlich)")
        .String("telephone2", 50, "Home Phone", "Telefon (privat)")
        .String("telephone3", 50, "Telephone 3", "Telefon 3")
        .String("mobilephone", 50, "Mobile Phone", "Mobiltelefon")
        .String("fax", 50, "Fax", "Fax")
        .String("pager", 50, "Pager", "Pager")
        .String("websiteurl", 200, "Website", "Website")
        .Address1Columns()
        .ContactPreferenceColumns()
        .Memo("description", 2000, "Description", "Beschreibung")
        .Customer("parentcustomerid", "Company Name", "Firmenname")
        .Lookup("originatingleadid", "Originating Lead", "Ursprünglicher Lead", "lead")
        .CurrencyColumns()
        .ActiveInactiveStateStatus()
        .Relationship("contact_originating_lead", "lead", "originatingleadid", CascadeType.RemoveLink)
        .Relationship("contact_customer_accounts", "account", "parentcustomerid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("contact_customer_contacts", "contact", "parentcustomerid", CascadeType.Cascade, CascadeType.Cascade)
        .Build();
}
