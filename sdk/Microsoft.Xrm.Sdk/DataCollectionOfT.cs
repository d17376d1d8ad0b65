using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A list collection used throughout the SDK (entity lists, condition values, column names).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[Serializable]
public class DataCollection<T> : Collection<T>
{
    internal DataCollection()
    {
    }

    internal DataCollection(IList<T> list)
        : base(list)
    {
    }

    /// <summary>Adds every item of <paramref name="items"/> in order.</summary>
    /// <param name="items">The items to add.</param>
    public void AddRange(IEnumerable<T> items)
    {
        if (items is null)
        {
            return;
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Adds every item of <paramref name="items"/> in order.</summary>
    /// <param name="items">The items to add.</param>
    public void AddRange(params T[] items)
    {
        AddRange((IEnumerable<T>)items);
    }

    /// <summary>Copies the items into a new array.</summary>
    /// <returns>An array holding the items in order.</returns>
    public T[] ToArray()
    {
        var result = new T[Count];
        CopyTo(result, 0);
        return result;
    }
}
