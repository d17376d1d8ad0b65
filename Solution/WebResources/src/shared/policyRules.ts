/*
 * The lead qualification policy as the plug-ins read it (Plugins/Policy/QualificationPolicy.cs): the same strict JSON,
 * the same keys, defaults and refusals, worded the same in English and German. tests/Shared/policy-vectors.json runs
 * against both; change one side and the vectors fail until the other follows.
 */
namespace LeadQualifyExtensions.Policy {
    /** How qualification treats an account, contact or opportunity. */
    export type Mode = "asRequested" | "always" | "never";

    /** The policy with every key present (left-out keys take their defaults). */
    export interface QualificationPolicy {
        requiredFields: string[];
        account: Mode;
        contact: Mode;
        opportunity: Mode;
        reuseExisting: boolean;
        matchExisting: boolean;
        blockDisqualifyWithOpportunity: boolean;
        finishProcessWithoutOpportunity: boolean;
        protectClosedLeads: boolean;
    }

    /** A malformed policy: which rule it breaks, with the (already quoted) values the message names. */
    export interface Problem {
        text: keyof typeof texts;
        args: (string | number)[];
    }

    export type ParseResult = { policy: QualificationPolicy; problem?: undefined } | { policy?: undefined; problem: Problem };

    /** Schema name of the environment variable that holds the policy. */
    export const variableName = "lqx_LeadQualificationPolicy";

    export const modes: readonly Mode[] = ["asRequested", "always", "never"];

    const modeKeys = ["account", "contact", "opportunity"] as const;
    const flagKeys = ["reuseExisting", "matchExisting", "blockDisqualifyWithOpportunity", "finishProcessWithoutOpportunity", "protectClosedLeads"] as const;

    /** The shipped default (environmentvariabledefinition.xml); also what a blank value means. */
    export function defaults(): QualificationPolicy {
        return {
            requiredFields: ["budgetamount", "purchasetimeframe", "purchaseprocess"],
            account: "asRequested",
            contact: "asRequested",
            opportunity: "asRequested",
            reuseExisting: true,
            matchExisting: true,
            blockDisqualifyWithOpportunity: true,
            finishProcessWithoutOpportunity: false,
            protectClosedLeads: true,
        };
    }

    /** English and German wording of each problem, as PolicyTexts.cs words it. */
    export const texts = {
        NotJson: ["it is not valid JSON (the error is at character {0})", "sie ist kein gültiges JSON (der Fehler liegt bei Zeichen {0})"],
        NotAnObject: ["it must be a JSON object in curly braces", "sie muss ein JSON-Objekt in geschweiften Klammern sein"],
        UnknownKey: ["the setting \"{0}\" is not known", "die Einstellung „{0}“ ist unbekannt"],
        DuplicateKey: ["the setting \"{0}\" appears more than once", "die Einstellung „{0}“ kommt mehrfach vor"],
        NotBoolean: ["the setting \"{0}\" must be true or false", "die Einstellung „{0}“ muss true oder false sein"],
        NotColumnList: [
            "the setting \"requiredFields\" must be a list of lead column names in quotes",
            "die Einstellung „requiredFields“ muss eine Liste von Spaltennamen des Leads in Anführungszeichen sein",
        ],
        ModeNotText: [
            "the setting \"{0}\" must be \"asRequested\", \"always\" or \"never\"",
            "die Einstellung „{0}“ muss „asRequested“, „always“ oder „never“ sein",
        ],
        UnknownMode: [
            "the setting \"{0}\" has the unknown value \"{1}\"; use \"asRequested\", \"always\" or \"never\"",
            "die Einstellung „{0}“ hat den unbekannten Wert „{1}“; verwenden Sie „asRequested“, „always“ oder „never“",
        ],
        NotLeadColumn: ["\"{0}\" in \"requiredFields\" is not a lead column", "„{0}“ in „requiredFields“ ist keine Spalte des Leads"],
    } as const;

    /** The problem in the user's language: German for 1031, English otherwise (as UserText.For). */
    export function render(problem: Problem, languageCode: number): string {
        const wording = texts[problem.text][languageCode === 1031 ? 1 : 0];
        return wording.replace(/\{(\d)\}/g, (_, index: string) => String(problem.args[Number(index)]));
    }

    /** Parses the variable's value; blank means "not set" and gives the defaults. */
    export function parse(json: string | null | undefined): ParseResult {
        if (json == null || isBlank(json)) {
            return { policy: defaults() };
        }

        let root: JsonValue;
        try {
            root = StrictJson.parse(json);
        } catch (error) {
            if (error instanceof StrictJson.SyntaxError) {
                return problem("NotJson", error.position);
            }

            throw error;
        }

        if (root.kind !== "object") {
            return problem("NotAnObject");
        }

        const policy = defaults();
        const seen = new Set<string>();
        for (const [key, value] of root.members) {
            if (seen.has(key)) {
                return problem("DuplicateKey", quote(key));
            }

            seen.add(key);
            if (key === "requiredFields") {
                const columns = readColumns(value);
                if ("problem" in columns) {
                    return columns;
                }

                policy.requiredFields = columns.list;
            } else if ((modeKeys as readonly string[]).includes(key)) {
                if (value.kind !== "string") {
                    return problem("ModeNotText", quote(key));
                }

                if (!(modes as readonly string[]).includes(value.text)) {
                    return problem("UnknownMode", quote(key), quote(value.text));
                }

                policy[key as (typeof modeKeys)[number]] = value.text as Mode;
            } else if ((flagKeys as readonly string[]).includes(key)) {
                if (value.kind !== "boolean") {
                    return problem("NotBoolean", quote(key));
                }

                policy[key as (typeof flagKeys)[number]] = value.value;
            } else {
                return problem("UnknownKey", quote(key));
            }
        }

        return { policy };
    }

