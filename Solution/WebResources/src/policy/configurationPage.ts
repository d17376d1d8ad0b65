/*
 * The solution's configuration page: the lead qualification policy as a form. It reads the environment variable
 * (its current value, else the definition's default), lets an administrator change it, validates it with the rules the
 * plug-ins use (Policy.parse) and saves it as the variable's current value.
 */
namespace LeadQualifyExtensions.ConfigurationPage {
    import Policy = LeadQualifyExtensions.Policy;
    import Api = LeadQualifyExtensions.WebApi;

    type Language = 0 | 1; // English, German
    type Text = readonly [string, string];

    const ui = {
        title: ["Lead qualification policy", "Richtlinie zur Lead-Qualifizierung"],
        intro: [
            "These settings decide what happens when sellers qualify or disqualify leads. The plug-ins apply them on the server, whichever app or integration makes the change.",
            "Diese Einstellungen bestimmen, was geschieht, wenn Verkäufer Leads qualifizieren oder disqualifizieren. Die Plug-ins wenden sie auf dem Server an, gleich welche App oder Integration die Änderung vornimmt.",
        ],
        loading: ["Loading the policy…", "Die Richtlinie wird geladen…"],
        sourceValue: ["Showing the environment variable's current value.", "Angezeigt wird der aktuelle Wert der Umgebungsvariablen."],
        sourceDefault: ["The environment variable has no current value: the default value applies.", "Die Umgebungsvariable hat keinen aktuellen Wert: Es gilt der Standardwert."],
        experience: ["Records qualification creates", "Datensätze, die beim Qualifizieren erstellt werden"],
        experienceHelp: [
            "\"As the seller chooses\" follows the choices in the Qualify dialog; \"Always\" and \"Never\" override them.",
            "„Wie vom Verkäufer gewählt“ folgt der Auswahl im Dialog „Qualifizieren“; „Immer“ und „Nie“ setzen sie außer Kraft.",
        ],
        account: ["Account", "Firma"],
        contact: ["Contact", "Kontakt"],
        opportunity: ["Opportunity", "Verkaufschance"],
        asRequested: ["As the seller chooses", "Wie vom Verkäufer gewählt"],
        always: ["Always", "Immer"],
        never: ["Never", "Nie"],
        existing: ["Existing accounts and contacts", "Vorhandene Firmen und Kontakte"],
        reuseExisting: ["Use the lead's existing account and contact instead of creating new ones", "Vorhandene Firma und vorhandenen Kontakt des Leads verwenden, statt neue zu erstellen"],
        matchExisting: [
            "Use an active account with the lead's company name, or an active contact with the lead's email, instead of creating a duplicate",
            "Eine aktive Firma mit dem Firmennamen des Leads oder einen aktiven Kontakt mit der E-Mail-Adresse des Leads verwenden, statt ein Duplikat zu erstellen",
        ],
        required: ["Fields required before qualifying", "Pflichtfelder vor dem Qualifizieren"],
        requiredNone: ["No fields are required.", "Es sind keine Felder erforderlich."],
        remove: ["Remove", "Entfernen"],
        add: ["Add", "Hinzufügen"],
        chooseColumn: ["Choose a lead column…", "Spalte des Leads auswählen…"],
        guards: ["Closing leads", "Leads schließen"],
        blockDisqualifyWithOpportunity: [
            "Refuse to disqualify a lead that has an opportunity",
            "Disqualifizieren eines Leads mit Verkaufschance verweigern",
        ],
        finishProcessWithoutOpportunity: [
            "Finish the lead's business process when it is qualified without an opportunity",
            "Geschäftsprozess des Leads abschließen, wenn er ohne Verkaufschance qualifiziert wird",
        ],
        protectClosedLeads: ["Refuse to delete qualified and disqualified leads", "Löschen qualifizierter und disqualifizierter Leads verweigern"],
        json: ["Policy as JSON", "Richtlinie als JSON"],
        jsonHelp: [
            "The value saved in the environment variable lqx_LeadQualificationPolicy. Edit it here or with the fields above.",
            "Der Wert, der in der Umgebungsvariablen lqx_LeadQualificationPolicy gespeichert wird. Bearbeiten Sie ihn hier oder mit den Feldern oben.",
        ],
        invalid: ["The policy is not valid: {0}.", "Die Richtlinie ist ungültig: {0}."],
        save: ["Save", "Speichern"],
        saving: ["Saving…", "Wird gespeichert…"],
        saved: ["Saved. Qualifying and disqualifying leads now follow this policy.", "Gespeichert. Das Qualifizieren und Disqualifizieren von Leads folgt jetzt dieser Richtlinie."],
        failed: ["The policy could not be saved: {0}", "Die Richtlinie konnte nicht gespeichert werden: {0}"],
        loadFailed: ["The policy could not be read: {0}", "Die Richtlinie konnte nicht gelesen werden: {0}"],
        missingDefinition: [
            "The environment variable lqx_LeadQualificationPolicy is missing. Import the LeadQualifyExtensions solution again.",
            "Die Umgebungsvariable lqx_LeadQualificationPolicy fehlt. Importieren Sie die Lösung LeadQualifyExtensions erneut.",
        ],
    } satisfies Record<string, Text>;

