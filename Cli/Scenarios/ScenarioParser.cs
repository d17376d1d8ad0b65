using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Security;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>
/// Reads a scenario file and checks it completely before anything runs: shape, value forms, tables and columns
/// the emulator knows, and that every alias is defined before it is used. Problems carry their JSON path.
/// </summary>
public static class ScenarioParser
{
    private static readonly string[] TopLevelKeys = ["name", "settings", "users", "records", "now", "steps", "description"];

    private static readonly string[] Actions =
        ["create", "update", "setState", "delete", "qualify", "qualifyMany", "activity", "execute", "check", "count", "process", "advanceClock", "batch"];

    private static readonly string[] BatchActions = ["create", "update", "setState", "delete", "qualify"];

    private static readonly string[] ProcessStatuses = ["Active", "Finished", "Aborted"];

    /// <summary>Largest scenario file read, in bytes: a story is kilobytes; /dev/zero or a stray dump is refused.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Longest clock step, in days (100 years either way), so the clock stays a date the platform stores.</summary>
    public const int MaxClockDays = 36_500;

    /// <summary>The dates the platform stores (1753-01-01 … 9999-12-31), so "now" must lie between them.</summary>
    public static readonly DateTime EarliestDate = new(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>See <see cref="EarliestDate"/>.</summary>
    public static readonly DateTime LatestDate = new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static Scenario ParseFile(string path)
    {
        string text;
        try
        {
            text = ReadBounded(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFileException("$", $"cannot read the file: {exception.Message}");
        }

        return Parse(text, path);
    }

    // Counted while reading: /dev/zero, pipes and devices report no length.
    private static string ReadBounded(string path)
    {
        using var file = File.OpenRead(path);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new ScenarioFileException("$", $"the file is larger than {MaxFileBytes / (1024 * 1024)} MB; a scenario file is a short story, not data");
            }

            buffer.Write(chunk, 0, read);
        }

        return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    /// <summary>Reads and validates scenario JSON; <paramref name="file"/> only labels the result.</summary>
    public static Scenario Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new ScenarioFileException("$", $"not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1})");
        }

