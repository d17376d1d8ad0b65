using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// The data type of a column, as Dataverse's AttributeTypeCode names it. The metadata model declares columns with it
/// and the query engine compares and converts by it, so both speak of one set of types.
/// </summary>
#pragma warning disable CA1720 // Member names mirror Dataverse's AttributeTypeCode.
public enum ColumnKind
{
    /// <summary>Single-line text.</summary>
    String,
    /// <summary>Multi-line text.</summary>
    Memo,
    /// <summary>32-bit whole number.</summary>
    Integer,
    /// <summary>64-bit whole number, e.g. versionnumber.</summary>
    BigInt,
    /// <summary>Decimal number.</summary>
    Decimal,
    /// <summary>Floating point number.</summary>
    Double,
    /// <summary>Currency (<see cref="Money"/>); every money column has a read-only <c>_base</c> twin.</summary>
    Money,
    /// <summary>Two options.</summary>
    Boolean,
    /// <summary>Date and time (stored in UTC).</summary>
    DateTime,
    /// <summary>Choice (<see cref="OptionSetValue"/>).</summary>
    Picklist,
    /// <summary>statecode.</summary>
    State,
    /// <summary>statuscode.</summary>
    Status,
    /// <summary>Choices (<see cref="OptionSetValueCollection"/>).</summary>
    MultiSelectPicklist,
    /// <summary>Lookup (<see cref="EntityReference"/>).</summary>
    Lookup,
    /// <summary>Customer lookup (account or contact).</summary>
    Customer,
    /// <summary>Owner lookup (systemuser or team).</summary>
    Owner,
    /// <summary>Guid, including the primary id.</summary>
    Uniqueidentifier,
    /// <summary>Logical name of a table (string).</summary>
    EntityName,
    /// <summary>Anything else.</summary>
    Other,
}
#pragma warning restore CA1720

/// <summary>What the query engine reads: table and column metadata plus the stored rows.</summary>
internal interface IQuerySource
{
    /// <summary>True when the table is known to the emulator.</summary>
    bool TableExists(string table);

    /// <summary>The primary id column of <paramref name="table"/>; throws the unknown-table fault if missing.</summary>
    string PrimaryIdAttribute(string table);

    /// <summary>The kind of <paramref name="column"/>, or null when the table has no such column.</summary>
    ColumnKind? ColumnKindOf(string table, string column);

    /// <summary>The stored rows. The engine never mutates them and clones what it returns.</summary>
    IEnumerable<Entity> Rows(string table);

    /// <summary>
    /// Optional equality index: the rows of <paramref name="table"/> that may hold <paramref name="value"/> in
    /// <paramref name="column"/> (a superset of the rows an Equal condition accepts), in the order of
    /// <see cref="Rows"/>; or null when the source cannot narrow the rows, and the engine scans them all. The engine
    /// still applies the full filter to every row returned.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column, as the condition names it.</param>
    /// <param name="value">The condition value converted to the column's kind and normalized (a string, int, Guid, ...).</param>
    IEnumerable<Entity>? RowsWhereEqual(string table, string column, object value) => null;
}
