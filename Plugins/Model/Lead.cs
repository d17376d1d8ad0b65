namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The lead table.</summary>
public static class Lead
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "lead";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string LeadId = "leadid";

        /// <summary>Topic.</summary>
        public const string Subject = "subject";

        /// <summary>Status (see <see cref="LeadState"/>).</summary>
        public const string StateCode = "statecode";

        /// <summary>Status reason (see <see cref="LeadStatusReason"/>).</summary>
        public const string StatusCode = "statuscode";

        /// <summary>Existing Account.</summary>
        public const string ParentAccountId = "parentaccountid";

        /// <summary>Existing Contact.</summary>
        public const string ParentContactId = "parentcontactid";

        /// <summary>The opportunity the lead was qualified into.</summary>
        public const string QualifyingOpportunityId = "qualifyingopportunityid";

        /// <summary>Company Name; becomes the account name on qualification.</summary>
        public const string CompanyName = "companyname";

        /// <summary>Email.</summary>
        public const string EmailAddress1 = "emailaddress1";

        /// <summary>Budget Amount (money).</summary>
        public const string BudgetAmount = "budgetamount";

        /// <summary>Purchase Timeframe (choice).</summary>
        public const string PurchaseTimeframe = "purchasetimeframe";

        /// <summary>Purchase Process (choice).</summary>
        public const string PurchaseProcess = "purchaseprocess";

        /// <summary>Decision Maker? (yes/no).</summary>
        public const string DecisionMaker = "decisionmaker";

        /// <summary>Need (choice).</summary>
        public const string Need = "need";
    }
}

/// <summary>Lead statecode values.</summary>
public enum LeadState
{
    /// <summary>Open.</summary>
    Open = 0,

    /// <summary>Qualified.</summary>
    Qualified = 1,

    /// <summary>Disqualified.</summary>
    Disqualified = 2,
}

/// <summary>Lead statuscode values; each belongs to one <see cref="LeadState"/>.</summary>
public enum LeadStatusReason
{
    /// <summary>Open: New (default).</summary>
    New = 1,

    /// <summary>Open: Contacted.</summary>
    Contacted = 2,

    /// <summary>Qualified: Qualified (default).</summary>
    Qualified = 3,

    /// <summary>Disqualified: Lost (default).</summary>
    Lost = 4,

    /// <summary>Disqualified: Cannot Contact.</summary>
    CannotContact = 5,

    /// <summary>Disqualified: No Longer Interested.</summary>
    NoLongerInterested = 6,

    /// <summary>Disqualified: Canceled.</summary>
    Canceled = 7,
}
