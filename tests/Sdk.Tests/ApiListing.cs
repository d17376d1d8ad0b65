using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Testing;

namespace Sdk.Tests;

/// <summary>One record of api.txt (see its header): F1..F6 plus the UNCONFIRMED flag.</summary>
internal sealed record ApiRecord(string TypeName, string TypeKind, string Kind, string Modifiers, string Signature, string Notes, bool Unconfirmed, int Line);

/// <summary>Parser and locator for /shared/xrm-sdk-api/api.txt, the signature contract of the clean-room SDK.</summary>
internal static class ApiListing
{
    /// <summary>Record kinds that describe a member (the rest are type-level facts).</summary>
    public static readonly IReadOnlySet<string> MemberKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "ctor", "field", "enumvalue", "property", "indexer", "method", "event", "operator", "explicit",
    };


    /// <summary>Parses api.txt text; comment and blank lines are skipped.</summary>
    public static List<ApiRecord> Parse(IEnumerable<string> lines)
    {
        var records = new List<ApiRecord>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('|');
            if (fields.Length < 6)
            {
                throw new FormatException($"api.txt line {lineNumber}: expected at least 6 fields: {line}");
            }

            var unconfirmed = fields.Length > 6 && fields[6].Trim() == "UNCONFIRMED";
            records.Add(new ApiRecord(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], unconfirmed, lineNumber));
        }

        return records;
    }

    /// <summary>
    /// Loads api.txt from the shared folder recorded at build time ($(SharedRoot)), then the repository's own
    /// listings of further published signatures (sdk/api/*.txt, same format, copied beside the tests).
    /// </summary>
    public static List<ApiRecord> Load()
    {
        var records = Parse(File.ReadLines(Locate()));
        foreach (var extra in RepositoryListings())
        {
            records.AddRange(Parse(File.ReadLines(extra)));
        }

        return records;
    }

    /// <summary>The repository's listings (sdk/api/*.txt), in a stable order.</summary>
    public static IEnumerable<string> RepositoryListings()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "api");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal) : [];
    }

    /// <summary>The path of api.txt under the build-time SharedRoot.</summary>
    public static string Locate() => SharedRoot.File("xrm-sdk-api", "api.txt");
}
