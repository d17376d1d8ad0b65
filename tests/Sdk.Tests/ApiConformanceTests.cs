using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Sdk.Tests;

/// <summary>
/// Compares the public surface of the three clean-room SDK assemblies with api.txt. Anything public or
/// protected that we expose must appear in api.txt with the same signature; api.txt entries we have not
/// implemented yet are allowed and reported.
/// </summary>
[TestClass]
public sealed partial class ApiConformanceTests
{
    private static readonly Assembly[] SdkAssemblies =
    [
        typeof(Entity).Assembly,
        typeof(WhoAmIRequest).Assembly,
        typeof(IWorkflowContext).Assembly,
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ApiListing_Parse_ReadsFieldsAndUnconfirmedFlag()
    {
        string[] lines =
        [
            "# comment",
            "A.B|class|type|public sealed|class A.B : System.Object|src=X",
            "A.B|class|property|public|System.String Name {get;}|src=Y|UNCONFIRMED",
        ];

        var records = ApiListing.Parse(lines);

        Assert.HasCount(2, records);
        Assert.AreEqual("public sealed", records[0].Modifiers);
        Assert.AreEqual("System.String Name {get;}", records[1].Signature);
        Assert.IsFalse(records[0].Unconfirmed);
        Assert.IsTrue(records[1].Unconfirmed);
        Assert.AreEqual(3, records[1].Line);
    }

    [TestMethod]
    public void SignatureFormatter_GenericAndNullableTypes_UsesCSharpFormWithoutSpaces()
    {
        var nullable = typeof(Guid?);
        var dictionary = typeof(Dictionary<string, List<int>>);

        var nullableName = SignatureFormatter.TypeName(nullable);
        var dictionaryName = SignatureFormatter.TypeName(dictionary);

        Assert.AreEqual("System.Nullable<System.Guid>", nullableName);
        Assert.AreEqual("System.Collections.Generic.Dictionary<System.String,System.Collections.Generic.List<System.Int32>>", dictionaryName);
    }

    [TestMethod]
    public void SignatureFormatter_MethodWithOutParamsAndDefaults_RendersModifiers()
    {
        var tryParse = typeof(int).GetMethod(nameof(int.TryParse), [typeof(string), typeof(int).MakeByRefType()])!;
        var format = typeof(string).GetMethod(nameof(string.Format), [typeof(string), typeof(object[])])!;

        var tryParseText = SignatureFormatter.MethodSignature(tryParse, tryParse.Name);
        var formatText = SignatureFormatter.MethodSignature(format, format.Name);

        Assert.AreEqual("System.Boolean TryParse(System.String s, out System.Int32 result)", tryParseText);
        Assert.AreEqual("System.String Format(System.String format, params System.Object[] args)", formatText);
    }

    [TestMethod]
    public void SdkAssemblies_PublicSurface_MatchesApiListing()
    {
        var api = ApiListing.Load();
        var scopeNames = SdkAssemblies.Select(a => a.FullName!).ToHashSet(StringComparer.Ordinal);
        var apiTypes = api.GroupBy(r => r.TypeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inScope = apiTypes.Where(t => t.Value.Any(r => r.Kind == "assembly" && scopeNames.Contains(r.Signature))).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var ourTypes = SdkAssemblies.SelectMany(a => a.GetExportedTypes()).ToDictionary(SignatureFormatter.TypeName, t => t, StringComparer.Ordinal);

        var mismatches = new List<string>();
        var notImplemented = new List<string>();
        var implementedMembers = 0;
        foreach (var (name, type) in ourTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!inScope.TryGetValue(name, out var records))
            {
                mismatches.Add($"{name}: public type not in api.txt ({type.Assembly.GetName().Name})");
                continue;
            }

            CompareTypeFacts(name, type, records, mismatches);
            implementedMembers += CompareMembers(name, type, records, mismatches, notImplemented);
        }

        foreach (var (name, records) in inScope.Where(t => !ourTypes.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            notImplemented.Add($"{name} (type, {records.Count(r => ApiListing.MemberKinds.Contains(r.Kind))} members)");
        }

        var totalMembers = inScope.Values.Sum(r => r.Count(x => ApiListing.MemberKinds.Contains(x.Kind)));
        var outOfScope = apiTypes.Keys.Except(inScope.Keys).ToList();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"api.txt: {inScope.Count} types, {totalMembers} members (plus {outOfScope.Count} framework type(s) out of scope: {string.Join(", ", outOfScope)}); "
                + $"implemented: {inScope.Keys.Count(ourTypes.ContainsKey)} types, {implementedMembers} members; not implemented: {notImplemented.Count}")
            .AppendLine(string.Join(Environment.NewLine, notImplemented.Select(n => "  not implemented: " + n)))
            .AppendLine(CultureInfo.InvariantCulture, $"mismatches: {mismatches.Count}")
            .AppendLine(string.Join(Environment.NewLine, mismatches.Select(m => "  MISMATCH " + m)))
            .ToString();
        TestContext.WriteLine(report);
        Console.WriteLine(report);

        Assert.IsEmpty(mismatches, report);
    }

    private static void CompareTypeFacts(string name, Type type, List<ApiRecord> records, List<string> mismatches)
    {
        var typeRecord = records.FirstOrDefault(r => r.Kind == "type");
        if (typeRecord is not null)
        {
            var ours = SignatureFormatter.TypeSignature(type, ApiSurface.DeclaredInterfaces(type));
            if (!SameTypeLine(typeRecord.Signature, ours))
            {
                mismatches.Add($"{name}: type line api.txt '{typeRecord.Signature}' vs ours '{ours}'");
            }

            var modifiers = SignatureFormatter.TypeModifiers(type);
            if (modifiers != typeRecord.Modifiers)
            {
                mismatches.Add($"{name}: type modifiers api.txt '{typeRecord.Modifiers}' vs ours '{modifiers}'");
            }
        }

        foreach (var record in records.Where(r => r.Kind == "assembly" && r.Signature != type.Assembly.FullName))
        {
            mismatches.Add($"{name}: assembly api.txt '{record.Signature}' vs ours '{type.Assembly.FullName}'");
        }

        var contract = ApiSurface.DataContract(type);
        foreach (var record in records.Where(r => r.Kind == "datacontract" && r.Signature != contract))
        {
            mismatches.Add($"{name}: datacontract api.txt '{record.Signature}' vs ours '{contract}'");
        }

        var expectedAttributes = records.Where(r => r.Kind == "attributes").SelectMany(r => ApiSurface.SplitTokens(r.Signature)).Order(StringComparer.Ordinal).ToList();
        var ourAttributes = ApiSurface.AttributeTokens(type).Order(StringComparer.Ordinal).ToList();
        if (!expectedAttributes.SequenceEqual(ourAttributes, StringComparer.Ordinal))
        {
            mismatches.Add($"{name}: attributes api.txt '{string.Join(" ", expectedAttributes)}' vs ours '{string.Join(" ", ourAttributes)}'");
        }

        foreach (var record in records.Where(r => r.Kind == "allinterfaces"))
        {
            var expected = SplitList(record.Signature).Order(StringComparer.Ordinal);
            var ours = type.GetInterfaces().Select(SignatureFormatter.TypeName).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(ours, StringComparer.Ordinal))
            {
                mismatches.Add($"{name}: allinterfaces api.txt '{record.Signature}' vs ours '{string.Join(", ", ours)}'");
            }
        }

        var requestName = ApiSurface.RequestName(type);
        var expectedRequestName = records.FirstOrDefault(r => r.Kind == "requestname")?.Signature;
        if (requestName != expectedRequestName)
        {
            mismatches.Add($"{name}: requestname api.txt '{expectedRequestName}' vs ours '{requestName}'");
        }

        CompareSets(name, "paramkey", records.Where(r => r.Kind == "paramkey").Select(r => r.Signature), ApiSurface.ParamKeys(type), mismatches);
        var expectedResultKeys = records.Where(r => r.Kind == "resultkey")
            .Select(r => ResultKeyPattern().Match(r.Signature))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        CompareSets(name, "resultkey", records.Where(r => r.Kind == "resultkey").Select(r => r.Signature), ApiSurface.ResultKeys(type, expectedResultKeys), mismatches);

        // IWorkflowContext-style records: members an interface only inherits must be reachable through its base interfaces.
        foreach (var record in records.Where(r => r.Kind == "inherited"))
        {
            var match = InheritedPattern().Match(record.Signature);
            var baseInterface = match.Success ? type.GetInterfaces().FirstOrDefault(i => SignatureFormatter.TypeName(i) == match.Groups[2].Value) : null;
            if (baseInterface is null || !SignatureFormatter.Members(baseInterface).Any(m => m.Signature == match.Groups[1].Value.Trim()))
            {
                mismatches.Add($"{name}: inherited member not reachable: {record.Signature}");
            }
        }
    }

