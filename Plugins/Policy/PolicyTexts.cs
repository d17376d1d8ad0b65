using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>User texts about the lead qualification policy (environment variable lqx_LeadQualificationPolicy).</summary>
public static class PolicyTexts
{
    /// <summary>The policy is malformed; {0} is one of the problem texts below.</summary>
    public static readonly UserText Invalid = new(English.Invalid, German.Invalid);

    /// <summary>{0}: the character where reading stopped.</summary>
    public static readonly UserText NotJson = new(English.NotJson, German.NotJson);

    /// <summary>The value is JSON but not an object.</summary>
    public static readonly UserText NotAnObject = new(English.NotAnObject, German.NotAnObject);

    /// <summary>{0}: the unknown key.</summary>
    public static readonly UserText UnknownKey = new(English.UnknownKey, German.UnknownKey);

    /// <summary>{0}: the repeated key.</summary>
    public static readonly UserText DuplicateKey = new(English.DuplicateKey, German.DuplicateKey);

    /// <summary>{0}: the key whose value is not true or false.</summary>
    public static readonly UserText NotBoolean = new(English.NotBoolean, German.NotBoolean);

    /// <summary>requiredFields is not a list of texts.</summary>
    public static readonly UserText NotColumnList = new(English.NotColumnList, German.NotColumnList);

    /// <summary>{0}: the key whose value is not text.</summary>
    public static readonly UserText ModeNotText = new(English.ModeNotText, German.ModeNotText);

    /// <summary>{0}: the key; {1}: the unknown mode.</summary>
    public static readonly UserText UnknownMode = new(English.UnknownMode, German.UnknownMode);

    /// <summary>{0}: the entry of requiredFields that is not a lead column.</summary>
    public static readonly UserText NotLeadColumn = new(English.NotLeadColumn, German.NotLeadColumn);

    /// <summary>English wording.</summary>
    public static class English
    {
        /// <summary>See <see cref="PolicyTexts.Invalid"/>.</summary>
        public const string Invalid = "The lead qualification policy (environment variable lqx_LeadQualificationPolicy) is not valid: {0}. Nothing was saved. Ask your administrator to correct the policy.";

        /// <summary>See <see cref="PolicyTexts.NotJson"/>.</summary>
        public const string NotJson = "it is not valid JSON (the error is at character {0})";

        /// <summary>See <see cref="PolicyTexts.NotAnObject"/>.</summary>
        public const string NotAnObject = "it must be a JSON object in curly braces";

        /// <summary>See <see cref="PolicyTexts.UnknownKey"/>.</summary>
        public const string UnknownKey = "the setting \"{0}\" is not known";

        /// <summary>See <see cref="PolicyTexts.DuplicateKey"/>.</summary>
        public const string DuplicateKey = "the setting \"{0}\" appears more than once";

        /// <summary>See <see cref="PolicyTexts.NotBoolean"/>.</summary>
        public const string NotBoolean = "the setting \"{0}\" must be true or false";

        /// <summary>See <see cref="PolicyTexts.NotColumnList"/>.</summary>
        public const string NotColumnList = "the setting \"requiredFields\" must be a list of lead column names in quotes";

        /// <summary>See <see cref="PolicyTexts.ModeNotText"/>.</summary>
        public const string ModeNotText = "the setting \"{0}\" must be \"asRequested\", \"always\" or \"never\"";

        /// <summary>See <see cref="PolicyTexts.UnknownMode"/>.</summary>
        public const string UnknownMode = "the setting \"{0}\" has the unknown value \"{1}\"; use \"asRequested\", \"always\" or \"never\"";

        /// <summary>See <see cref="PolicyTexts.NotLeadColumn"/>.</summary>
        public const string NotLeadColumn = "\"{0}\" in \"requiredFields\" is not a lead column";
    }

    /// <summary>German wording.</summary>
    public static class German
    {
        /// <summary>See <see cref="PolicyTexts.Invalid"/>.</summary>
        public const string Invalid = "Die Richtlinie zur Lead-Qualifizierung (Umgebungsvariable lqx_LeadQualificationPolicy) ist ungültig: {0}. Es wurde nichts gespeichert. Bitten Sie Ihren Administrator, die Richtlinie zu korrigieren.";

        /// <summary>See <see cref="PolicyTexts.NotJson"/>.</summary>
        public const string NotJson = "sie ist kein gültiges JSON (der Fehler liegt bei Zeichen {0})";

        /// <summary>See <see cref="PolicyTexts.NotAnObject"/>.</summary>
        public const string NotAnObject = "sie muss ein JSON-Objekt in geschweiften Klammern sein";

        /// <summary>See <see cref="PolicyTexts.UnknownKey"/>.</summary>
        public const string UnknownKey = "die Einstellung „{0}“ ist unbekannt";

        /// <summary>See <see cref="PolicyTexts.DuplicateKey"/>.</summary>
        public const string DuplicateKey = "die Einstellung „{0}“ kommt mehrfach vor";

        /// <summary>See <see cref="PolicyTexts.NotBoolean"/>.</summary>
        public const string NotBoolean = "die Einstellung „{0}“ muss true oder false sein";

        /// <summary>See <see cref="PolicyTexts.NotColumnList"/>.</summary>
        public const string NotColumnList = "die Einstellung „requiredFields“ muss eine Liste von Spaltennamen des Leads in Anführungszeichen sein";

        /// <summary>See <see cref="PolicyTexts.ModeNotText"/>.</summary>
        public const string ModeNotText = "die Einstellung „{0}“ muss „asRequested“, „always“ oder „never“ sein";

        /// <summary>See <see cref="PolicyTexts.UnknownMode"/>.</summary>
        public const string UnknownMode = "die Einstellung „{0}“ hat den unbekannten Wert „{1}“; verwenden Sie „asRequested“, „always“ oder „never“";

        /// <summary>See <see cref="PolicyTexts.NotLeadColumn"/>.</summary>
        public const string NotLeadColumn = "„{0}“ in „requiredFields“ ist keine Spalte des Leads";
    }
}
