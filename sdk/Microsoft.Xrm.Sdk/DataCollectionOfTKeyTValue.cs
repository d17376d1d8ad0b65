using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A keyed collection (the base of <see cref="AttributeCollection"/>, <see cref="ParameterCollection"/> and the
/// other property bags). Reading a missing key through the indexer throws
/// <see cref="KeyNotFoundException"/>; writing through the indexer adds or replaces.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
[Serializable]
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _items;

    /// <summary>Initializes an empty collection.</summary>
    protected internal DataCollection()
    {
        _items = new Dictionary<TKey, TValue>();
    }

    /// <summary>Initializes the collection with a copy of <paramref name="collection"/>.</summary>
    /// <param name="collection">The entries to copy.</param>
    protected internal DataCollection(IDictionary<TKey, TValue> collection)
    {
        _items = collection is null ? new Dictionary<TKey, TValue>() : new Dictionary<TKey, TValue>(collection);
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _items.Count;

    /// <summary>Gets whether the collection is read-only.</summary>
    public virtual bool IsReadOnly { get; internal set; }

    /// <summary>Gets the keys.</summary>
    public ICollection<TKey> Keys => _items.Keys;

    /// <summary>Gets the values.</summary>
    public ICollection<TValue> Values => _items.Values;

    /// <summary>Gets or sets the value for <paramref name="key"/>; setting adds or replaces.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present.</exception>
    public virtual TValue this[TKey key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    /// <summary>Adds an entry; throws <see cref="ArgumentException"/> when the key already exists.</summary>
    /// <param name="item">The entry.</param>
    public void Add(KeyValuePair<TKey, TValue> item)
    {
        _items.Add(item.Key, item.Value);
    }

    /// <summary>Adds an entry; throws <see cref="ArgumentException"/> when the key already exists.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Add(TKey key, TValue value)
    {
        _items.Add(key, value);
    }

    /// <summary>Adds every entry of <paramref name="items"/>.</summary>
    /// <param name="items">The entries.</param>
    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
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

    /// <summary>Adds every entry of <paramref name="items"/>.</summary>
    /// <param name="items">The entries.</param>
    public void AddRange(params KeyValuePair<TKey, TValue>[] items)
    {
        AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _items.Clear();
    }

    /// <summary>Returns whether the exact key/value pair is present.</summary>
    /// <param name="key">The pair.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(KeyValuePair<TKey, TValue> key)
    {
        return ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(TKey key)
    {
        return _items.ContainsKey(key);
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool ContainsKey(TKey key)
    {
        return _items.ContainsKey(key);
    }

    /// <summary>Copies the entries into <paramref name="array"/> starting at <paramref name="arrayIndex"/>.</summary>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">The first index to write.</param>
    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
    {
        ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);
    }

    /// <summary>Returns an enumerator over the entries.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        return _items.GetEnumerator();
    }

    /// <summary>Removes the exact key/value pair.</summary>
    /// <param name="item">The pair.</param>
    /// <returns><see langword="true"/> when removed.</returns>
    public bool Remove(KeyValuePair<TKey, TValue> item)
    {
        return ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);
    }

    /// <summary>Removes the entry for <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when removed.</returns>
    public bool Remove(TKey key)
    {
        return _items.Remove(key);
    }

    /// <summary>Gets the value for <paramref name="key"/> without throwing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or the default when absent.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGetValue(TKey key, out TValue value)
    {
        return _items.TryGetValue(key, out value!);
    }

    IEnumerator IEnumerable.GetEnumerator()
    {
        return GetEnumerator();
    }
}
