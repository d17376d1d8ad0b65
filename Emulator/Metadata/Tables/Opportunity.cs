using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>opportunity (columns filled by QualifyLead and the BPF).</summary>
internal static class Opportunity
{
    public static TableDefinition Definition { get; } = new TableBuilder("opportunity", "opportunityid", "name", OwnershipType.UserOwned, "Opportunity", "Verkaufschance")
        .String("name", 300, "Topic", "Thema")
        .Customer("customerid", "Potential Customer", "Potenzieller Kunde")
        .Lookup("parentaccountid", "Account", "Firma", "account")
        .Lookup("parentcontactid", "Contact", "Kontakt", "contact")
        .Lookup("originatingleadid", "Originating Lead", "Ursprünglicher Lead", "lead")
        .Lookup("campaignid", "Source Campaign", "Quellkampagne", "campaign")
        .CurrencyColumns()
        .Money("budgetamount", "Budget Amount", "Budgetbetrag")
        .Money("estimatedvalue", "Est. Revenue", "Gesch. Umsatz")
        .DateTime("estimatedclosedate", "Est. Close Date", "Gesch. Abschlussdatum")
        .Money("actualvalue", "Actual Revenue", "Tatsächlicher Umsatz")
        .DateTime("actualclosedate", "Actual Close Date", "Tatsächliches Abschlussdatum")
        .Picklist("purchasetimeframe", "Purchase Timeframe", "Kaufzeitrahmen",
            O(0, "Immediate", "Sofort"), O(1, "This Quarter", "Dieses Quartal"), O(2, "Next Quarter", "Nächstes Quartal"), O(3, "This Year", "Dieses Jahr"), O(4, "Unknown", "Unbekannt"))
        .Picklist("purchaseprocess", "Purchase Process", "Kaufprozess",
            O(0, "Individual", "Einzelperson"), O(1, "Committee", "Ausschuss"), O(2, "Unknown", "Unbekannt"))
        .Boolean("decisionmaker", "Decision Maker?", "Entscheidungsträger?")
        .Picklist("need", "Need", "Bedarf",
            O(0, "Must have", "Unbedingt erforderlich"), O(1, "Should have", "Erforderlich"), O(2, "Good to have", "Wünschenswert"), O(3, "No need", "Kein Bedarf"))
        .Memo("description", 2000, "Description", "Beschreibung")
        .Memo("qualificationcomments", 2000, "Qualification Comments", "Qualifizierungskommentare")
        .BusinessProcessColumns()
        .StateStatus(
            [StateOption(0, 1, "Open", "Offen"), StateOption(1, 3, "Won", "Gewonnen"), StateOption(2, 4, "Lost", "Verloren")],
            [
                StatusOption(1, 0, "In Progress", "In Bearbeitung"), StatusOption(2, 0, "On Hold", "Zurückgestellt"),
                StatusOption(3, 1, "Won", "Gewonnen"),
                StatusOption(4, 2, "Canceled", "Abgebrochen"), StatusOption(5, 2, "Out-Sold", "Verloren an Mitbewerber"),
            ])
        .Relationship("opportunity_originating_lead", "lead", "originatingleadid", CascadeType.RemoveLink)
        .Relationship("opportunity_customer_accounts", "account", "customerid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("opportunity_customer_contacts", "contact", "customerid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("opportunity_parent_account", "account", "parentaccountid", CascadeType.RemoveLink)
        .Relationship("opportunity_parent_contact", "contact", "parentcontactid", CascadeType.RemoveLink)
        .Build();
}
