using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

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
        .Customer("parentcustomerid", "Company Name", "Firmenname")
        .Lookup("originatingleadid", "Originating Lead", "Ursprünglicher Lead", "lead")
        .Lookup("transactioncurrencyid", "Currency", "Währung", "transactioncurrency")
        .Decimal("exchangerate", "Exchange Rate", "Wechselkurs")
        .StateStatus(
            [StateOption(0, 1, "Active", "Aktiv"), StateOption(1, 2, "Inactive", "Inaktiv")],
            [StatusOption(1, 0, "Active", "Aktiv"), StatusOption(2, 1, "Inactive", "Inaktiv")])
        .Relationship("contact_originating_lead", "lead", "originatingleadid", CascadeType.RemoveLink)
        .Relationship("contact_customer_accounts", "account", "parentcustomerid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("contact_customer_contacts", "contact", "parentcustomerid", CascadeType.Cascade, CascadeType.Cascade)
        .Build();
}
