using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The attributes to return from a query or retrieve: a list of names, or all columns.</summary>
[DataContract(Name = "ColumnSet", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ColumnSet : IExtensibleDataObject
{
    private DataCollection<string> _columns = new();
    private DataCollection<XrmAttributeExpression> _attributeExpressions = new();

    /// <summary>Initializes an empty column set (no columns, <see cref="AllColumns"/> false).</summary>
    public ColumnSet()
    {
    }

    /// <summary>Initializes a column set that returns all columns when <paramref name="allColumns"/> is true.</summary>
    /// <param name="allColumns">Whether to return all columns.</param>
    public ColumnSet(bool allColumns)
    {
        AllColumns = allColumns;
    }

    /// <summary>Initializes a column set with the given column names.</summary>
    /// <param name="columns">The attribute logical names.</param>
    public ColumnSet(params string[] columns)
    {
        AddColumns(columns);
    }

    /// <summary>Gets or sets whether all columns are returned.</summary>
    [DataMember]
    public bool AllColumns { get; set; }

    [DataMember]
    public DataCollection<XrmAttributeExpression> AttributeExpressions
    {
        get => _attributeExpressions ??= new DataCollection<XrmAttributeExpression>();
        set => _attributeExpressions = value;
    }

    /// <summary>Gets or sets the column names.</summary>
    [DataMember]
    public DataCollection<string> Columns
    {
        get => _columns ??= new DataCollection<string>();
        set => _columns = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    public bool HasLazyFileAttribute { get; set; }

    public string? LazyFileAttributeEntityName { get; set; }

    public string? LazyFileAttributeKey { get; set; }

    public int LazyFileAttributeSizeLimit { get; set; }

    public Lazy<object>? LazyFileAttributeValue { get; set; }

    /// <summary>Adds a column name.</summary>
    /// <param name="column">The attribute logical name.</param>
    public void AddColumn(string column)
    {
        Columns.Add(column);
    }

    /// <summary>Adds column names.</summary>
    /// <param name="columns">The attribute logical names.</param>
    public void AddColumns(params string[] columns)
    {
        if (columns is null)
        {
            return;
        }

        Columns.AddRange(columns);
    }
}
