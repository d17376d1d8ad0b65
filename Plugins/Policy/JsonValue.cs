using System.Collections.Generic;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>A parsed JSON value. Objects keep their members in order, duplicates included, so callers can refuse them.</summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, object? value)
    {
        Kind = kind;
        Value = value;
    }

    public JsonKind Kind { get; }

    private object? Value { get; }

    public string AsString => (string)Value!;

    public bool AsBoolean => (bool)Value!;

    public IReadOnlyList<JsonValue> Items => (IReadOnlyList<JsonValue>)Value!;

    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members => (IReadOnlyList<KeyValuePair<string, JsonValue>>)Value!;

    public static JsonValue Object(IReadOnlyList<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, members);

    public static JsonValue Array(IReadOnlyList<JsonValue> items) => new(JsonKind.Array, items);

    public static JsonValue String(string value) => new(JsonKind.String, value);

    public static JsonValue Boolean(bool value) => new(JsonKind.Boolean, value);

    public static JsonValue Number(string text) => new(JsonKind.Number, text);

    public static JsonValue Null() => new(JsonKind.Null, null);
}