    private static int CompareMembers(string name, Type type, List<ApiRecord> records, List<string> mismatches, List<string> notImplemented)
    {
        var expected = records.Where(r => ApiListing.MemberKinds.Contains(r.Kind)).ToList();
        var ours = SignatureFormatter.Members(type);
        var implemented = 0;
        foreach (var member in ours)
        {
            var match = expected.FirstOrDefault(r => r.Kind == member.Kind && r.Signature == member.Signature);
            if (match is null)
            {
                // Explicit interface implementations are not public surface: only listed ones are checked.
                if (member.Kind != "explicit")
                {
                    var sameName = expected.Where(r => MemberName(r.Signature) == MemberName(member.Signature)).Select(r => $"{r.Kind}|{r.Modifiers}|{r.Signature}");
                    mismatches.Add($"{name}: {member.Kind} '{member.Modifiers} {member.Signature}' not in api.txt" + (sameName.Any() ? "; api.txt has: " + string.Join(" / ", sameName) : string.Empty));
                }

                continue;
            }

            implemented++;
            if (match.Modifiers != member.Modifiers)
            {
                mismatches.Add($"{name}: {member.Kind} '{member.Signature}' modifiers api.txt '{match.Modifiers}' vs ours '{member.Modifiers}'");
            }
        }

        foreach (var record in expected.Where(r => !ours.Any(m => m.Kind == r.Kind && m.Signature == r.Signature)))
        {
            notImplemented.Add($"{name}: {record.Kind} {record.Signature}");
        }

        return implemented;
    }

