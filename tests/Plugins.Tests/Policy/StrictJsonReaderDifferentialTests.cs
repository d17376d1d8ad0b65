using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using LeadQualifyExtensions.Plugins.Policy;

namespace LeadQualifyExtensions.Plugins.Tests.Policy;

/// <summary>
/// The plug-ins carry their own JSON reader (net462's sandbox has no System.Text.Json). It earns its place only if
/// it reads exactly what System.Text.Json reads: the same inputs accepted and rejected, the same values. Runs the
/// shipped reader (reached by reflection, it is internal) on hand-written edge cases and seeded generated inputs.
/// </summary>
[TestClass]
public sealed class StrictJsonReaderDifferentialTests
{
    private const int Seed = 20261205;

    // The policy refuses duplicate keys, and a reader is only useful to it up to 32 levels.
    private static readonly JsonDocumentOptions Reference = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    private static readonly MethodInfo ShippedParse = typeof(QualificationPolicy).Assembly
        .GetType("LeadQualifyExtensions.Plugins.Policy.StrictJsonReader", throwOnError: true)!
        .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;

    public static IEnumerable<object[]> EdgeCases() => new[]
    {
        // Structure
        "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[1,]", "{\"a\":1,}", "[,1]", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{a:1}",
        "{'a':1}", "['a']", "1 2", "[1]]", "[[1]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":1,\"A\":2}",
        // Truncation and emptiness
        "", " ", "[", "{", "\"abc", "{\"a\"", "{\"a\":", "tru", "nul", "-", "\"\\", "\"\\u12",
        // Literals
        "true", "false", "null", "True", "NULL", "nulll", "truefalse", "NaN", "Infinity", "-Infinity", "undefined",
        // Numbers
        "0", "-0", "01", "-01", "00", "1.", ".5", "1.5", "-1.5e10", "1e", "1e+", "1E-2", "1e05", "0x10", "+1",
        "123456789012345678901234567890", "1.0e+999", "--1", "1-", "1.2.3",
        // Strings and escapes
        "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\x41\"", "\"\\u0041\"", "\"\\u00e9\"", "\"\\uZZZZ\"", "\"\\u 041\"",
        "\"\\u+041\"", "\"\\U0041\"", "\"\\'\"", "\"a\tb\"", "\"a\nb\"", "\"\u007f\"", "\"\u00a0\"", "\"\u2028\"",
        // Surrogates, escaped and raw
        "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ude00\\ud83d\"", "\"\\ud83dx\"", "\"\ud83d\ude00\"",
        "\"\ud83d\"", "\"\ude00\"", "{\"\\ud800\":1}",
        // Whitespace and byte-order mark
        " \t\r\n[ 1 , 2 ]\n", "\f[]", "\v[]", "\u00a0[]", "\uFEFF{}", "[]\u0000",
        // Comments
        "[1]//x", "/*x*/[1]", "[1,/*x*/2]",
        // Depth: 32 nested containers read, 33 do not, empty or not
        Nested(31, "1"), Nested(32, ""), Nested(32, "1"), Nested(33, ""), Nested(33, "1"), Nested(100, ""),
        "{\"a\":" + Nested(31, "") + "}", "{\"a\":" + Nested(32, "") + "}",
    }.Select(text => new object[] { text });

    [TestMethod]
    [DynamicData(nameof(EdgeCases))]
    public void Parse_EdgeCase_AgreesWithSystemTextJson(string text)
    {
        AssertAgrees(text);
    }

    [TestMethod]
    public void Parse_GeneratedDocumentsAndTheirMutants_AgreeWithSystemTextJson()
    {
        var random = new Random(Seed);
        var checkedInputs = 0;
        var accepted = 0;
        for (var document = 0; document < 300; document++)
        {
            var valid = Generate(random, depth: 0);
            accepted += AssertAgrees(valid) ? 1 : 0;
            checkedInputs++;
            for (var mutant = 0; mutant < 10; mutant++)
            {
                accepted += AssertAgrees(Mutate(random, valid)) ? 1 : 0;
                checkedInputs++;
            }
        }

        // Both sides of the boundary were exercised, not just one of them.
        Assert.IsTrue(accepted > checkedInputs / 10, $"only {accepted} of {checkedInputs} inputs were valid JSON");
        Assert.IsTrue(accepted < checkedInputs * 9 / 10, $"{accepted} of {checkedInputs} inputs were valid JSON");
    }

    private static string Nested(int levels, string inner) => new string('[', levels) + inner + new string(']', levels);

    /// <summary>Asserts both readers agree on <paramref name="text"/>; returns whether it is valid JSON.</summary>
    private static bool AssertAgrees(string text)
    {
        var expected = ReadWithSystemTextJson(text);
        var actual = ReadWithShippedReader(text);
        Assert.AreEqual(expected, actual, $"input: {Describe(text)}");
        return expected is not null;
    }

