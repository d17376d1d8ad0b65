/*
 * The lead form's command rule. The Disqualify command's enable rule calls disqualifyAllowed with the form
 * (PrimaryControl): it is false, with a form notification saying why, when the server guard (DisqualifyGuard) would
 * refuse because the lead has an opportunity. Evaluating it also shows which fields the policy still needs before
 * Qualify. The server stays the authority: this only spares the seller a refused click.
 */
namespace LeadQualifyExtensions.LeadCommands {
    import Policy = LeadQualifyExtensions.Policy;

    /** Ids of our form notifications (setFormNotification replaces a notification with the same id). */
    export const disqualifyNotificationId = "lqx-disqualify";
    export const requiredNotificationId = "lqx-required-fields";

    // Worded as the server words its refusals (LifecycleTexts.cs, QualificationTexts.cs).
    const texts = {
        withOpportunity: [
            "You can't disqualify this lead because the opportunity \"{0}\" was created from it. Close that opportunity as lost instead.",
            "Dieser Lead kann nicht disqualifiziert werden, weil aus ihm die Verkaufschance „{0}“ erstellt wurde. Schließen Sie stattdessen diese Verkaufschance als verloren.",
        ],
        withClosedOpportunity: [
            "You can't disqualify this lead because the opportunity \"{0}\" was created from it. That opportunity is already closed, and a lead that produced an opportunity stays qualified.",
            "Dieser Lead kann nicht disqualifiziert werden, weil aus ihm die Verkaufschance „{0}“ erstellt wurde. Diese Verkaufschance ist bereits geschlossen, und ein Lead, aus dem eine Verkaufschance entstanden ist, bleibt qualifiziert.",
        ],
        unnamedOpportunity: ["(no topic)", "(ohne Thema)"],
        missingFields: ["Fill in these fields before you qualify the lead: {0}.", "Füllen Sie diese Felder aus, bevor Sie den Lead qualifizieren: {0}."],
        invalidPolicy: [
            "The lead qualification policy (environment variable lqx_LeadQualificationPolicy) is not valid: {0}. Nothing was saved. Ask your administrator to correct the policy.",
            "Die Richtlinie zur Lead-Qualifizierung (Umgebungsvariable lqx_LeadQualificationPolicy) ist ungültig: {0}. Es wurde nichts gespeichert. Bitten Sie Ihren Administrator, die Richtlinie zu korrigieren.",
        ],
    } as const;

    const openState = 0;

    /**
     * Enable rule of the Disqualify command (RibbonDiff.xml: lqx.lead.DisqualifyAllowed). Resolves false when the policy
     * blocks disqualifying and an opportunity came from this open lead; true otherwise, also when something cannot be
     * read (the server guard still decides).
     */
    export async function disqualifyAllowed(primaryControl: Xrm.FormContext): Promise<boolean> {
        const form = primaryControl;
        const languageCode = Xrm.Utility.getGlobalContext().userSettings.languageId;
        const say = (text: readonly [string, string], ...args: string[]) =>
            text[languageCode === 1031 ? 1 : 0].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? "");
        const leadId = form.data.entity.getId().replace(/[{}]/g, "").toLowerCase();
        const state = form.getAttribute<Xrm.Attributes.OptionSetAttribute>("statecode")?.getValue() ?? openState;
        if (!leadId || state !== openState) {
            clear(form);
            return true;
        }

        let policy: Policy.QualificationPolicy;
        try {
            const parsed = Policy.parse(await readPolicy());
            if (parsed.problem) {
                form.ui.setFormNotification(say(texts.invalidPolicy, Policy.render(parsed.problem, languageCode)), "WARNING", disqualifyNotificationId);
                return true;
            }

            policy = parsed.policy;
        } catch {
            return true;
        }

        showMissingFields(form, policy, (names) => say(texts.missingFields, names));
        if (!policy.blockDisqualifyWithOpportunity) {
            form.ui.clearFormNotification(disqualifyNotificationId);
            return true;
        }

        const qualifying = form.getAttribute<Xrm.Attributes.LookupAttribute>("qualifyingopportunityid")?.getValue()?.[0]?.id;
        let opportunity: { name?: string | null; statecode?: number | null } | undefined;
        try {
            opportunity = await findOpportunity(leadId, qualifying?.replace(/[{}]/g, ""));
        } catch {
            return true;
        }

        if (!opportunity) {
            form.ui.clearFormNotification(disqualifyNotificationId);
            return true;
        }

        const name = opportunity.name?.trim() ? opportunity.name.trim() : say(texts.unnamedOpportunity);
        const open = (opportunity.statecode ?? 0) === 0;
        form.ui.setFormNotification(say(open ? texts.withOpportunity : texts.withClosedOpportunity, name), "INFO", disqualifyNotificationId);
        return false;
    }

    /** Lists the required fields that are still empty, by their labels on this form. */
    function showMissingFields(form: Xrm.FormContext, policy: Policy.QualificationPolicy, say: (names: string) => string): void {
        const missing = policy.requiredFields.filter((name) => {
            const value = form.getAttribute(name)?.getValue();
            return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
        });
        if (missing.length === 0) {
            form.ui.clearFormNotification(requiredNotificationId);
            return;
        }

        const languageCode = Xrm.Utility.getGlobalContext().userSettings.languageId;
        const labels = missing.map((name) => {
            const control = form.getControl<Xrm.Controls.StandardControl>(name);
            const known = Policy.LeadColumns.labelled.find((c) => c.logicalName === name);
            return control?.getLabel() || (known ? (languageCode === 1031 ? known.german : known.english) : name);
        });
        form.ui.setFormNotification(say(labels.join(", ")), "INFO", requiredNotificationId);
    }

    function clear(form: Xrm.FormContext): void {
        form.ui.clearFormNotification(disqualifyNotificationId);
        form.ui.clearFormNotification(requiredNotificationId);
    }

    /** The variable's current value, else its default (as PolicyReader.ReadJson), or null when neither is set. */
    async function readPolicy(): Promise<string | null> {
        const definitions = await Xrm.WebApi.retrieveMultipleRecords(
            "environmentvariabledefinition",
            `?$select=environmentvariabledefinitionid,defaultvalue&$filter=schemaname eq '${Policy.variableName}'`,
        );
        const definition = definitions.entities[0];
        if (!definition) {
            return null;
        }

        const values = await Xrm.WebApi.retrieveMultipleRecords(
            "environmentvariablevalue",
            `?$select=value&$filter=_environmentvariabledefinitionid_value eq ${definition.environmentvariabledefinitionid}`,
        );
        const value = values.entities.map((row) => row.value as string | null).find((text) => text && text.trim() !== "");
        return value ?? (definition.defaultvalue as string | null);
    }

    /** An opportunity created from the lead (originating lead, or the lead's qualifying opportunity). */
    async function findOpportunity(leadId: string, qualifyingId: string | undefined): Promise<{ name?: string | null; statecode?: number | null } | undefined> {
        const filter = `_originatingleadid_value eq ${leadId}` + (qualifyingId ? ` or opportunityid eq ${qualifyingId}` : "");
        const result = await Xrm.WebApi.retrieveMultipleRecords("opportunity", `?$select=name,statecode&$filter=${filter}&$top=1`);
        return result.entities[0];
    }
}