    /** The JSON the page saves: every key, in the order of the shipped default. */
    export function serialize(policy: QualificationPolicy): string {
        const ordered: QualificationPolicy = {
            requiredFields: policy.requiredFields,
            account: policy.account,
            contact: policy.contact,
            opportunity: policy.opportunity,
            reuseExisting: policy.reuseExisting,
            matchExisting: policy.matchExisting,
            blockDisqualifyWithOpportunity: policy.blockDisqualifyWithOpportunity,
            finishProcessWithoutOpportunity: policy.finishProcessWithoutOpportunity,
            protectClosedLeads: policy.protectClosedLeads,
        };
        return JSON.stringify(ordered);
    }

    /**
     * The column a policy may require under this name, as its logical name; null when the plug-ins refuse it: a column
     * we label, one Microsoft documents as writable, or a custom column (publisher prefix, "_", a name).
     */
    export function requirableColumn(name: string): string | null {
        const logicalName = netTrim(name).toLowerCase();
        return LeadColumns.labelled.some((c) => c.logicalName === logicalName)
            || LeadColumns.documented.includes(logicalName)
            || isCustomColumnName(logicalName)
            ? logicalName
            : null;
    }

    /** A custom column's logical name: a letter, 1–7 more letters or digits, "_", then letters, digits or "_". */
    export function isCustomColumnName(name: string): boolean {
        const underscore = name.indexOf("_");
        return underscore >= 2 && underscore <= 8 && underscore !== name.length - 1 && /^[a-z]/.test(name) && /^[a-z0-9_]*$/.test(name);
    }

    function readColumns(value: JsonValue): { list: string[] } | { problem: Problem } {
        if (value.kind !== "array" || value.items.some((item) => item.kind !== "string")) {
            return problem("NotColumnList");
        }

        const list: string[] = [];
        for (const item of value.items) {
            const text = (item as JsonString).text;
            const column = requirableColumn(text);
            if (column === null) {
                return problem("NotLeadColumn", quote(text));
            }

            if (!list.includes(column)) {
                list.push(column);
            }
        }

        return { list };
    }

    function problem(text: Problem["text"], ...args: (string | number)[]): { problem: Problem } {
        return { problem: { text, args } };
    }

    /** The longest quote of the administrator's text before "…" (PolicyQuote.MaxLength). */
    export const maxQuoteLength = 200;

    /** Quotes administrator text as PolicyQuote.Of: at most 200 UTF-16 units, control, format and surrogate units escaped. */
    export function quote(text: string): string {
        let result = "";
        for (let i = 0; i < text.length; i++) {
            if (i === maxQuoteLength) {
                return result + "…";
            }

            const unit = text.charAt(i);
            const code = text.charCodeAt(i);
            if (/\p{Cc}|\p{Cf}/u.test(unit) || (code >= 0xd800 && code <= 0xdfff)) {
                result += "\\u" + code.toString(16).padStart(4, "0");
            } else {
                result += unit;
            }
        }

        return result;
    }

    // .NET's char.IsWhiteSpace (what string.IsNullOrWhiteSpace and Trim use): JavaScript's \s adds U+FEFF and lacks U+0085.
    const netWhiteSpace = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    function isBlank(text: string): boolean {
        return [...text].every((c) => netWhiteSpace.includes(c));
    }

    function netTrim(text: string): string {
        let start = 0;
        let end = text.length;
        while (start < end && netWhiteSpace.includes(text.charAt(start))) {
            start++;
        }

        while (end > start && netWhiteSpace.includes(text.charAt(end - 1))) {
            end--;
        }

        return text.substring(start, end);
    }

    export type JsonString = { kind: "string"; text: string };
    export type JsonValue =
        | { kind: "object"; members: [string, JsonValue][] }
        | { kind: "array"; items: JsonValue[] }
        | JsonString
        | { kind: "boolean"; value: boolean }
        | { kind: "null" }
        | { kind: "number"; text: string };

    /**
     * RFC 8259 without extensions, as StrictJsonReader.cs reads it: duplicate keys kept (JSON.parse would drop them),
     * lone surrogates refused, 32 nested containers at most, errors at the same 1-based character.
     */
    export namespace StrictJson {
        const maxDepth = 32;

        export class SyntaxError extends Error {
            constructor(readonly position: number) {
                super("Invalid JSON at character " + position);
            }
        }

