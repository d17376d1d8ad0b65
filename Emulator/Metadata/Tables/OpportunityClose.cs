using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>opportunityclose: the activity WinOpportunity / LoseOpportunity record, completed when the opportunity closes.</summary>
internal static class OpportunityClose
{
    public static TableDefinition Definition { get; } = new TableBuilder("opportunityclose", "activityid", "subject", OwnershipType.UserOwned, "Opportunity Close", "Verkaufschancenabschluss")
        .String("subject", 200, "Subject", "Betreff")
        .Lookup("opportunityid", "Opportunity", "Verkaufschance", "opportunity")
        .CurrencyColumns()
        .Money("actualrevenue", "Actual Revenue", "Tatsächlicher Umsatz")
        .DateTime("actualend", "Close Date", "Abschlussdatum")
        .Memo("description", 2000, "Description", "Beschreibung")
        .StateStatus(
            [StateOption(0, 1, "Open", "Offen"), StateOption(1, 2, "Completed", "Abgeschlossen"), StateOption(2, 3, "Canceled", "Abgebrochen")],
            [StatusOption(1, 0, "Open", "Offen"), StatusOption(2, 1, "Completed", "Abgeschlossen"), StatusOption(3, 2, "Canceled", "Abgebrochen")])
        .Relationship("Opportunity_OpportunityClose", "opportunity", "opportunityid", CascadeType.Cascade, CascadeType.Cascade)
        .Build();
}
