using System;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>
/// The refusals of the query provider. Like the platform's provider it throws <see cref="NotSupportedException"/> for what
/// QueryExpression cannot express (Microsoft's "Use LINQ to construct a query", section LINQ limitations).
/// </summary>
internal static class LinqErrors
{
    public static NotSupportedException Method(string name) => new($"The method '{name}' is not supported.");

    public static NotSupportedException InvalidWhere(string detail) =>
        new($"Invalid 'where' condition. {detail}");

    public static NotSupportedException ColumnOnLeft() =>
        InvalidWhere("The left side of a condition must be a column of the queried table and the right side a value.");

    public static NotSupportedException SingleTablePerWhere() =>
        InvalidWhere("Each where clause can only contain conditions against a single table; filter each table in its own where clause.");

    public static NotSupportedException InvalidOrderBy() =>
        new("Invalid 'orderBy' clause. Order by columns of the root table of the query.");

    public static NotSupportedException InvalidJoin(string detail) => new($"Invalid 'join' clause. {detail}");

    public static NotSupportedException SkipLessThanTake() =>
        new("The skip value must be greater than or equal to the take value (skip and take are server-side paging).");

    public static NotSupportedException AfterProjection(string name) =>
        new($"The method '{name}' is not supported after a projection ('select'); apply it before selecting.");

    public static NotSupportedException AfterPaging(string name) =>
        new($"The method '{name}' is not supported after 'Skip' or 'Take'; apply it before paging.");
}
