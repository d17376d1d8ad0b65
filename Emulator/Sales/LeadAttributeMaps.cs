using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>Where a map row comes from (lead-semantics §2.4).</summary>
internal enum MapEvidence
{
    /// <summary>Documented default map [DEFINE-DOC].</summary>
    Confirmed,

    /// <summary>Stated by the lead metadata ([LEAD-REF] companyname description).</summary>
    LeadMetadata,

    /// <summary>Third-party approximation (XrmMockup's lists), restricted to columns the emulator's metadata has. UNCONFIRMED (U5).</summary>
    Approximation,
}

/// <summary>One lead → target column map (the platform's attributemap row).</summary>
/// <param name="TargetTable">account, contact or opportunity.</param>
/// <param name="Source">Lead column.</param>
/// <param name="Target">Target column.</param>
/// <param name="Evidence">How sure we are the platform maps it by default.</param>
internal sealed record AttributeMapRow(string TargetTable, string Source, string Target, MapEvidence Evidence);

/// <summary>
/// The default lead attribute maps used by QualifyLead, as data (the platform reads them from entitymap/attributemap;
/// they are customisable per organization). statuscode is deliberately not mapped ([TS-SALES] error 6).
/// </summary>
internal static class LeadAttributeMaps
{
    private static readonly string[] AddressColumns =
    [
        "address1_line1", "address1_line2", "address1_line3", "address1_city", "address1_stateorprovince",
        "address1_postalcode", "address1_country",
    ];

    private static readonly string[] DoNotColumns = ["donotemail", "donotphone", "donotfax", "donotpostalmail", "donotbulkemail"];

    /// <summary>Every map row.</summary>
    public static IReadOnlyList<AttributeMapRow> Rows { get; } = Build();

    /// <summary>The rows for one target table.</summary>
    public static IEnumerable<AttributeMapRow> For(string targetTable)
    {
        foreach (var row in Rows)
        {
            if (row.TargetTable == targetTable)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// A new <paramref name="targetTable"/> row filled from <paramref name="lead"/> through the map (only columns the lead
    /// holds; references and money values are copied, not shared).
    /// </summary>
    public static Entity Apply(Entity lead, string targetTable)
    {
        System.ArgumentNullException.ThrowIfNull(lead);
        var target = new Entity(targetTable);
        foreach (var row in For(targetTable))
        {
            if (lead.Contains(row.Source) && lead[row.Source] is { } value)
            {
                target[row.Target] = EntityCloner.CloneValue(value)!;
            }
        }

        return target;
    }

    private static List<AttributeMapRow> Build()
    {
        var rows = new List<AttributeMapRow>
        {
            new("account", "companyname", "name", MapEvidence.LeadMetadata),
            new("opportunity", "subject", "name", MapEvidence.Confirmed),
            new("opportunity", "parentaccountid", "parentaccountid", MapEvidence.Confirmed),
            new("opportunity", "parentcontactid", "parentcontactid", MapEvidence.Confirmed),
            new("opportunity", "qualificationcomments", "qualificationcomments", MapEvidence.Approximation),
            new("opportunity", "description", "description", MapEvidence.Approximation),
            new("account", "yomicompanyname", "yominame", MapEvidence.Approximation),
        };
        Same(rows, "account", "sic", "emailaddress1", "fax", "websiteurl", "telephone2", "description");
        Same(rows, "account", AddressColumns);
        Same(rows, "account", DoNotColumns);
        Same(rows, "contact",
            "firstname", "middlename", "lastname", "yomifirstname", "yomimiddlename", "yomilastname", "jobtitle", "mobilephone",
            "emailaddress1", "emailaddress2", "emailaddress3", "websiteurl", "pager", "fax", "telephone2", "telephone3", "description");
        Same(rows, "contact", AddressColumns);
        Same(rows, "contact", DoNotColumns);
        return rows;
    }

    private static void Same(List<AttributeMapRow> rows, string table, params string[] columns)
    {
        foreach (var column in columns)
        {
            rows.Add(new AttributeMapRow(table, column, column, MapEvidence.Approximation));
        }
    }
}
