using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>
/// What the generated tables (Reference/tables/*.json) need beyond the pages they were generated from, each entry
/// declared by hand with the reason. Kept small: everything else comes from Microsoft's reference.
/// </summary>
internal static class ReferenceSupplements
{
    /// <summary>
    /// Lookup targets a page does not list. annotation: the Dataverse page lists the regarding tables of a plain
    /// environment; lead and opportunity come with Dynamics 365 Sales, which has no annotation page of its own.
    /// </summary>
    public static IReadOnlyDictionary<(string Table, string Column), string[]> ExtraTargets { get; } =
        new Dictionary<(string, string), string[]>
        {
            [("annotation", "objectid")] = ["lead", "opportunity"],
        };

    /// <summary>
    /// Relationships no page the emulator was generated from documents with a cascade: notes regarding a lead or an
    /// opportunity (Sales adds them; cascade as the documented Account_Annotation and Contact_Annotation).
    /// </summary>
    public static RelationshipDefinition[] Relationships { get; } =
    [
        new("Lead_Annotation", "lead", "annotation", "objectid", CascadeType.Cascade, CascadeType.Cascade),
        new("Opportunity_Annotation", "opportunity", "annotation", "objectid", CascadeType.Cascade, CascadeType.Cascade),
    ];
}
