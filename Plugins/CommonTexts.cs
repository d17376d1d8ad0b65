using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins;

/// <summary>User texts shared by every plug-in.</summary>
public static class CommonTexts
{
    /// <summary>Shown when something failed that the user cannot fix; details are in the plug-in trace log.</summary>
    public static readonly UserText Unexpected = new(English.Unexpected, German.Unexpected);

    /// <summary>English wording.</summary>
    public static class English
    {
        /// <summary>See <see cref="CommonTexts.Unexpected"/>.</summary>
        public const string Unexpected = "Something went wrong while saving your change, and nothing was saved. Please try again; if it happens again, give your administrator the time it happened.";
    }

    /// <summary>German wording.</summary>
    public static class German
    {
        /// <summary>See <see cref="CommonTexts.Unexpected"/>.</summary>
        public const string Unexpected = "Beim Speichern Ihrer Änderung ist ein Fehler aufgetreten; es wurde nichts gespeichert. Bitte versuchen Sie es erneut. Tritt der Fehler wieder auf, nennen Sie Ihrem Administrator den Zeitpunkt.";
    }
}
