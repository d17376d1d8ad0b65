namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The account table.</summary>
public static class Account
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "account";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string AccountId = "accountid";

        /// <summary>Account name.</summary>
        public const string Name = "name";

        /// <summary>Status (0 Active, 1 Inactive).</summary>
        public const string StateCode = "statecode";
    }
}
