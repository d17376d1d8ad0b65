namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The contact table.</summary>
public static class Contact
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "contact";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string ContactId = "contactid";

        /// <summary>Full name.</summary>
        public const string FullName = "fullname";

        /// <summary>Email.</summary>
        public const string EmailAddress1 = "emailaddress1";

        /// <summary>Status (0 Active, 1 Inactive).</summary>
        public const string StateCode = "statecode";
    }
}