    /** A lead column the policy may require, with the label users see. */
    interface Column {
        logicalName: string;
        label: string;
    }

    interface Variable {
        definitionId: string;
        defaultValue: string | null;
        valueId: string | null;
        value: string | null;
    }

    interface AttributeMetadata {
        LogicalName: string;
        AttributeOf?: string | null;
        IsValidForUpdate?: boolean;
        DisplayName?: { UserLocalizedLabel?: { Label?: string } | null } | null;
    }

    /** Starts the page in <paramref name="root"/> with the context GetGlobalContext gives. */
    export async function start(root: HTMLElement, context: Xrm.GlobalContext): Promise<void> {
        const language: Language = context.userSettings.languageId === 1031 ? 1 : 0;
        const t = (text: Text, ...args: string[]) => text[language].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? "");
        const clientUrl = context.getClientUrl();
        document.documentElement.lang = language === 1 ? "de" : "en";
        document.title = t(ui.title);
        root.replaceChildren(element("h1", {}, t(ui.title)), element("p", {}, t(ui.intro)), element("p", { id: "status", role: "status" }, t(ui.loading)));
        root.setAttribute("aria-busy", "true");

        let variable: Variable;
        let columns: Column[];
        try {
            [variable, columns] = await Promise.all([readVariable(clientUrl), readColumns(clientUrl, language)]);
        } catch (error) {
            const message = error instanceof Error && error.message === "missing-definition" ? t(ui.missingDefinition) : t(ui.loadFailed, messageOf(error));
            root.replaceChildren(element("h1", {}, t(ui.title)), element("p", { id: "error", role: "alert", class: "error" }, message));
            root.setAttribute("aria-busy", "false");
            return;
        }