        using (document)
        {
            RefuseDuplicateKeys(document.RootElement, "$");
            return new Reader().Scenario(document.RootElement, file);
        }
    }

    // JSON leaves duplicate keys undefined and the reader would silently keep one: a scenario that says two things
    // about one key is refused with the key's path.
    private static void RefuseDuplicateKeys(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = path + "." + property.Name;
                if (!seen.Add(property.Name))
                {
                    throw new ScenarioFileException(propertyPath, "the key appears more than once in this object");
                }

                RefuseDuplicateKeys(property.Value, propertyPath);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                RefuseDuplicateKeys(item, $"{path}[{index++}]");
            }
        }
    }

    private sealed class Reader
    {
        private readonly HashSet<string> _records = new(StringComparer.Ordinal);
        private readonly HashSet<string> _users = new(StringComparer.Ordinal);

        public Scenario Scenario(JsonElement root, string file)
        {
            Require(root, JsonValueKind.Object, "$", "a scenario must be a JSON object");
            Keys(root, "$", TopLevelKeys);
            if (!root.TryGetProperty("name", out var nameElement))
            {
                throw new ScenarioFileException("$.name", "is required");
            }

            var name = String(nameElement, "$.name");
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("settings", out var settingsElement))
            {
                Require(settingsElement, JsonValueKind.Object, "$.settings", "must be an object of environment variable values");
                foreach (var property in settingsElement.EnumerateObject())
                {
                    settings[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Null => throw new ScenarioFileException($"$.settings.{property.Name}", "must have a value (leave the key out to keep the default)"),
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            var users = new List<UserSpec>();
            foreach (var (user, path) in Items(root, "users"))
            {
                Require(user, JsonValueKind.Object, path, "a user must be an object");
                Keys(user, path, ["alias", "language", "roles"]);
                var alias = RequiredString(user, "alias", path);
                if (!_users.Add(alias))
                {
                    throw new ScenarioFileException(path + ".alias", $"the user alias '{alias}' is used twice");
                }

                var language = user.TryGetProperty("language", out var l) ? Int(l, path + ".language") : 1033;
                var roles = new List<string>();
                if (user.TryGetProperty("roles", out var r))
                {
                    Require(r, JsonValueKind.Array, path + ".roles", "roles must be an array of security role names");
                    var index = 0;
                    foreach (var role in r.EnumerateArray())
                    {
                        var rolePath = $"{path}.roles[{index++}]";
                        var roleName = String(role, rolePath);
                        if (!SecurityModel.StandardRoleNames.Contains(roleName, StringComparer.OrdinalIgnoreCase))
                        {
                            throw new ScenarioFileException(rolePath, $"'{roleName}' is not a security role of the emulator ({string.Join(", ", SecurityModel.StandardRoleNames)})");
                        }

                        roles.Add(roleName);
                    }
                }

                users.Add(new UserSpec(alias, language, roles));
            }

            var records = new List<RecordSpec>();
            foreach (var (record, path) in Items(root, "records"))
            {
                Require(record, JsonValueKind.Object, path, "a record must be an object");
                Keys(record, path, ["alias", "table", "values"]);
                var table = Table(record, path);
                var values = Values(record, "values", path, table, optional: true);
                var alias = record.TryGetProperty("alias", out var a) ? String(a, path + ".alias") : null;
                if (alias is not null)
                {
                    Define(alias, path + ".alias");
                }

                records.Add(new RecordSpec(alias ?? string.Empty, table, values, path));
            }

            DateTime? now = null;
            if (root.TryGetProperty("now", out var nowElement))
            {
                now = Instant(nowElement, "$.now");
                if (now < EarliestDate || now > LatestDate)
                {
                    throw new ScenarioFileException("$.now", "must lie between 1753-01-01 and 9999-12-31, the dates the platform stores");
                }
            }

            var steps = new List<ScenarioStep>();
            var number = 0;
            foreach (var (step, path) in Items(root, "steps"))
            {
                steps.Add(ReadStep(step, path, ++number));
            }

            return new Scenario(name, file, settings, users, records, now, steps);
        }

        private ScenarioStep ReadStep(JsonElement element, string path, int number)
        {
            Require(element, JsonValueKind.Object, path, "a step must be an object");
            Keys(element, path, [.. Actions, "as", "expect", "note"]);
            var actions = element.EnumerateObject().Select(p => p.Name).Where(n => Actions.Contains(n, StringComparer.Ordinal)).ToList();
            if (actions.Count != 1)
            {
                throw new ScenarioFileException(path, actions.Count == 0
                    ? $"a step needs one action key ({string.Join(", ", Actions)})"
                    : $"a step has exactly one action key, this one has {string.Join(" and ", actions)}");
            }

            string? user = null;
            if (element.TryGetProperty("as", out var asElement))
            {
                user = String(asElement, path + ".as");
                if (!_users.Contains(user))
                {
                    throw new ScenarioFileException(path + ".as", $"no user has the alias '{user}'");
                }
            }

            var action = actions[0];
            var step = Action(element, path, action);
            var expect = element.TryGetProperty("expect", out var e) ? Expect(e, path + ".expect", action) : new Expectation();
            return step with { Number = number, Path = path, As = user, Expect = expect };
        }

        private ScenarioStep Action(JsonElement element, string path, string action)
        {
            var body = element.GetProperty(action);
            var bodyPath = path + "." + action;
            return action switch
            {
                "create" => Create(body, bodyPath),
                "update" => new UpdateStep(Reference(body, "ref", bodyPath), Values(body, "values", bodyPath, null, optional: false)),
                "setState" => SetState(body, bodyPath),
                "delete" => Delete(body, bodyPath),
                "qualify" => Qualify(body, bodyPath),
                "qualifyMany" => QualifyMany(body, bodyPath),
                "activity" => Activity(body, bodyPath),
                "execute" => Execute(body, bodyPath),
                "check" => Check(body, bodyPath),
                "count" => Count(body, bodyPath),
                "process" => Process(body, bodyPath),
                "batch" => Batch(body, bodyPath),
                _ => AdvanceClock(body, bodyPath),
            };
        }

        private BatchStep Batch(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { mode, continueOnError, requests }");
            Keys(body, path, ["mode", "continueOnError", "requests"]);
            var mode = RequiredString(body, "mode", path);
            if (mode is not ("transaction" or "multiple"))
            {
                throw new ScenarioFileException(path + ".mode", "must be \"transaction\" or \"multiple\"");
            }

            var continueOnError = body.TryGetProperty("continueOnError", out var c) && Bool(c, path + ".continueOnError");
            if (!body.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array || requests.GetArrayLength() == 0)
            {
                throw new ScenarioFileException(path + ".requests", "must be a non-empty list of requests");
            }

            var list = new List<ScenarioStep>();
            var index = 0;
            foreach (var request in requests.EnumerateArray())
            {
                var requestPath = $"{path}.requests[{index++}]";
                Require(request, JsonValueKind.Object, requestPath, "a request must be an object with one action key");
                Keys(request, requestPath, BatchActions);
                var names = request.EnumerateObject().Select(p => p.Name).ToList();
                if (names.Count != 1)
                {
                    throw new ScenarioFileException(requestPath, $"a request has exactly one action key ({string.Join(", ", BatchActions)})");
                }

                list.Add(Action(request, requestPath, names[0]) with { Path = requestPath });
            }

            return new BatchStep(mode == "transaction", continueOnError, list);
        }

        private CreateStep Create(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { alias, table, values }");
            Keys(body, path, ["alias", "table", "values"]);
            var table = Table(body, path);
            var values = Values(body, "values", path, table, optional: true);
            string? alias = null;
            if (body.TryGetProperty("alias", out var a))
            {
                alias = String(a, path + ".alias");
                Define(alias, path + ".alias");
            }

            return new CreateStep(alias, table, values);
        }

        private SetStateStep SetState(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { ref, state, status }");
            Keys(body, path, ["ref", "state", "status"]);
            var target = Reference(body, "ref", path);
            var state = body.TryGetProperty("state", out var s) ? Int(s, path + ".state") : throw new ScenarioFileException(path + ".state", "is required");
            var status = body.TryGetProperty("status", out var st) ? Int(st, path + ".status") : -1;
            return new SetStateStep(target, state, status);
        }

        private DeleteStep Delete(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { ref }");
            Keys(body, path, ["ref"]);
            return new DeleteStep(Reference(body, "ref", path));
        }

        private QualifyStep Qualify(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { lead, createAccount, createContact, createOpportunity, status }");
            Keys(body, path, ["lead", .. FlagKeys]);
            return new QualifyStep(Reference(body, "lead", path), Flags(body, path));
        }

        private QualifyManyStep QualifyMany(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { leads, createAccount, createContact, createOpportunity, status }");
            Keys(body, path, ["leads", .. FlagKeys]);
            if (!body.TryGetProperty("leads", out var leads) || leads.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioFileException(path + ".leads", "must be a list of lead aliases");
            }

            var list = new List<ValueSpec>();
            var index = 0;
            foreach (var lead in leads.EnumerateArray())
            {
                list.Add(ReferenceValue(lead, $"{path}.leads[{index++}]"));
            }

            return new QualifyManyStep(list, Flags(body, path));
        }

        private static readonly string[] FlagKeys =
            ["createAccount", "createContact", "createOpportunity", "status", "customer", "currency", "campaign", "processInstance"];

        private QualifyFlags Flags(JsonElement body, string path)
        {
            bool Flag(string key) => body.TryGetProperty(key, out var v) && Bool(v, path + "." + key);
            ValueSpec? Optional(string key) => body.TryGetProperty(key, out var v) ? ReferenceValue(v, path + "." + key) : null;
            var status = body.TryGetProperty("status", out var s) ? Int(s, path + ".status") : -1;
            return new QualifyFlags(
                Flag("createAccount"), Flag("createContact"), Flag("createOpportunity"), status,
                Optional("customer"), Optional("currency"), Optional("campaign"), Optional("processInstance"));
        }

        private ActivityStep Activity(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { type, target, inputs }");
            Keys(body, path, ["type", "target", "inputs"]);
            var type = RequiredString(body, "type", path);
            var target = body.TryGetProperty("target", out var t) ? ReferenceValue(t, path + ".target") : null;
            return new ActivityStep(type, target, Values(body, "inputs", path, null, optional: true));
        }

        private ExecuteStep Execute(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { request, parameters }");
            Keys(body, path, ["request", "parameters"]);
            return new ExecuteStep(RequiredString(body, "request", path), Values(body, "parameters", path, null, optional: true));
        }

        private CheckStep Check(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { ref, values }");
            Keys(body, path, ["ref", "values"]);
            return new CheckStep(Reference(body, "ref", path), Values(body, "values", path, null, optional: false, allowAny: true));
        }

        private CountStep Count(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { table, where, equals }");
            Keys(body, path, ["table", "where", "equals"]);
            var table = Table(body, path);
            var where = Values(body, "where", path, table, optional: true);
            var equals = body.TryGetProperty("equals", out var e) ? Int(e, path + ".equals") : throw new ScenarioFileException(path + ".equals", "is required");
            return new CountStep(table, where, equals);
        }

        private ProcessStep Process(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { ref, stage, status }");
            Keys(body, path, ["ref", "stage", "status"]);
            var target = Reference(body, "ref", path);
            if (!body.TryGetProperty("stage", out var stageElement))
            {
                throw new ScenarioFileException(path + ".stage", "is required (a stage name, or null for no process)");
            }

            var stage = stageElement.ValueKind == JsonValueKind.Null ? null : String(stageElement, path + ".stage");
            string? status = null;
            if (body.TryGetProperty("status", out var s))
            {
                status = String(s, path + ".status");
                if (!ProcessStatuses.Contains(status, StringComparer.Ordinal))
                {
                    throw new ScenarioFileException(path + ".status", $"must be one of {string.Join(", ", ProcessStatuses)}");
                }
            }

            return new ProcessStep(target, stage, status);
        }

        private static AdvanceClockStep AdvanceClock(JsonElement body, string path)
        {
            Require(body, JsonValueKind.Object, path, "must be an object { days, hours }");
            Keys(body, path, ["days", "hours"]);
            var days = body.TryGetProperty("days", out var d) ? ClockAmount(d, path + ".days", MaxClockDays) : 0;
            var hours = body.TryGetProperty("hours", out var h) ? ClockAmount(h, path + ".hours", MaxClockDays * 24m) : 0;
            return new AdvanceClockStep((double)days, (double)hours);
        }

        private static decimal ClockAmount(JsonElement element, string path, decimal max)
        {
            var value = Number(element, path);
            return Math.Abs(value) <= max
                ? value
                : throw new ScenarioFileException(path, string.Create(CultureInfo.InvariantCulture, $"must be between -{max} and {max} (100 years)"));
        }

        private Expectation Expect(JsonElement element, string path, string action)
        {
            Require(element, JsonValueKind.Object, path, "must be an object");
            Keys(element, path, ["ok", "error", "created", "capture", "outputs", "results"]);
            var ok = !element.TryGetProperty("ok", out var okElement) || Bool(okElement, path + ".ok");
            string? contains = null;
            int? code = null;
            if (element.TryGetProperty("error", out var error))
            {
                Require(error, JsonValueKind.Object, path + ".error", "must be an object { contains, code }");
                Keys(error, path + ".error", ["contains", "code"]);
                if (ok && okElement.ValueKind == JsonValueKind.True)
                {
                    throw new ScenarioFileException(path + ".ok", "cannot be true when an error is expected");
                }

                ok = false;
                contains = error.TryGetProperty("contains", out var c) ? String(c, path + ".error.contains") : null;
                if (error.TryGetProperty("code", out var codeElement))
                {
                    code = ErrorCode(codeElement, path + ".error.code");
                }
            }

            Dictionary<string, int>? created = null;
            if (element.TryGetProperty("created", out var createdElement))
            {
                Require(createdElement, JsonValueKind.Object, path + ".created", "must be an object of counts by table");
                created = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var property in createdElement.EnumerateObject())
                {
                    KnownTable(property.Name, $"{path}.created.{property.Name}");
                    created[property.Name] = Int(property.Value, $"{path}.created.{property.Name}");
                }
            }

            Dictionary<string, string>? capture = null;
            if (element.TryGetProperty("capture", out var captureElement))
            {
                Require(captureElement, JsonValueKind.Object, path + ".capture", "must be an object { table: alias }");
                capture = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in captureElement.EnumerateObject())
                {
                    KnownTable(property.Name, $"{path}.capture.{property.Name}");
                    var alias = String(property.Value, $"{path}.capture.{property.Name}");
                    Define(alias, $"{path}.capture.{property.Name}");
                    capture[property.Name] = alias;
                }
            }

            IReadOnlyDictionary<string, ValueSpec>? outputs = null;
            if (element.TryGetProperty("outputs", out _))
            {
                outputs = Values(element, "outputs", path, null, optional: false, allowAny: true);
            }

            int? succeeded = null;
            int? failed = null;
            if (element.TryGetProperty("results", out var results))
            {
                if (action is not ("qualifyMany" or "batch"))
                {
                    throw new ScenarioFileException(path + ".results", "only qualifyMany and batch steps have results");
                }

                Require(results, JsonValueKind.Object, path + ".results", "must be an object { succeeded, failed }");
                Keys(results, path + ".results", ["succeeded", "failed"]);
                succeeded = results.TryGetProperty("succeeded", out var s) ? Int(s, path + ".results.succeeded") : null;
                failed = results.TryGetProperty("failed", out var f) ? Int(f, path + ".results.failed") : null;
            }

            return new Expectation
            {
                Ok = ok,
                ErrorContains = contains,
                ErrorCode = code,
                Created = created,
                Capture = capture,
                Outputs = outputs,
                Succeeded = succeeded,
                Failed = failed,
            };
        }

        private static int ErrorCode(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
            {
                return unchecked((int)number);
            }

            var text = String(element, path);
            var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            return uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
                ? unchecked((int)value)
                : throw new ScenarioFileException(path, $"'{text}' is not an error code like \"0x80040265\"");
        }

        private Dictionary<string, ValueSpec> Values(
            JsonElement parent, string key, string path, string? table, bool optional, bool allowAny = false)
        {
            var valuesPath = path + "." + key;
            if (!parent.TryGetProperty(key, out var element))
            {
                return optional ? [] : throw new ScenarioFileException(valuesPath, "is required");
            }

            Require(element, JsonValueKind.Object, valuesPath, "must be an object of column: value");
            var result = new Dictionary<string, ValueSpec>(StringComparer.Ordinal);
            var definition = table is null ? null : MetadataCatalog.Find(table);
            foreach (var property in element.EnumerateObject())
            {
                var columnPath = valuesPath + "." + property.Name;
                if (definition is not null && !definition.Attributes.ContainsKey(property.Name))
                {
                    throw new ScenarioFileException(columnPath, $"the table '{table}' has no column '{property.Name}'");
                }

                result[property.Name] = Value(property.Value, columnPath, allowAny);
            }

            return result;
        }

        private ValueSpec Value(JsonElement element, string path, bool allowAny)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Null:
                    return new ValueSpec(ValueKind.Null, Path: path);
                case JsonValueKind.String:
                    return new ValueSpec(ValueKind.Text, Text: element.GetString(), Path: path);
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return new ValueSpec(ValueKind.Boolean, Flag: element.GetBoolean(), Path: path);
                case JsonValueKind.Number:
                    var number = Number(element, path);
                    var whole = !element.GetRawText().Contains('.', StringComparison.Ordinal)
                        && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase);
                    return new ValueSpec(whole ? ValueKind.Whole : ValueKind.Number, Number: number, Path: path);
                case JsonValueKind.Object:
                    break;
                default:
                    throw new ScenarioFileException(path, "a value is a string, number, boolean, null or a typed value such as { \"money\": 5000 }");
            }

            var properties = element.EnumerateObject().ToList();
            if (properties.Count != 1)
            {
                throw new ScenarioFileException(path, "a typed value has exactly one key (money, option, options, ref, date, datetime, guid, entity)");
            }

            var typed = properties[0];
            var inner = path + "." + typed.Name;
            switch (typed.Name)
            {
                case "money":
                    return new ValueSpec(ValueKind.Money, Number: Number(typed.Value, inner), Path: path);
                case "option":
                    return new ValueSpec(ValueKind.Option, Number: Int(typed.Value, inner), Path: path);
                case "options":
                    if (typed.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new ScenarioFileException(inner, "must be a list of option values");
                    }

                    var index = 0;
                    var options = typed.Value.EnumerateArray().Select(o => Int(o, $"{inner}[{index++}]")).ToList();
                    return new ValueSpec(ValueKind.Options, Numbers: options, Path: path);
                case "ref":
                    return ReferenceValue(element, path);
                case "date":
                    var date = String(typed.Value, inner);
                    return DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
                        ? new ValueSpec(ValueKind.Date, Instant: DateTime.SpecifyKind(day, DateTimeKind.Utc), Path: path)
                        : throw new ScenarioFileException(inner, $"'{date}' is not a date like 2026-12-01");
                case "datetime":
                    return new ValueSpec(ValueKind.DateTime, Instant: Instant(typed.Value, inner), Path: path);
                case "entity":
                    Require(typed.Value, JsonValueKind.Object, inner, "must be { \"table\": name, \"values\": { column: value } }");
                    Keys(typed.Value, inner, ["table", "values"]);
                    var entityTable = RequiredString(typed.Value, "table", inner);
                    if (MetadataCatalog.Find(entityTable) is null)
                    {
                        throw new ScenarioFileException(inner + ".table", $"'{entityTable}' is not a table the emulator knows");
                    }

                    return new ValueSpec(ValueKind.Entity, Table: entityTable, Path: path)
                    {
                        Values = Values(typed.Value, "values", inner, entityTable, optional: true),
                    };
                case "guid":
                    var guid = String(typed.Value, inner);
                    return Guid.TryParse(guid, out var id)
                        ? new ValueSpec(ValueKind.Uuid, Id: id, Path: path)
                        : throw new ScenarioFileException(inner, $"'{guid}' is not a GUID");
                case "any" when allowAny:
                    if (typed.Value.ValueKind != JsonValueKind.True)
                    {
                        throw new ScenarioFileException(inner, "must be true");
                    }

                    return new ValueSpec(ValueKind.Any, Path: path);
                default:
                    throw new ScenarioFileException(inner, $"'{typed.Name}' is not a value type (money, option, options, ref, date, datetime, guid, entity{(allowAny ? ", any" : string.Empty)})");
            }
        }

        private ValueSpec Reference(JsonElement parent, string key, string path)
        {
            if (!parent.TryGetProperty(key, out var element))
            {
                throw new ScenarioFileException(path + "." + key, "is required");
            }

            return ReferenceValue(element, path + "." + key);
        }

        /// <summary>An alias written plainly ("lead1") or as { "ref": ... }.</summary>
        private ValueSpec ReferenceValue(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return Alias(element.GetString()!, null, path);
            }

            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("ref", out var reference))
            {
                throw new ScenarioFileException(path, "must be an alias or { \"ref\": alias }");
            }

            Keys(element, path, ["ref"]);
            var inner = path + ".ref";
            if (reference.ValueKind == JsonValueKind.String)
            {
                return Alias(reference.GetString()!, null, inner) with { Path = path };
            }

            Require(reference, JsonValueKind.Object, inner, "must be an alias or { \"table\", \"alias\" }");
            Keys(reference, inner, ["table", "alias"]);
            var table = Table(reference, inner);
            return Alias(RequiredString(reference, "alias", inner), table, inner) with { Path = path };
        }

        private ValueSpec Alias(string alias, string? table, string path)
        {
            var known = table == "systemuser" ? _users.Contains(alias) || _records.Contains(alias) : _records.Contains(alias) || _users.Contains(alias);
            if (!known)
            {
                throw new ScenarioFileException(path, $"'{alias}' is not an alias defined before this point (records, created or captured records, users)");
            }

            return new ValueSpec(ValueKind.Reference, Text: alias, Table: table, Path: path);
        }

        private void Define(string alias, string path)
        {
            if (!_records.Add(alias))
            {
                throw new ScenarioFileException(path, $"the alias '{alias}' is already defined");
            }
        }

        private static string Table(JsonElement parent, string path)
        {
            var table = RequiredString(parent, "table", path);
            KnownTable(table, path + ".table");
            return table;
        }

        private static void KnownTable(string table, string path)
        {
            if (MetadataCatalog.Find(table) is null)
            {
                throw new ScenarioFileException(path, $"'{table}' is not a table the emulator knows");
            }
        }

        private static IEnumerable<(JsonElement Element, string Path)> Items(JsonElement root, string key)
        {
            if (!root.TryGetProperty(key, out var array))
            {
                if (key == "steps")
                {
                    throw new ScenarioFileException("$.steps", "is required");
                }

                yield break;
            }

            Require(array, JsonValueKind.Array, "$." + key, "must be a list");
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                yield return (item, $"$.{key}[{index++}]");
            }
        }

        private static void Keys(JsonElement element, string path, string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new ScenarioFileException($"{path}.{property.Name}", $"unknown key (expected one of {string.Join(", ", allowed)})");
                }
            }
        }

        private static void Require(JsonElement element, JsonValueKind kind, string path, string problem)
        {
            if (element.ValueKind != kind)
            {
                throw new ScenarioFileException(path, problem);
            }
        }

        private static string RequiredString(JsonElement parent, string key, string path) =>
            parent.TryGetProperty(key, out var value) ? String(value, path + "." + key) : throw new ScenarioFileException(path + "." + key, "is required");

        private static string String(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
                ? element.GetString()!
                : throw new ScenarioFileException(path, "must be a non-empty string");

        private static bool Bool(JsonElement element, string path) =>
            element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw new ScenarioFileException(path, "must be true or false");

        private static int Int(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : throw new ScenarioFileException(path, "must be a whole number");

        private static decimal Number(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) ? value : throw new ScenarioFileException(path, "must be a number");

        private static DateTime Instant(JsonElement element, string path)
        {
            var text = String(element, path);
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
                ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
                : throw new ScenarioFileException(path, $"'{text}' is not an ISO 8601 date and time");
        }
    }
}
