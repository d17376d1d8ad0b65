using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>
/// One instance per distinct value for what most stored rows repeat: references to users, business units, processes,
/// stages and currencies (every row names its creator, modifier and owner), choice values, Yes/No values and the
/// created-on/modified-on pair. Only stored rows hold these instances; everything handed out of the store is a copy
/// (<see cref="EntityCloner"/>), so sharing them is invisible to callers and plug-ins.
/// </summary>
internal sealed class SharedValues
{
    private static readonly object True = true;
    private static readonly object False = false;

    // Tables with few rows that many rows point at; references to other tables are as many as their rows.
    private static readonly HashSet<string> FewRowTables = new(StringComparer.Ordinal)
    {
        "systemuser", "businessunit", "team", "organization", "transactioncurrency", "workflow", "processstage",
    };

    private readonly Dictionary<(string Table, Guid Id, string? Name), EntityReference> _references = [];
    private readonly Dictionary<int, OptionSetValue> _options = [];

    // The last boxed date stored: createdon/modifiedon of one write, and of rows written at the same clock time, share it.
    private object? _lastDate;

    /// <summary>Replaces <paramref name="row"/>'s values by their shared instances where there is one.</summary>
    public void Share(Entity row)
    {
        List<KeyValuePair<string, object>>? replacements = null;
        foreach (var pair in row.Attributes)
        {
            var shared = pair.Value switch
            {
                bool flag => flag ? True : False,
                OptionSetValue option => Option(option),
                EntityReference reference => Reference(reference),
                DateTime date when _lastDate is DateTime previous && previous == date && previous.Kind == date.Kind => _lastDate,
                _ => pair.Value,
            };
            if (pair.Value is DateTime)
            {
                _lastDate = shared;
            }

            if (!ReferenceEquals(shared, pair.Value))
            {
                (replacements ??= []).Add(new KeyValuePair<string, object>(pair.Key, shared));
            }
        }

        foreach (var (key, value) in replacements ?? [])
        {
            row.Attributes[key] = value;
        }
    }

    private OptionSetValue Option(OptionSetValue option)
    {
        if (!_options.TryGetValue(option.Value, out var shared))
        {
            shared = option;
            _options.Add(option.Value, shared);
        }

        return shared;
    }

    private EntityReference Reference(EntityReference reference)
    {
        if (!FewRowTables.Contains(reference.LogicalName ?? string.Empty) || reference.RowVersion is not null || LazyCollections.HasKeyAttributes(reference))
        {
            return reference;
        }

        var key = (reference.LogicalName!, reference.Id, reference.Name);
        if (!_references.TryGetValue(key, out var shared))
        {
            shared = reference;
            _references.Add(key, shared);
        }

        return shared;
    }
}
