using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>User texts shown when a lead cannot be qualified.</summary>
public static class QualificationTexts
{
    /// <summary>The request names no lead.</summary>
    public static readonly UserText LeadMissing = new(English.LeadMissing, German.LeadMissing);

    /// <summary>{0}: the request's settings (CreateAccount, CreateContact, CreateOpportunity, Status) that are missing or of the wrong kind.</summary>
    public static readonly UserText RequestIncomplete = new(English.RequestIncomplete, German.RequestIncomplete);

    /// <summary>The lead does not exist or the user cannot see it.</summary>
    public static readonly UserText LeadNotFound = new(English.LeadNotFound, German.LeadNotFound);

    /// <summary>The lead is already qualified or disqualified.</summary>
    public static readonly UserText LeadClosed = new(English.LeadClosed, German.LeadClosed);

    /// <summary>The requested status reason does not belong to the Qualified status.</summary>
    public static readonly UserText StatusNotQualified = new(English.StatusNotQualified, German.StatusNotQualified);

    /// <summary>{0}: the display names of the empty required fields.</summary>
    public static readonly UserText MissingFields = new(English.MissingFields, German.MissingFields);

    /// <summary>An opportunity would be created without any possible customer.</summary>
    public static readonly UserText CustomerRequired = new(English.CustomerRequired, German.CustomerRequired);

    /// <summary>English wording.</summary>
    public static class English
    {
        /// <summary>See <see cref="QualificationTexts.LeadMissing"/>.</summary>
        public const string LeadMissing = "Choose the lead you want to qualify.";

        /// <summary>See <see cref="QualificationTexts.RequestIncomplete"/>.</summary>
        public const string RequestIncomplete = "The qualification request does not say which records to create ({0} missing or not valid), so the lead was not qualified. Qualify the lead again from the lead form or list.";

        /// <summary>See <see cref="QualificationTexts.LeadNotFound"/>.</summary>
        public const string LeadNotFound = "The lead you want to qualify no longer exists or you don't have access to it. Refresh the list and try again.";

        /// <summary>See <see cref="QualificationTexts.LeadClosed"/>.</summary>
        public const string LeadClosed = "The lead is closed. You cannot qualify a lead that is already qualified or disqualified; reactivate it first.";

        /// <summary>See <see cref="QualificationTexts.StatusNotQualified"/>.</summary>
        public const string StatusNotQualified = "A qualified lead needs the status reason Qualified. Choose Qualified and try again.";

        /// <summary>See <see cref="QualificationTexts.MissingFields"/>.</summary>
        public const string MissingFields = "Fill in these fields before you qualify the lead: {0}.";

        /// <summary>See <see cref="QualificationTexts.CustomerRequired"/>.</summary>
        public const string CustomerRequired = "The new opportunity needs a customer. Choose an existing account or contact for the lead, or create an account or contact when you qualify.";
    }

    /// <summary>German wording.</summary>
    public static class German
    {
        /// <summary>See <see cref="QualificationTexts.LeadMissing"/>.</summary>
        public const string LeadMissing = "Wählen Sie den Lead aus, den Sie qualifizieren möchten.";

        /// <summary>See <see cref="QualificationTexts.RequestIncomplete"/>.</summary>
        public const string RequestIncomplete = "Die Qualifizierungsanforderung gibt nicht an, welche Datensätze erstellt werden sollen ({0} fehlt oder ist ungültig), daher wurde der Lead nicht qualifiziert. Qualifizieren Sie den Lead erneut aus dem Lead-Formular oder der Liste.";

        /// <summary>See <see cref="QualificationTexts.LeadNotFound"/>.</summary>
        public const string LeadNotFound = "Der Lead, den Sie qualifizieren möchten, existiert nicht mehr, oder Sie haben keinen Zugriff darauf. Aktualisieren Sie die Liste, und versuchen Sie es erneut.";

        /// <summary>See <see cref="QualificationTexts.LeadClosed"/>.</summary>
        public const string LeadClosed = "Der Lead ist geschlossen. Ein bereits qualifizierter oder disqualifizierter Lead kann nicht qualifiziert werden; reaktivieren Sie ihn zuerst.";

        /// <summary>See <see cref="QualificationTexts.StatusNotQualified"/>.</summary>
        public const string StatusNotQualified = "Ein qualifizierter Lead benötigt den Statusgrund „Qualifiziert“. Wählen Sie „Qualifiziert“, und versuchen Sie es erneut.";

        /// <summary>See <see cref="QualificationTexts.MissingFields"/>.</summary>
        public const string MissingFields = "Füllen Sie diese Felder aus, bevor Sie den Lead qualifizieren: {0}.";

        /// <summary>See <see cref="QualificationTexts.CustomerRequired"/>.</summary>
        public const string CustomerRequired = "Die neue Verkaufschance benötigt einen Kunden. Wählen Sie für den Lead eine vorhandene Firma oder einen vorhandenen Kontakt aus, oder lassen Sie beim Qualifizieren eine Firma oder einen Kontakt erstellen.";
    }
}
