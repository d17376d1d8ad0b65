namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The usersettings table: one row per user, keyed by the user's id.</summary>
public static class UserSettings
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "usersettings";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>The user's interface language (LCID).</summary>
        public const string UiLanguageId = "uilanguageid";
    }
}
