using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>The sdkmessage rows every emulator is seeded with.</summary>
internal static class SdkMessages
{
    /// <summary>Namespace for emulator-local, name-based (UUID v5) message ids. Fixed forever: ids must not drift.</summary>
    public static readonly Guid EmulatorNamespace = new("3f1c9a52-7d0e-4b8a-9e51-6a2f0c4d8b17");

    // Published ids: /work/shared/research/solution-format.md §3.4 (identical across tenants' exports).
    // Retrieve, GrantAccess and ModifyAccess are listed there only by their first group ("f2bdbb1b-…" etc.);
    // the remaining groups are INFERRED from the shared "-ea3e-db11-86a7-000a3a5473e8" family of all listed ids.
    private static readonly (string Name, Guid Id)[] Published =
    [
        ("Create", new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Update", new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Delete", new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Assign", new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("SetState", new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("SetStateDynamicEntity", new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Retrieve", new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("RetrieveMultiple", new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("GrantAccess", new Guid("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("ModifyAccess", new Guid("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("RevokeAccess", new Guid("11bebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Merge", new Guid("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8")),

        // Published in a Microsoft managed solution's exported step: /work/shared/research/qualifylead-message-id.md.
        // Solution/sdkmessages.json carries the same id, so the zip an administrator imports imports here unchanged.
        ("QualifyLead", new Guid("644c3365-b36c-431e-b76b-5c3e48adee55")),
    ];

    // Emulator-local: no published id found, and no step of ours is registered on them. Ids are UUID v5 of the name
    // under EmulatorNamespace, so they are stable but will differ from a real organization's.
    private static readonly string[] EmulatorLocal =
    [
        "Associate", "Disassociate", "Upsert", "WhoAmI", "ExecuteMultiple", "ExecuteTransaction",
        "RetrieveProcessInstances", "RetrieveActivePath", "SetProcess", "WinOpportunity", "LoseOpportunity",
    ];

    /// <summary>Every seeded message: name and sdkmessageid.</summary>
    public static IReadOnlyList<(string Name, Guid Id)> All { get; } = BuildAll();

    /// <summary>The published id of <paramref name="messageName"/>, else its emulator-local name-based id.</summary>
    public static Guid IdFor(string messageName)
    {
        foreach (var (name, id) in Published)
        {
            if (string.Equals(name, messageName, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return NameBasedId(messageName);
    }

    /// <summary>RFC 4122 version-5 (SHA-1) UUID of <paramref name="name"/> under <see cref="EmulatorNamespace"/>.</summary>
    public static Guid NameBasedId(string name) => NameBasedGuid.Create(EmulatorNamespace, name);

    private static (string Name, Guid Id)[] BuildAll()
    {
        var all = new List<(string, Guid)>(Published);
        foreach (var name in EmulatorLocal)
        {
            all.Add((name, NameBasedId(name)));
        }

        return all.ToArray();
    }
}
