namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The opportunity table.</summary>
public static class Opportunity
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "opportunity";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string OpportunityId = "opportunityid";

        /// <summary>Topic.</summary>
        public const string Name = "name";

        /// <summary>The lead the opportunity was qualified from.</summary>
        public const string OriginatingLeadId = "originatingleadid";

        /// <summary>The customer (account or contact).</summary>
        public const string CustomerId = "customerid";

        /// <summary>Account.</summary>
        public const string ParentAccountId = "parentaccountid";

        /// <summary>Contact.</summary>
        public const string ParentContactId = "parentcontactid";

        /// <summary>Status (0 Open, 1 Won, 2 Lost).</summary>
        public const string StateCode = "statecode";

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
