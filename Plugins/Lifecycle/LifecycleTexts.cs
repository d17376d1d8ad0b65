using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins.Lifecycle;

/// <summary>User texts shown when disqualifying, reactivating or deleting a lead is refused.</summary>
public static class LifecycleTexts
{
    /// <summary>The lead does not exist or the user cannot see it.</summary>
    public static readonly UserText LeadNotFound = new(English.LeadNotFound, German.LeadNotFound);

    /// <summary>The disqualify status reason is not one of Lost, Cannot Contact, No Longer Interested, Canceled.</summary>
    public static readonly UserText DisqualifyReasonInvalid = new(English.DisqualifyReasonInvalid, German.DisqualifyReasonInvalid);

    /// <summary>The lead is already qualified.</summary>
    public static readonly UserText DisqualifyClosedLead = new(English.DisqualifyClosedLead, German.DisqualifyClosedLead);

    /// <summary>{0}: the name of the lead's opportunity.</summary>
    public static readonly UserText DisqualifyWithOpportunity = new(English.DisqualifyWithOpportunity, German.DisqualifyWithOpportunity);

    /// <summary>{0}: the name of the lead's opportunity, already won or lost.</summary>
    public static readonly UserText DisqualifyWithClosedOpportunity = new(English.DisqualifyWithClosedOpportunity, German.DisqualifyWithClosedOpportunity);

    /// <summary>The lead has an opportunity the user cannot read: it blocks, but its name and state stay hidden.</summary>
    public static readonly UserText DisqualifyWithHiddenOpportunity = new(English.DisqualifyWithHiddenOpportunity, German.DisqualifyWithHiddenOpportunity);

    /// <summary>The policy always creates records, which a state change cannot: qualify with Qualify.</summary>
    public static readonly UserText UseQualify = new(English.UseQualify, German.UseQualify);

    /// <summary>Stands in for an opportunity without a topic.</summary>
    public static readonly UserText UnnamedOpportunity = new(English.UnnamedOpportunity, German.UnnamedOpportunity);

    /// <summary>The reactivation status reason is not New or Contacted.</summary>
    public static readonly UserText ReactivationReasonInvalid = new(English.ReactivationReasonInvalid, German.ReactivationReasonInvalid);

    /// <summary>The lead is qualified or disqualified and protectClosedLeads is on.</summary>
    public static readonly UserText DeleteClosedLead = new(English.DeleteClosedLead, German.DeleteClosedLead);

    /// <summary>English wording.</summary>
    public static class English
    {
        /// <summary>See <see cref="LifecycleTexts.LeadNotFound"/>.</summary>
        public const string LeadNotFound = "This lead no longer exists or you don't have access to it. Refresh the page and try again.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyReasonInvalid"/>.</summary>
        public const string DisqualifyReasonInvalid = "Choose why you are disqualifying the lead: Lost, Cannot Contact, No Longer Interested or Canceled.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyClosedLead"/>.</summary>
        public const string DisqualifyClosedLead = "The lead is closed because it is already qualified. Reactivate it before you disqualify it.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithOpportunity"/>.</summary>
        public const string DisqualifyWithOpportunity = "You can't disqualify this lead because the opportunity \"{0}\" was created from it. Close that opportunity as lost instead.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithClosedOpportunity"/>.</summary>
        public const string DisqualifyWithClosedOpportunity = "You can't disqualify this lead because the opportunity \"{0}\" was created from it. That opportunity is already closed, and a lead that produced an opportunity stays qualified.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithHiddenOpportunity"/>.</summary>
        public const string DisqualifyWithHiddenOpportunity = "You can't disqualify this lead because an opportunity was created from it. You don't have access to that opportunity: ask its owner or your administrator to close it as lost.";

        /// <summary>See <see cref="LifecycleTexts.UseQualify"/>.</summary>
        public const string UseQualify = "To qualify this lead, use Qualify. Your organization's policy creates an account, contact or opportunity for every qualified lead, and changing the status alone creates none.";

        /// <summary>See <see cref="LifecycleTexts.UnnamedOpportunity"/>.</summary>
        public const string UnnamedOpportunity = "(no topic)";

        /// <summary>See <see cref="LifecycleTexts.ReactivationReasonInvalid"/>.</summary>
        public const string ReactivationReasonInvalid = "A reactivated lead needs an open status reason: New or Contacted.";

        /// <summary>See <see cref="LifecycleTexts.DeleteClosedLead"/>.</summary>
        public const string DeleteClosedLead = "You can't delete a qualified or disqualified lead. Reactivate the lead first, then delete it.";
    }

    /// <summary>German wording.</summary>
    public static class German
    {
        /// <summary>See <see cref="LifecycleTexts.LeadNotFound"/>.</summary>
        public const string LeadNotFound = "Dieser Lead existiert nicht mehr, oder Sie haben keinen Zugriff darauf. Aktualisieren Sie die Seite, und versuchen Sie es erneut.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyReasonInvalid"/>.</summary>
        public const string DisqualifyReasonInvalid = "Wählen Sie den Grund für das Disqualifizieren: Verloren, Keine Kontaktaufnahme möglich, Kein Interesse mehr oder Abgebrochen.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyClosedLead"/>.</summary>
        public const string DisqualifyClosedLead = "Der Lead ist geschlossen, weil er bereits qualifiziert ist. Reaktivieren Sie ihn, bevor Sie ihn disqualifizieren.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithOpportunity"/>.</summary>
        public const string DisqualifyWithOpportunity = "Dieser Lead kann nicht disqualifiziert werden, weil aus ihm die Verkaufschance „{0}“ erstellt wurde. Schließen Sie stattdessen diese Verkaufschance als verloren.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithClosedOpportunity"/>.</summary>
        public const string DisqualifyWithClosedOpportunity = "Dieser Lead kann nicht disqualifiziert werden, weil aus ihm die Verkaufschance „{0}“ erstellt wurde. Diese Verkaufschance ist bereits geschlossen, und ein Lead, aus dem eine Verkaufschance entstanden ist, bleibt qualifiziert.";

        /// <summary>See <see cref="LifecycleTexts.DisqualifyWithHiddenOpportunity"/>.</summary>
        public const string DisqualifyWithHiddenOpportunity = "Dieser Lead kann nicht disqualifiziert werden, weil aus ihm eine Verkaufschance erstellt wurde. Sie haben keinen Zugriff auf diese Verkaufschance: Bitten Sie deren Besitzer oder Ihren Administrator, sie als verloren zu schließen.";

        /// <summary>See <see cref="LifecycleTexts.UseQualify"/>.</summary>
        public const string UseQualify = "Verwenden Sie „Qualifizieren“, um diesen Lead zu qualifizieren. Die Richtlinie Ihrer Organisation erstellt für jeden qualifizierten Lead ein Konto, einen Kontakt oder eine Verkaufschance, und eine reine Statusänderung erstellt keine.";

        /// <summary>See <see cref="LifecycleTexts.UnnamedOpportunity"/>.</summary>
        public const string UnnamedOpportunity = "(ohne Thema)";

        /// <summary>See <see cref="LifecycleTexts.ReactivationReasonInvalid"/>.</summary>
        public const string ReactivationReasonInvalid = "Ein reaktivierter Lead benötigt einen offenen Statusgrund: Neu oder Kontaktiert.";

        /// <summary>See <see cref="LifecycleTexts.DeleteClosedLead"/>.</summary>
        public const string DeleteClosedLead = "Ein qualifizierter oder disqualifizierter Lead kann nicht gelöscht werden. Reaktivieren Sie den Lead zuerst, und löschen Sie ihn dann.";
    }
}