    /// <summary>A canonical form of the value, or null when System.Text.Json rejects the text.</summary>
    private static string? ReadWithSystemTextJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Reference);
            return Canonical(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            // ArgumentException: a raw lone surrogate; InvalidOperationException: an escaped one, met when read.
            return null;
        }
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => Quote(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.String => Quote(element.GetString()!),
        JsonValueKind.Number => "#" + element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>The same canonical form from the shipped reader, or null when it rejects the text.</summary>
    private static string? ReadWithShippedReader(string text)
    {
        object value;
        try
        {
            value = ShippedParse.Invoke(null, new object[] { text })!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException?.GetType().Name == "JsonSyntaxException")
        {
            return null;
        }

        // The reader keeps duplicate keys for its caller to refuse; the reference refuses them while reading.
        return ShippedCanonical(value, out var hasDuplicate) is var canonical && hasDuplicate ? null : canonical;
    }

    private static string ShippedCanonical(object value, out bool hasDuplicate)
    {
        var type = value.GetType();
        object? Get(string property) => type.GetProperty(property)!.GetValue(value);
        var duplicate = false;
        string canonical;
        switch (Get("Kind")!.ToString())
        {
            case "Object":
                var names = new HashSet<string>(StringComparer.Ordinal);
                var members = new List<string>();
                foreach (var member in (IEnumerable)Get("Members")!)
                {
                    var pair = member.GetType();
                    var name = (string)pair.GetProperty("Key")!.GetValue(member)!;
                    duplicate |= !names.Add(name);
                    members.Add(Quote(name) + ":" + ShippedCanonical(pair.GetProperty("Value")!.GetValue(member)!, out var inner));
                    duplicate |= inner;
                }

                canonical = "{" + string.Join(",", members) + "}";
                break;
            case "Array":
                var items = new List<string>();
                foreach (var item in (IEnumerable)Get("Items")!)
                {
                    items.Add(ShippedCanonical(item, out var inner));
                    duplicate |= inner;
                }

                canonical = "[" + string.Join(",", items) + "]";
                break;
            case "String":
                canonical = Quote((string)Get("AsString")!);
                break;
            case "Number":
                // A number keeps its text; AsString reads it.
                canonical = "#" + (string)Get("AsString")!;
                break;
            case "Boolean":
                canonical = (bool)Get("AsBoolean")! ? "true" : "false";
                break;
            default:
                canonical = "null";
                break;
        }

        hasDuplicate = duplicate;
        return canonical;
    }

    // Every character as its code, so the comparison cannot be fooled by escaping.
    private static string Quote(string text) =>
        "\"" + string.Concat(text.Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture))) + "\"";

    private static string Describe(string text) =>
        text.Length > 120 ? Escape(text.Substring(0, 120)) + $"… ({text.Length} characters)" : Escape(text);

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string Generate(Random random, int depth)
    {
        var space = new[] { "", "", " ", "\n", "\t ", "\r\n" };
        string Ws() => space[random.Next(space.Length)];
        var choice = depth > 4 ? random.Next(4) : random.Next(7);
        switch (choice)
        {
            case 0:
                return GenerateString(random);
            case 1:
                return GenerateNumber(random);
            case 2:
                return new[] { "true", "false", "null" }[random.Next(3)];
            case 3:
                return GenerateNumber(random);
            case 4:
            case 5:
                var items = Enumerable.Range(0, random.Next(4)).Select(_ => Ws() + Generate(random, depth + 1) + Ws());
                return "[" + string.Join(",", items) + "]";
            default:
                // Distinct keys, so the valid document is valid for both readers.
                var keys = Enumerable.Range(0, random.Next(4)).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture));
                return "{" + string.Join(",", keys.Select(k => Ws() + "\"" + k + "\"" + Ws() + ":" + Ws() + Generate(random, depth + 1))) + Ws() + "}";
        }
    }

    private static string GenerateNumber(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(3) == 0)
        {
            builder.Append('-');
        }

        builder.Append(random.Next(4) == 0 ? "0" : random.Next(1, 100000).ToString(CultureInfo.InvariantCulture));
        if (random.Next(3) == 0)
        {
            builder.Append('.').Append(random.Next(1000).ToString(CultureInfo.InvariantCulture));
        }

        if (random.Next(4) == 0)
        {
            builder.Append(random.Next(2) == 0 ? 'e' : 'E').Append(new[] { "", "+", "-" }[random.Next(3)]).Append(random.Next(30));
        }

        return builder.ToString();
    }

    private static string GenerateString(Random random)
    {
        var pieces = new[] { "a", "Z", "é", "\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\u00fc", "\\ud83d\\ude00", "😀", " ", "ß" };
        return "\"" + string.Concat(Enumerable.Range(0, random.Next(5)).Select(_ => pieces[random.Next(pieces.Length)])) + "\"";
    }

    // One small edit: delete, insert or replace a character with one that matters to JSON's grammar.
    private static string Mutate(Random random, string text)
    {
        const string Alphabet = "{}[],:\"\\ 0123456789.eE+-tfnulr/x\t\n\u0001\ud83d\ude00\uFEFF";
        var position = random.Next(text.Length + 1);
        var replacement = Alphabet[random.Next(Alphabet.Length)].ToString();
        return random.Next(3) switch
        {
            0 when position < text.Length => text.Remove(position, 1),
            1 when position < text.Length => text.Remove(position, 1).Insert(position, replacement),
            _ => text.Insert(position, replacement),
        };
    }
}
