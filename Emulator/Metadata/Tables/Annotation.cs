namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>annotation (notes and attachments).</summary>
internal static class Annotation
{
    public static TableDefinition Definition { get; } = new TableBuilder("annotation", "annotationid", "subject", OwnershipType.UserOwned, "Note", "Notiz")
        .Lookup("objectid", "Regarding", "Bezug", "lead", "account", "contact", "opportunity")
        .EntityName("objecttypecode", "Object Type", "Objekttyp")
        .String("subject", 500, "Title", "Titel")
        .Memo("notetext", 100000, "Description", "Beschreibung")
        .String("filename", 255, "File Name", "Dateiname")
        .Memo("documentbody", 1073741823, "Document", "Dokument")
        .String("mimetype", 256, "Mime Type", "MIME-Typ")
        .Boolean("isdocument", "Is Document", "Ist Dokument")
        .Relationship("Lead_Annotation", "lead", "objectid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("Account_Annotation", "account", "objectid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("Contact_Annotation", "contact", "objectid", CascadeType.Cascade, CascadeType.Cascade)
        .Relationship("Opportunity_Annotation", "opportunity", "objectid", CascadeType.Cascade, CascadeType.Cascade)
        .Build();
}
