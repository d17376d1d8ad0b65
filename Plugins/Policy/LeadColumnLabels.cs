namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>
/// Our display labels of the lead columns a policy names most (lead-semantics §1.3 and common standard columns), as
/// Dynamics 365 Sales labels them in English and German. Refusals use the organization's own labels when its
/// metadata has them (<see cref="Localization.ColumnLabels"/>); these are the fallback. Data, kept apart from the
/// rules so that mutation runs can leave the wording out (tests/Plugins.Tests/stryker-config.json).
/// </summary>
internal static class LeadColumnLabels
{
    /// <summary>The columns, each with our English and German label.</summary>
    public static readonly LeadColumn[] Known =
    [
        new("subject", "Topic", "Thema"),
        new("firstname", "First Name", "Vorname"),
        new("middlename", "Middle Name", "Zweiter Vorname"),
        new("lastname", "Last Name", "Nachname"),
        new("salutation", "Salutation", "Anrede"),
        new("jobtitle", "Job Title", "Position"),
        new("companyname", "Company Name", "Firmenname"),
        new("emailaddress1", "Email", "E-Mail"),
        new("emailaddress2", "Email Address 2", "E-Mail-Adresse 2"),
        new("emailaddress3", "Email Address 3", "E-Mail-Adresse 3"),
        new("telephone1", "Business Phone", "Telefon (geschäftlich)"),
        new("telephone2", "Home Phone", "Telefon (privat)"),
        new("telephone3", "Other Phone", "Andere Telefonnummer"),
        new("mobilephone", "Mobile Phone", "Mobiltelefon"),
        new("fax", "Fax", "Fax"),
        new("websiteurl", "Website", "Website"),
        new("address1_line1", "Street 1", "Straße 1"),
        new("address1_line2", "Street 2", "Straße 2"),
        new("address1_line3", "Street 3", "Straße 3"),
        new("address1_city", "City", "Ort"),
        new("address1_stateorprovince", "State/Province", "Bundesland/Kanton"),
        new("address1_postalcode", "ZIP/Postal Code", "Postleitzahl"),
        new("address1_country", "Country/Region", "Land/Region"),
        new("description", "Description", "Beschreibung"),
        new("industrycode", "Industry", "Branche"),
        new("revenue", "Annual Revenue", "Jahresumsatz"),
        new("numberofemployees", "No. of Employees", "Anzahl der Mitarbeiter"),
        new("sic", "SIC Code", "SIC-Code"),
        new("parentaccountid", "Existing Account", "Vorhandene Firma"),
        new("parentcontactid", "Existing Contact", "Vorhandener Kontakt"),
        new("customerid", "Customer", "Kunde"),
        new("campaignid", "Source Campaign", "Quellkampagne"),
        new("transactioncurrencyid", "Currency", "Währung"),
        new("budgetamount", "Budget Amount", "Budgetbetrag"),
        new("budgetstatus", "Budget", "Budget"),
        new("purchasetimeframe", "Purchase Timeframe", "Kaufzeitrahmen"),
        new("purchaseprocess", "Purchase Process", "Kaufprozess"),
        new("decisionmaker", "Decision Maker?", "Entscheidungsträger?"),
        new("need", "Need", "Bedarf"),
        new("estimatedamount", "Est. Value", "Gesch. Wert"),
        new("estimatedclosedate", "Est. Close Date", "Gesch. Abschlussdatum"),
        new("qualificationcomments", "Qualification Comments", "Qualifizierungskommentare"),
        new("leadqualitycode", "Rating", "Bewertung"),
        new("leadsourcecode", "Lead Source", "Leadquelle"),
        new("initialcommunication", "Initial Communication", "Erste Kommunikation"),
        new("confirminterest", "Confirm Interest", "Interesse bestätigen"),
        new("evaluatefit", "Evaluate Fit", "Eignung bewerten"),
        new("schedulefollowup_prospect", "Schedule Follow Up (Prospect)", "Nachverfolgung planen (Interessent)"),
        new("schedulefollowup_qualify", "Schedule Follow Up (Qualify)", "Nachverfolgung planen (Qualifizieren)"),
    ];
}