        const form = new PolicyForm(root, language, t, columns);
        const current = variable.value ?? variable.defaultValue ?? "";
        form.show(current, t(variable.value === null ? ui.sourceDefault : ui.sourceValue));
        form.onSave = async (json) => {
            variable = await saveValue(clientUrl, variable, json);
        };
        root.setAttribute("aria-busy", "false");
    }

    /** The form: fields for each setting and the JSON they make; either side can be edited. */
    class PolicyForm {
        onSave: (json: string) => Promise<void> = async () => undefined;
        private policy: Policy.QualificationPolicy = Policy.defaults();
        private readonly json: HTMLTextAreaElement;
        private readonly error: HTMLElement;
        private readonly status: HTMLElement;
        private readonly saveButton: HTMLButtonElement;
        private readonly requiredList: HTMLElement;
        private readonly columnChoice: HTMLSelectElement;
        private readonly fields = new Map<string, HTMLInputElement | HTMLSelectElement>();

        constructor(
            private readonly root: HTMLElement,
            private readonly language: Language,
            private readonly t: (text: Text, ...args: string[]) => string,
            private readonly columns: Column[],
        ) {
            this.json = element("textarea", { id: "policy-json", rows: "6", spellcheck: "false", "aria-describedby": "json-help" }) as HTMLTextAreaElement;
            this.error = element("p", { id: "error", role: "alert", class: "error", hidden: "" });
            this.status = element("p", { id: "status", role: "status" });
            this.saveButton = element("button", { id: "save", type: "button" }, t(ui.save)) as HTMLButtonElement;
            this.requiredList = element("ul", { id: "required-fields" });
            this.columnChoice = element("select", { id: "add-column", "aria-label": t(ui.chooseColumn) }) as HTMLSelectElement;
            this.build();
        }

        show(json: string, source: string): void {
            this.json.value = json;
            this.status.textContent = source;
            this.readJson();
        }

        private build(): void {
            const t = this.t;
            const modeRow = (key: "account" | "contact" | "opportunity") => {
                const select = element("select", { id: key }) as HTMLSelectElement;
                for (const mode of Policy.modes) {
                    select.append(element("option", { value: mode }, t(ui[mode])));
                }

                select.addEventListener("change", () => this.fromFields());
                this.fields.set(key, select);
                return element("div", { class: "row" }, element("label", { for: key }, t(ui[key])), select);
            };
            const flag = (key: "reuseExisting" | "matchExisting" | "blockDisqualifyWithOpportunity" | "finishProcessWithoutOpportunity" | "protectClosedLeads") => {
                const box = element("input", { id: key, type: "checkbox" }) as HTMLInputElement;
                box.addEventListener("change", () => this.fromFields());
                this.fields.set(key, box);
                return element("div", { class: "row" }, box, element("label", { for: key }, t(ui[key])));
            };

            const addButton = element("button", { id: "add", type: "button" }, t(ui.add));
            addButton.addEventListener("click", () => {
                if (this.columnChoice.value) {
                    this.policy.requiredFields.push(this.columnChoice.value);
                    this.fromFields();
                }
            });
            this.json.addEventListener("input", () => this.readJson());
            this.saveButton.addEventListener("click", () => void this.save());

            this.root.replaceChildren(
                element("h1", {}, t(ui.title)),
                element("p", {}, t(ui.intro)),
                this.status,
                element("fieldset", {}, element("legend", {}, t(ui.experience)), element("p", { class: "help" }, t(ui.experienceHelp)), modeRow("account"), modeRow("contact"), modeRow("opportunity")),
                element("fieldset", {}, element("legend", {}, t(ui.existing)), flag("reuseExisting"), flag("matchExisting")),
                element("fieldset", {}, element("legend", {}, t(ui.required)), this.requiredList, element("div", { class: "row" }, this.columnChoice, addButton)),
                element("fieldset", {}, element("legend", {}, t(ui.guards)), flag("blockDisqualifyWithOpportunity"), flag("finishProcessWithoutOpportunity"), flag("protectClosedLeads")),
                element("fieldset", {}, element("legend", {}, element("label", { for: "policy-json" }, t(ui.json))), element("p", { id: "json-help", class: "help" }, t(ui.jsonHelp)), this.json),
                this.error,
                element("div", { class: "actions" }, this.saveButton),
            );
        }

        /** The JSON text changed: show its settings in the fields, or why it is not valid. */
        private readJson(): boolean {
            const result = Policy.parse(this.json.value);
            if (result.problem) {
                this.showError(this.t(ui.invalid, Policy.render(result.problem, this.language === 1 ? 1031 : 1033)));
                this.setFieldsEnabled(false);
                return false;
            }

            this.policy = result.policy;
            this.showError(null);
            this.setFieldsEnabled(true);
            this.toFields();
            return true;
        }

        /** A field changed: the policy and its JSON follow. */
        private fromFields(): void {
            for (const key of ["account", "contact", "opportunity"] as const) {
                this.policy[key] = this.fields.get(key)!.value as Policy.Mode;
            }

            for (const key of ["reuseExisting", "matchExisting", "blockDisqualifyWithOpportunity", "finishProcessWithoutOpportunity", "protectClosedLeads"] as const) {
                this.policy[key] = (this.fields.get(key) as HTMLInputElement).checked;
            }

            this.json.value = Policy.serialize(this.policy);
            this.toFields();
        }

        private toFields(): void {
            for (const key of ["account", "contact", "opportunity"] as const) {
                this.fields.get(key)!.value = this.policy[key];
            }

            for (const key of ["reuseExisting", "matchExisting", "blockDisqualifyWithOpportunity", "finishProcessWithoutOpportunity", "protectClosedLeads"] as const) {
                (this.fields.get(key) as HTMLInputElement).checked = this.policy[key];
            }

            const required = this.policy.requiredFields;
            this.requiredList.replaceChildren(
                ...(required.length === 0
                    ? [element("li", { class: "none" }, this.t(ui.requiredNone))]
                    : required.map((name) => {
                          const remove = element("button", { type: "button", "data-column": name, "aria-label": `${this.t(ui.remove)}: ${this.labelOf(name)}` }, this.t(ui.remove));
                          remove.addEventListener("click", () => {
                              this.policy.requiredFields = this.policy.requiredFields.filter((c) => c !== name);
                              this.fromFields();
                          });
                          return element("li", { "data-column": name }, element("span", {}, this.labelOf(name)), element("code", {}, name), remove);
                      })),
            );
            this.columnChoice.replaceChildren(
                element("option", { value: "" }, this.t(ui.chooseColumn)),
                ...this.columns.filter((c) => !required.includes(c.logicalName)).map((c) => element("option", { value: c.logicalName }, `${c.label} (${c.logicalName})`)),
            );
        }

        private labelOf(name: string): string {
            return this.columns.find((c) => c.logicalName === name)?.label ?? name;
        }

        private setFieldsEnabled(enabled: boolean): void {
            for (const field of this.fields.values()) {
                field.disabled = !enabled;
            }

            this.columnChoice.disabled = !enabled;
            this.saveButton.disabled = !enabled;
            // While the JSON is not valid, the fields show the last valid policy and must not overwrite the text.
            for (const button of this.root.querySelectorAll<HTMLButtonElement>("#required-fields button, #add")) {
                button.disabled = !enabled;
            }
        }

        private showError(message: string | null): void {
            this.error.hidden = message === null;
            this.error.textContent = message ?? "";
        }

        private async save(): Promise<void> {
            if (!this.readJson()) {
                return;
            }

            this.saveButton.disabled = true;
            this.status.textContent = this.t(ui.saving);
            try {
                await this.onSave(this.json.value);
                this.status.textContent = this.t(ui.saved);
            } catch (error) {
                this.status.textContent = "";
                this.showError(this.t(ui.failed, messageOf(error)));
            } finally {
                this.saveButton.disabled = false;
            }
        }
    }

    async function readVariable(clientUrl: string): Promise<Variable> {
        const definitions = await Api.rows<{ environmentvariabledefinitionid: string; defaultvalue: string | null }>(
            clientUrl,
            `environmentvariabledefinitions?$select=environmentvariabledefinitionid,defaultvalue&$filter=schemaname eq '${Policy.variableName}'`,
        );
        if (definitions.length === 0) {
            throw new Error("missing-definition");
        }

        const definitionId = definitions[0].environmentvariabledefinitionid;
        const values = await Api.rows<{ environmentvariablevalueid: string; value: string | null }>(
            clientUrl,
            `environmentvariablevalues?$select=environmentvariablevalueid,value&$filter=_environmentvariabledefinitionid_value eq ${definitionId}`,
        );
        return {
            definitionId,
            defaultValue: definitions[0].defaultvalue,
            valueId: values[0]?.environmentvariablevalueid ?? null,
            value: values[0]?.value ?? null,
        };
    }

    /** Writes the current value: updates the existing value row, or creates one bound to the definition. */
    async function saveValue(clientUrl: string, variable: Variable, json: string): Promise<Variable> {
        if (variable.valueId !== null) {
            await Api.send(clientUrl, "PATCH", `environmentvariablevalues(${variable.valueId})`, { value: json }, { "If-Match": "*" });
            return { ...variable, value: json };
        }

        const created = await Api.send<{ environmentvariablevalueid: string }>(
            clientUrl,
            "POST",
            "environmentvariablevalues?$select=environmentvariablevalueid",
            {
                schemaname: Policy.variableName,
                value: json,
                "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${variable.definitionId})`,
            },
            { Prefer: "return=representation" },
        );
        return { ...variable, valueId: created?.environmentvariablevalueid ?? null, value: json };
    }

    /** The lead columns the policy may require, labelled from the organization's metadata in the user's language. */
    async function readColumns(clientUrl: string, language: Language): Promise<Column[]> {
        const attributes = await Api.rows<AttributeMetadata>(
            clientUrl,
            "EntityDefinitions(LogicalName='lead')/Attributes?$select=LogicalName,DisplayName,IsValidForUpdate,AttributeOf",
        );
        const fallback = (name: string) => {
            const known = Policy.LeadColumns.labelled.find((c) => c.logicalName === name);
            return known ? (language === 1 ? known.german : known.english) : name;
        };
        return attributes
            .filter((a) => !a.AttributeOf && a.IsValidForUpdate !== false && Policy.requirableColumn(a.LogicalName) !== null)
            .map((a) => ({ logicalName: a.LogicalName, label: a.DisplayName?.UserLocalizedLabel?.Label || fallback(a.LogicalName) }))
            .sort((a, b) => a.label.localeCompare(b.label, language === 1 ? "de" : "en"));
    }

    function messageOf(error: unknown): string {
        return error instanceof Error ? error.message : String(error);
    }

    function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) {
            node.setAttribute(name, value);
        }

        node.append(...children);
        return node;
    }
}
