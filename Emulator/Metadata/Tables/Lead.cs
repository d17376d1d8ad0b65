using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>lead (lead-semantics §1).</summary>
internal static class Lead
{
    public static TableDefinition Definition { get; } = new TableBuilder("lead", "leadid", "fullname", OwnershipType.UserOwned, "Lead", "Lead")
        .String("subject", 300, "Topic", "Thema")
        .String("firstname", 50, "First Name", "Vorname")
        .String("lastname", 50, "Last Name", "Nachname")
        .String("middlename", 50, "Middle Name", "Zweiter Vorname")
        .String("fullname", 160, "Name", "Name", create: false, update: false)
        .String("yomifirstname", 150, "Yomi First Name")
        .String("yomilastname", 150, "Yomi Last Name")
        .String("yomimiddlename", 150, "Yomi Middle Name")
        .String("yomifullname", 450, "Yomi Full Name", create: false, update: false)
        .String("companyname", 100, "Company Name", "Firmenname")
        .String("yomicompanyname", 100, "Yomi Company Name")
        .String("jobtitle", 100, "Job Title", "Position")
        .String("emailaddress1", 100, "Email", "E-Mail")
        .String("emailaddress2", 100, "Email Address 2", "E-Mail-Adresse 2")
        .String("emailaddress3", 100, "Email Address 3", "E-Mail-Adresse 3")
        .String("telephone1", 50, "Business Phone", "Telefon (geschäftlich)")
        .String("telephone2", 50, "Home Phone", "Telefon (privat)")
        .String("telephone3", 50, "Other Phone", "Andere Telefonnummer")
        .String("mobilephone", 20, "Mobile Phone", "Mobiltelefon")
        .String("fax", 50, "Fax", "Fax")
        .String("pager", 20, "Pager", "Pager")
        .String("websiteurl", 200, "Website", "Website")
        .String("sic", 20, "SIC Code", "SIC-Code")
        .Address1Columns()
        .ContactPreferenceColumns()
        .Boolean("donotsendmm", "Send Marketing Materials", "Marketingmaterial senden")
        .Memo("description", 2000, "Description", "Beschreibung")
        .Memo("qualificationcomments", 2000, "Qualification Comments", "Qualifizierungskommentare")
        .Lookup("parentaccountid", "Parent Account for lead", "Übergeordnetes Konto für Lead", "account")
        .Lookup("parentcontactid", "Parent Contact for lead", "Übergeordneter Kontakt für Lead", "contact")
        .Customer("customerid", "Customer", "Kunde")
        .ReadOnlyLookup("accountid", "Account", "Firma", "account")
        .ReadOnlyLookup("contactid", "Contact", "Kontakt", "contact")
        .Lookup("qualifyingopportunityid", "Qualifying Opportunity", "Qualifizierende Verkaufschance", "opportunity")
        .Lookup("campaignid", "Source Campaign", "Quellkampagne", "campaign")
        .ReadOnlyLookup("masterid", "Master ID", "Master-ID", "lead")
        .Boolean("merged", "Merged", "Zusammengeführt")
        .CurrencyColumns()
        .Money("budgetamount", "Budget Amount", "Budgetbetrag")
        .Money("estimatedamount", "Est. Value", "Gesch. Wert")
        .Double("estimatedvalue", "Est. Value (deprecated)", "Gesch. Wert (veraltet)")
        .DateTime("estimatedclosedate", "Est. Close Date", "Gesch. Abschlussdatum")
        .Picklist("budgetstatus", "Budget", "Budget",
            O(0, "No Committed Budget", "Kein zugesagtes Budget"), O(1, "May Buy", "Kauft evtl."), O(2, "Can Buy", "Kann kaufen"), O(3, "Will Buy", "Wird kaufen"))
        .Picklist("purchasetimeframe", "Purchase Timeframe", "Kaufzeitrahmen",
            O(0, "Immediate", "Sofort"), O(1, "This Quarter", "Dieses Quartal"), O(2, "Next Quarter", "Nächstes Quartal"), O(3, "This Year", "Dieses Jahr"), O(4, "Unknown", "Unbekannt"))
        .Picklist("purchaseprocess", "Purchase Process", "Kaufprozess",
            O(0, "Individual", "Einzelperson"), O(1, "Committee", "Ausschuss"), O(2, "Unknown", "Unbekannt"))
        .Boolean("decisionmaker", "Decision Maker?", "Entscheidungsträger?")
        .Picklist("need", "Need", "Bedarf",
            O(0, "Must have", "Unbedingt erforderlich"), O(1, "Should have", "Erforderlich"), O(2, "Good to have", "Wünschenswert"), O(3, "No need", "Kein Bedarf"))
        .Picklist("salesstage", "Sales Stage", "Verkaufsphase", O(0, "Qualify", "Qualifizieren"))
        .Picklist("salesstagecode", "Sales Stage Code", "Verkaufsphasencode", O(1, "Default Value", "Standardwert"))
        .Picklist("leadqualitycode", "Rating", "Bewertung", O(1, "Hot", "Heiß"), O(2, "Warm", "Warm"), O(3, "Cold", "Kalt"))
        .Picklist("leadsourcecode", "Lead Source", "Leadquelle",
            O(1, "Advertisement", "Werbung"), O(2, "Employee Referral", "Empfehlung durch Mitarbeiter"), O(3, "External Referral", "Externe Empfehlung"),
            O(4, "Partner", "Partner"), O(5, "Public Relations", "Öffentlichkeitsarbeit"), O(6, "Seminar", "Seminar"), O(7, "Trade Show", "Messe"),
            O(8, "Web", "Web"), O(9, "Word of Mouth", "Mundpropaganda"), O(10, "Other", "Sonstige"))
        .Picklist("initialcommunication", "Initial Communication", "Erste Kommunikation", O(0, "Contacted", "Kontaktiert"), O(1, "Not Contacted", "Nicht kontaktiert"))
        .Boolean("confirminterest", "Confirm Interest", "Interesse bestätigen")
        .Boolean("evaluatefit", "Evaluate Fit", "Eignung bewerten")
        .DateTime("schedulefollowup_prospect", "Schedule Follow Up (Prospect)", "Nachverfolgung planen (Interessent)")
        .DateTime("schedulefollowup_qualify", "Schedule Follow Up (Qualify)", "Nachverfolgung planen (Qualifizieren)")
        .BusinessProcessColumns()
        .StateStatus(
            [StateOption(0, 1, "Open", "Offen"), StateOption(1, 3, "Qualified", "Qualifiziert"), StateOption(2, 4, "Disqualified", "Disqualifiziert")],
            [
                StatusOption(1, 0, "New", "Neu"), StatusOption(2, 0, "Contacted", "Kontaktiert"),
                StatusOption(3, 1, "Qualified", "Qualifiziert"),
                StatusOption(4, 2, "Lost", "Verloren"), StatusOption(5, 2, "Cannot Contact", "Keine Kontaktaufnahme möglich"),
                StatusOption(6, 2, "No Longer Interested", "Kein Interesse mehr"), StatusOption(7, 2, "Canceled", "Abgebrochen"),
            ])
        .Relationship("lead_parent_account", "account", "parentaccountid", CascadeType.RemoveLink)
        .Relationship("lead_parent_contact", "contact", "parentcontactid", CascadeType.RemoveLink)
        .Relationship("lead_customer_accounts", "account", "customerid", CascadeType.RemoveLink)
        .Relationship("lead_customer_contacts", "contact", "customerid", CascadeType.RemoveLink)
        .Relationship("lead_qualifying_opportunity", "opportunity", "qualifyingopportunityid", CascadeType.RemoveLink)
        .Relationship("lead_master_lead", "lead", "masterid", CascadeType.RemoveLink)
        .Build();
}