    private static void CompareSets(string name, string kind, IEnumerable<string> expected, IEnumerable<string> ours, List<string> mismatches)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var ourSet = ours.ToHashSet(StringComparer.Ordinal);
        foreach (var missing in expectedSet.Except(ourSet).Order(StringComparer.Ordinal))
        {
            mismatches.Add($"{name}: {kind} api.txt '{missing}' not observed");
        }

        foreach (var extra in ourSet.Except(expectedSet).Order(StringComparer.Ordinal))
        {
            mismatches.Add($"{name}: {kind} ours '{extra}' not in api.txt");
        }
    }

    /// <summary>Type lines are equal when kind, name and base agree and the interface sets agree in any order.</summary>
    private static bool SameTypeLine(string expected, string ours)
    {
        static (string Head, string First, List<string> Others) Split(string line)
        {
            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon < 0)
            {
                return (line, string.Empty, []);
            }

            var parts = SplitList(line[(colon + 3)..]);
            return (line[..colon], parts[0], parts.Skip(1).Order(StringComparer.Ordinal).ToList());
        }

        var (expectedHead, expectedFirst, expectedRest) = Split(expected);
        var (ourHead, ourFirst, ourRest) = Split(ours);
        if (expectedHead.StartsWith("interface ", StringComparison.Ordinal))
        {
            expectedRest = expectedRest.Append(expectedFirst).Order(StringComparer.Ordinal).ToList();
            ourRest = ourRest.Append(ourFirst).Order(StringComparer.Ordinal).ToList();
            expectedFirst = ourFirst = string.Empty;
        }

        return expectedHead == ourHead && expectedFirst == ourFirst && expectedRest.SequenceEqual(ourRest, StringComparer.Ordinal);
    }

    /// <summary>Splits "A&lt;B,C&gt;, D" at top-level commas followed by a space.</summary>
    private static List<string> SplitList(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                depth++;
            }
            else if (text[i] == '>')
            {
                depth--;
            }
            else if (text[i] == ',' && depth == 0)
            {
                items.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(text[start..].Trim());
        return items.Where(i => i.Length > 0).ToList();
    }

    private static string MemberName(string signature)
    {
        var paren = signature.IndexOfAny(['(', '{', '[']);
        var head = (paren < 0 ? signature : signature[..paren]).Trim();
        var space = head.LastIndexOf(' ');
        var name = space < 0 ? head : head[(space + 1)..];
        var generic = name.IndexOf('<', StringComparison.Ordinal);
        return generic < 0 ? name : name[..generic];
    }

    [GeneratedRegex("^(\\w+) -> Results\\[\"([^\"]+)\"\\]$")]
    private static partial Regex ResultKeyPattern();

    [GeneratedRegex("^(.*)\\(from ([^)]+)\\)$")]
    private static partial Regex InheritedPattern();
}
