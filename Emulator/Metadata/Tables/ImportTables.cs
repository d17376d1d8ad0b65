using static LeadQualifyExtensions.Emulator.Metadata.TableBuilder;

namespace LeadQualifyExtensions.Emulator.Metadata.Tables;

/// <summary>asyncoperation: system jobs, here the solution imports ImportSolutionAsync starts.</summary>
internal static class AsyncOperation
{
    public static TableDefinition Definition { get; } = new TableBuilder("asyncoperation", "asyncoperationid", "name", OwnershipType.None, "System Job", "Systemauftrag")
        .String("name", 256, "System Job Name", "Name des Systemauftrags")
        .Integer("operationtype", "System Job Type", "Systemauftragstyp")
        .Memo("message", 1048576, "Message", "Meldung")
        .Memo("friendlymessage", 1048576, "Friendly message", "Benutzerfreundliche Meldung")
        .DateTime("startedon", "Started On", "Begonnen am")
        .DateTime("completedon", "Completed On", "Abgeschlossen am")
        .StateStatus(
            [StateOption(0, 0, "Ready", "Bereit"), StateOption(1, 10, "Suspended", "Angehalten"), StateOption(2, 20, "Locked", "Gesperrt"), StateOption(3, 30, "Completed", "Abgeschlossen")],
            [
                StatusOption(0, 0, "Waiting For Resources", "Wartet auf Ressourcen"), StatusOption(10, 1, "Waiting", "Wartend"),
                StatusOption(20, 2, "In Progress", "In Bearbeitung"), StatusOption(21, 2, "Pausing", "Wird angehalten"), StatusOption(22, 2, "Canceling", "Wird abgebrochen"),
                StatusOption(30, 3, "Succeeded", "Erfolgreich"), StatusOption(31, 3, "Failed", "Fehlgeschlagen"), StatusOption(32, 3, "Canceled", "Abgebrochen"),
            ])
        .Build();
}
