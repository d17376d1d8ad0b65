namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>webresource: the web resources an import brought (lqx serve answers /WebResources/&lt;name&gt; from them).</summary>
internal static class WebResource
{
    public static TableDefinition Definition { get; } = new TableBuilder("webresource", "webresourceid", "name", OwnershipType.None, "Web Resource", "Webressource")
        .String("name", 256, "Name", "Name")
        .String("displayname", 200, "Display Name", "Anzeigename")
        .Memo("description", 2000, "Description", "Beschreibung")
        .Picklist("webresourcetype", "Type", "Typ",
            TableBuilder.O(1, "Webpage (HTML)", "Webseite (HTML)"), TableBuilder.O(2, "Style Sheet (CSS)", "Stylesheet (CSS)"),
            TableBuilder.O(3, "Script (JScript)", "Skript (JScript)"), TableBuilder.O(4, "Data (XML)", "Daten (XML)"),
            TableBuilder.O(5, "PNG format", "PNG-Format"), TableBuilder.O(6, "JPG format", "JPG-Format"), TableBuilder.O(7, "GIF format", "GIF-Format"),
            TableBuilder.O(9, "Style Sheet (XSL)", "Stylesheet (XSL)"), TableBuilder.O(10, "ICO format", "ICO-Format"),
            TableBuilder.O(11, "Vector format (SVG)", "Vektorformat (SVG)"), TableBuilder.O(12, "String (RESX)", "Zeichenfolge (RESX)"))
        .Memo("content", 1073741823, "Content", "Inhalt")
        .Build();
}
