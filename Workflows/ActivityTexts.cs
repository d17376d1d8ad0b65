using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Workflows;

/// <summary>User texts the activities show to the user who runs the process.</summary>
public static class ActivityTexts
{
    /// <summary>Something failed that the user cannot fix.</summary>
    public static readonly UserText Unexpected = new(English.Unexpected, German.Unexpected);

    /// <summary>The record has no business process flow instance.</summary>
    public static readonly UserText NoProcess = new(English.NoProcess, German.NoProcess);

    /// <summary>The named stage is not on the record's process path. {0} = stage name.</summary>
    public static readonly UserText UnknownStage = new(English.UnknownStage, German.UnknownStage);

    /// <summary>The named stage is more than one stage ahead. {0} = stage name, {1} = active stage name.</summary>
    public static readonly UserText StageTooFarAhead = new(English.StageTooFarAhead, German.StageTooFarAhead);

    /// <summary>The next stage is on the opportunity, but the lead has none yet. {0} = stage name.</summary>
    public static readonly UserText StageNeedsOpportunity = new(English.StageNeedsOpportunity, German.StageNeedsOpportunity);

    /// <summary>No lead was given.</summary>
    public static readonly UserText LeadRequired = new(English.LeadRequired, German.LeadRequired);

    /// <summary>The lead is still open, so its process cannot be completed.</summary>
    public static readonly UserText LeadNotQualified = new(English.LeadNotQualified, German.LeadNotQualified);

    /// <summary>The record is neither a lead nor an opportunity.</summary>
    public static readonly UserText RecordNotSupported = new(English.RecordNotSupported, German.RecordNotSupported);

    /// <summary>English wording.</summary>
    public static class English
    {
        /// <summary>See <see cref="ActivityTexts.Unexpected"/>.</summary>
        public const string Unexpected = "The process step could not finish, and nothing it started was saved. Please try again; if it happens again, give your administrator the time it happened.";

        /// <summary>See <see cref="ActivityTexts.NoProcess"/>.</summary>
        public const string NoProcess = "This record has no Lead to Opportunity business process. Start the process on the record, then run this step again.";

        /// <summary>See <see cref="ActivityTexts.UnknownStage"/>.</summary>
        public const string UnknownStage = "The stage '{0}' is not part of this record's business process. Check the stage name in the process step.";

        /// <summary>See <see cref="ActivityTexts.StageTooFarAhead"/>.</summary>
        public const string StageTooFarAhead = "The process can move forward only one stage at a time. It is on '{1}', so it cannot jump to '{0}'.";

        /// <summary>See <see cref="ActivityTexts.StageNeedsOpportunity"/>.</summary>
        public const string StageNeedsOpportunity = "The stage '{0}' belongs to the opportunity. Qualify the lead into an opportunity first; a lead cannot move past Qualify without one.";

        /// <summary>See <see cref="ActivityTexts.LeadRequired"/>.</summary>
        public const string LeadRequired = "Choose the lead this step works on.";

        /// <summary>See <see cref="ActivityTexts.LeadNotQualified"/>.</summary>
        public const string LeadNotQualified = "The lead is not qualified yet, so its process cannot be completed. Qualify the lead first.";

        /// <summary>See <see cref="ActivityTexts.RecordNotSupported"/>.</summary>
        public const string RecordNotSupported = "This step works on leads and opportunities only.";
    }

    /// <summary>German wording.</summary>
    public static class German
    {
        /// <summary>See <see cref="ActivityTexts.Unexpected"/>.</summary>
        public const string Unexpected = "Der Prozessschritt konnte nicht abgeschlossen werden; es wurde nichts gespeichert. Bitte versuchen Sie es erneut. Tritt der Fehler wieder auf, nennen Sie Ihrem Administrator den Zeitpunkt.";

        /// <summary>See <see cref="ActivityTexts.NoProcess"/>.</summary>
        public const string NoProcess = "Dieser Datensatz hat keinen Geschäftsprozess „Lead zu Verkaufschance“. Starten Sie den Prozess am Datensatz und führen Sie diesen Schritt dann erneut aus.";

        /// <summary>See <see cref="ActivityTexts.UnknownStage"/>.</summary>
        public const string UnknownStage = "Die Phase „{0}“ gehört nicht zum Geschäftsprozess dieses Datensatzes. Prüfen Sie den Phasennamen im Prozessschritt.";

        /// <summary>See <see cref="ActivityTexts.StageTooFarAhead"/>.</summary>
        public const string StageTooFarAhead = "Der Prozess kann nur um eine Phase weitergehen. Er steht auf „{1}“ und kann daher nicht zu „{0}“ springen.";

        /// <summary>See <see cref="ActivityTexts.StageNeedsOpportunity"/>.</summary>
        public const string StageNeedsOpportunity = "Die Phase „{0}“ gehört zur Verkaufschance. Qualifizieren Sie den Lead zuerst zu einer Verkaufschance; ohne sie kann ein Lead nicht über „Qualifizieren“ hinaus.";

        /// <summary>See <see cref="ActivityTexts.LeadRequired"/>.</summary>
        public const string LeadRequired = "Wählen Sie den Lead aus, mit dem dieser Schritt arbeitet.";

        /// <summary>See <see cref="ActivityTexts.LeadNotQualified"/>.</summary>
        public const string LeadNotQualified = "Der Lead ist noch nicht qualifiziert, daher kann sein Prozess nicht abgeschlossen werden. Qualifizieren Sie den Lead zuerst.";

        /// <summary>See <see cref="ActivityTexts.RecordNotSupported"/>.</summary>
        public const string RecordNotSupported = "Dieser Schritt funktioniert nur mit Leads und Verkaufschancen.";
    }
}
