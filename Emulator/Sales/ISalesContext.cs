using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>
/// What the sales handlers need from the emulator core, per request. The core implements it on top of its store and
/// its single dispatch point, so nested requests raised here run the full pipeline at depth + 1 inside the caller's
/// transaction.
/// </summary>
internal interface ISalesContext
{
    /// <summary>The emulator clock.</summary>
    DateTime UtcNow { get; }

    /// <summary>The stored row, or null. Callers never mutate it.</summary>
    Entity? Find(string table, Guid id);

    /// <summary>The stored rows of a table. Callers never mutate them.</summary>
    IEnumerable<Entity> Rows(string table);

    /// <summary>
    /// The stored rows of <paramref name="table"/> whose lookup <paramref name="column"/> points at <paramref name="id"/>,
    /// in store order. Callers never mutate them.
    /// </summary>
    IEnumerable<Entity> RowsReferencing(string table, string column, Guid id)
    {
        foreach (var row in Rows(table))
        {
            if (row.GetAttributeValue<EntityReference>(column)?.Id == id)
            {
                yield return row;
            }
        }
    }

    /// <summary>Runs a nested request through the dispatch point (own pipeline steps, depth + 1, same transaction).</summary>
    OrganizationResponse Execute(OrganizationRequest request);

    /// <summary>
    /// The core-operation write of an existing row: applies <paramref name="changes"/> (id and logical name set) to the
    /// stored row and stamps modifiedon / modifiedby / versionnumber, without running any pipeline. Used for the main
    /// operation of SetState and for touching a BPF instance.
    /// </summary>
    void WriteCore(Entity changes);

    /// <summary>
    /// True when the caller holds the Create privilege on <paramref name="table"/> at some level. A record's default
    /// business process flow starts only for a caller who may create its instance: on the platform a user without
    /// privileges on the process's table simply does not get the process (approximation of "enable security roles for
    /// business process flows").
    /// </summary>
    bool MayCreate(string table) => true;
}
