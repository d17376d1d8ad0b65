namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>
/// opportunity's columns are generated (Reference/tables/opportunity.json, from the Sales table reference). Its page
/// only points at the lead, account and contact pages for these many-to-one relationships, and the pages the emulator
/// generated those tables from do not list them, so their cascade rules stay declared here.
/// </summary>
internal static class Opportunity
{
    public static RelationshipDefinition[] Relationships { get; } =
    [
        new("opportunity_originating_lead", "lead", "opportunity", "originatingleadid", CascadeType.RemoveLink, CascadeType.NoCascade),
        new("opportunity_customer_accounts", "account", "opportunity", "customerid", CascadeType.Cascade, CascadeType.Cascade),
        new("opportunity_customer_contacts", "contact", "opportunity", "customerid", CascadeType.Cascade, CascadeType.Cascade),
        new("opportunity_parent_account", "account", "opportunity", "parentaccountid", CascadeType.RemoveLink, CascadeType.NoCascade),
        new("opportunity_parent_contact", "contact", "opportunity", "parentcontactid", CascadeType.RemoveLink, CascadeType.NoCascade),
    ];
}
