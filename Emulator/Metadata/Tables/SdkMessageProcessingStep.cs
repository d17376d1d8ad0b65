using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>sdkmessageprocessingstep: the steps a solution import registered, as deploy and status tools read them.</summary>
internal static class SdkMessageProcessingStep
{
    public static TableDefinition Definition { get; } = new TableBuilder("sdkmessageprocessingstep", "sdkmessageprocessingstepid", "name", OwnershipType.None, "Sdk Message Processing Step", "SDK-Meldungsverarbeitungsschritt")
        .String("name", 256, "Name", "Name")
        .Lookup("sdkmessageid", "SDK Message", "SDK-Meldung", "sdkmessage")
        .EntityName("primaryentity", "Primary Entity", "Primäre Entität")
        .Picklist("stage", "Execution Stage", "Ausführungsphase",
            O(10, "Pre-validation", "Vorabüberprüfung"), O(20, "Pre-operation", "Vorgang vorher"), O(30, "Main Operation", "Hauptvorgang"), O(40, "Post-operation", "Vorgang nachher"))
        .Picklist("mode", "Execution Mode", "Ausführungsmodus", O(0, "Synchronous", "Synchron"), O(1, "Asynchronous", "Asynchron"))
        .Integer("rank", "Execution Order", "Ausführungsreihenfolge")
        .String("filteringattributes", 100000, "Filtering Attributes", "Filterattribute")
        .StateStatus(
            [StateOption(0, 1, "Enabled", "Aktiviert"), StateOption(1, 2, "Disabled", "Deaktiviert")],
            [StatusOption(1, 0, "Enabled", "Aktiviert"), StatusOption(2, 1, "Disabled", "Deaktiviert")])
        .Build();
}
