using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>
/// State/status pair rules used by QualifyLead and the BPF rules (lead-semantics §1.2, §3.2). Update and SetState
/// validate pairs in the core (DataOperations); this is the same rule for callers that resolve a status up front.
/// </summary>
internal static class StateRules
{
    /// <summary>
    /// The status to store for (<paramref name="state"/>, <paramref name="status"/>): −1 or null means the state's default
    /// status; otherwise the status must belong to the state. Throws InvalidStateCodeStatusCode otherwise.
    /// </summary>
    public static int ResolveStatus(TableDefinition table, int state, int? status)
    {
        ArgumentNullException.ThrowIfNull(table);
        var defaultStatus = table.DefaultStatusFor(state);
        if (defaultStatus is null)
        {
            throw Faults.InvalidStateStatus(table, state, status ?? SalesNames.DefaultStatus);
        }

        if (status is null or SalesNames.DefaultStatus)
        {
            return defaultStatus.Value;
        }

        if (!table.IsValidStatus(state, status.Value))
        {
            throw Faults.InvalidStateStatus(table, state, status.Value);
        }

        return status.Value;
    }

    /// <summary>Reads an option value given as OptionSetValue or int; null when absent.</summary>
    public static int? OptionValue(object? value) => value switch
    {
        OptionSetValue option => option.Value,
        int number => number,
        _ => null,
    };

    /// <summary>The row's statecode as an int (OptionSetValue or int); null when the row has none.</summary>
    public static int? StateOf(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return OptionValue(row.Contains(SalesNames.StateCode) ? row[SalesNames.StateCode] : null);
    }
}

/// <summary>
/// The Update split rule (lead-semantics §3.1): an Update whose Target carries statecode/statuscode together with other
/// columns is, from the pipeline's point of view, two Update operations: first the other columns, then the state and
/// status columns. Update steps in PreOperation (20) and PostOperation (40) therefore run twice.
/// </summary>
/// <remarks>
/// Contract with the dispatch point / pipeline: PreValidation (10) runs once with the caller's full Target (this is why
/// the docs advise registering there to see the whole change). Then, for each part returned by <see cref="Split"/>, in
/// order, the dispatch runs PreOperation, the core Update and PostOperation with InputParameters["Target"] = that part
/// (images taken per part). A Target without state columns, or with nothing but state columns, is one part.
/// </remarks>
internal static class StateSplit
{
    /// <summary>True for statecode and statuscode.</summary>
    public static bool IsStateColumn(string column) =>
        string.Equals(column, SalesNames.StateCode, StringComparison.Ordinal) || string.Equals(column, SalesNames.StatusCode, StringComparison.Ordinal);

    /// <summary>True when <paramref name="target"/> must run as two operations.</summary>
    public static bool MustSplit(Entity target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var state = false;
        var other = false;
        var primaryId = PrimaryIdOf(target);
        foreach (var attribute in target.Attributes)
        {
            if (IsStateColumn(attribute.Key))
            {
                state = true;
            }
            else if (!string.Equals(attribute.Key, primaryId, StringComparison.Ordinal))
            {
                other = true;
            }
        }

        return state && other;
    }

    /// <summary>
    /// The operations to run for <paramref name="target"/>: the target itself when no split applies, otherwise two new
    /// entities (same logical name, id and key attributes): the non-state columns, then statecode/statuscode.
    /// </summary>
    public static IReadOnlyList<Entity> Split(Entity target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!MustSplit(target))
        {
            return [target];
        }

        var columns = Shell(target);
        var state = Shell(target);
        var primaryId = PrimaryIdOf(target);
        foreach (var attribute in target.Attributes)
        {
            if (!string.Equals(attribute.Key, primaryId, StringComparison.Ordinal))
            {
                (IsStateColumn(attribute.Key) ? state : columns)[attribute.Key] = attribute.Value;
            }
        }

        return [columns, state];
    }

    private static string PrimaryIdOf(Entity target) =>
        Metadata.MetadataCatalog.Find(target.LogicalName)?.PrimaryIdAttribute ?? target.LogicalName + "id";

    private static Entity Shell(Entity target)
    {
        // A Target may name its row by the primary key column alone (Id empty): both parts name it by Id.
        var id = target.Id != Guid.Empty ? target.Id
            : target.Attributes.TryGetValue(PrimaryIdOf(target), out var key) && key is Guid keyId ? keyId : Guid.Empty;
        var part = new Entity(target.LogicalName, id) { RowVersion = target.RowVersion };
        foreach (var alternateKey in target.KeyAttributes)
        {
            part.KeyAttributes[alternateKey.Key] = alternateKey.Value;
        }

        return part;
    }
}