        export function parse(text: string): JsonValue {
            const reader = new Reader(text);
            const value = reader.value(0);
            reader.skipWhitespace();
            if (reader.index !== text.length) {
                throw reader.error();
            }

            return value;
        }

        class Reader {
            index = 0;

            constructor(private readonly text: string) {}

            value(depth: number): JsonValue {
                this.skipWhitespace();
                if (this.index >= this.text.length) {
                    throw this.error();
                }

                switch (this.text.charAt(this.index)) {
                    case "{":
                        return this.object(depth);
                    case "[":
                        return this.array(depth);
                    case "\"":
                        return { kind: "string", text: this.string() };
                    case "t":
                        this.word("true");
                        return { kind: "boolean", value: true };
                    case "f":
                        this.word("false");
                        return { kind: "boolean", value: false };
                    case "n":
                        this.word("null");
                        return { kind: "null" };
                    default:
                        return { kind: "number", text: this.number() };
                }
            }

            private object(depth: number): JsonValue {
                this.enter(depth);
                const members: [string, JsonValue][] = [];
                this.skipWhitespace();
                if (this.peek() === "}") {
                    this.index++;
                    return { kind: "object", members };
                }

                for (;;) {
                    this.skipWhitespace();
                    if (this.peek() !== "\"") {
                        throw this.error();
                    }

                    const key = this.string();
                    this.skipWhitespace();
                    this.expect(":");
                    members.push([key, this.value(depth + 1)]);
                    this.skipWhitespace();
                    if (this.peek() === ",") {
                        this.index++;
                        continue;
                    }

                    this.expect("}");
                    return { kind: "object", members };
                }
            }

            private array(depth: number): JsonValue {
                this.enter(depth);
                const items: JsonValue[] = [];
                this.skipWhitespace();
                if (this.peek() === "]") {
                    this.index++;
                    return { kind: "array", items };
                }

                for (;;) {
                    items.push(this.value(depth + 1));
                    this.skipWhitespace();
                    if (this.peek() === ",") {
                        this.index++;
                        continue;
                    }

                    this.expect("]");
                    return { kind: "array", items };
                }
            }

            private enter(depth: number): void {
                if (depth >= maxDepth) {
                    throw this.error();
                }

                this.index++;
            }

            private string(): string {
                this.index++;
                let result = "";
                while (this.index < this.text.length) {
                    const c = this.text.charAt(this.index);
                    if (c === "\"") {
                        this.index++;
                        return this.wellFormed(result);
                    }

                    if (c < " ") {
                        throw this.error();
                    }

                    this.index++;
                    result += c === "\\" ? this.escape() : c;
                }

                throw this.error();
            }

            // Unicode text has no surrogate without its partner, raw or escaped.
            private wellFormed(text: string): string {
                for (let i = 0; i < text.length; i++) {
                    const code = text.charCodeAt(i);
                    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
                    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
                        i++;
                    } else if (code >= 0xd800 && code <= 0xdfff) {
                        throw this.error();
                    }
                }

                return text;
            }

            private escape(): string {
                const c = this.peek();
                this.index++;
                switch (c) {
                    case "\"":
                    case "\\":
                    case "/":
                        return c;
                    case "b":
                        return "\b";
                    case "f":
                        return "\f";
                    case "n":
                        return "\n";
                    case "r":
                        return "\r";
                    case "t":
                        return "\t";
                    case "u": {
                        const hex = this.text.substring(this.index, this.index + 4);
                        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
                            throw this.error();
                        }

                        this.index += 4;
                        return String.fromCharCode(parseInt(hex, 16));
                    }
                    default:
                        this.index--;
                        throw this.error();
                }
            }

            private number(): string {
                const start = this.index;
                if (this.peek() === "-") {
                    this.index++;
                }

                if (this.peek() === "0") {
                    this.index++;
                } else if (!this.digits()) {
                    throw this.error();
                }

                if (this.peek() === ".") {
                    this.index++;
                    if (!this.digits()) {
                        throw this.error();
                    }
                }

                if (this.peek() === "e" || this.peek() === "E") {
                    this.index++;
                    if (this.peek() === "+" || this.peek() === "-") {
                        this.index++;
                    }

                    if (!this.digits()) {
                        throw this.error();
                    }
                }

                return this.text.substring(start, this.index);
            }

            private digits(): boolean {
                const start = this.index;
                while (this.peek() >= "0" && this.peek() <= "9") {
                    this.index++;
                }

                return this.index > start;
            }

            private word(word: string): void {
                if (this.text.substring(this.index, this.index + word.length) !== word) {
                    throw this.error();
                }

                this.index += word.length;
            }

            private expect(c: string): void {
                if (this.peek() !== c) {
                    throw this.error();
                }

                this.index++;
            }

            private peek(): string {
                return this.index < this.text.length ? this.text.charAt(this.index) : "\0";
            }

            skipWhitespace(): void {
                for (let c = this.peek(); c === " " || c === "\t" || c === "\n" || c === "\r"; c = this.peek()) {
                    this.index++;
                }
            }

            error(): SyntaxError {
                return new SyntaxError(Math.min(this.index, this.text.length) + 1);
            }
        }
    }
}
