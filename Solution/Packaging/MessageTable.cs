using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LeadQualifyExtensions.Packaging;

/// <summary>One committed SDK message id and where it was published.</summary>
public sealed record MessageEntry(string Name, Guid Id, string Provenance);

/// <summary>The committed table of system SDK message ids (Solution/sdkmessages.json).</summary>
public sealed class MessageTable
{
    private readonly Dictionary<string, MessageEntry> _byName;

    /// <summary>Creates a table from entries.</summary>
    public MessageTable(IEnumerable<MessageEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The entries, by name.</summary>
    public IReadOnlyCollection<MessageEntry> Entries => _byName.Values;

    /// <summary>Loads the table; every entry must have a name, a GUID and a provenance.</summary>
    public static MessageTable Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var entries = new List<MessageEntry>();
        foreach (var element in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            var name = element.GetProperty("name").GetString();
            var id = element.GetProperty("id").GetString();
            var provenance = element.TryGetProperty("provenance", out var p) ? p.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || !Guid.TryParse(id, out var guid) || string.IsNullOrWhiteSpace(provenance))
            {
                throw new PackagingException($"{path}: every message needs a name, a GUID id and a provenance (entry '{name}').");
            }

            entries.Add(new MessageEntry(name, guid, provenance));
        }

        return new MessageTable(entries);
    }

    /// <summary>The id of <paramref name="name"/>, or null when the table does not have it.</summary>
    public Guid? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry.Id : null;

    /// <summary>The message name of <paramref name="id"/>, or null.</summary>
    public string? NameOf(Guid id) => _byName.Values.FirstOrDefault(e => e.Id == id)?.Name;
}
