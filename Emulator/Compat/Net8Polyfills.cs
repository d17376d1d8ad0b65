#if !NET9_0_OR_GREATER
// The emulator also targets net8.0 (test projects that have not moved on yet). Two .NET 9 types it uses are given
// here with the members it calls and the same behaviour; net10.0 builds use the real ones.
using System.Diagnostics.CodeAnalysis;

namespace System.Threading
{
    /// <summary>.NET 9's Lock for net8.0: a monitor on a private object; the C# lock statement calls <see cref="EnterScope"/>.</summary>
    internal sealed class Lock
    {
        private readonly object _monitor = new();

        /// <summary>Enters the lock; the scope's Dispose leaves it.</summary>
        public Scope EnterScope()
        {
            Monitor.Enter(_monitor);
            return new Scope(_monitor);
        }

        /// <summary>Held by the thread inside <see cref="EnterScope"/>.</summary>
        public ref struct Scope
        {
            private readonly object _monitor;

            internal Scope(object monitor) => _monitor = monitor;

            /// <summary>Leaves the lock.</summary>
            public readonly void Dispose() => Monitor.Exit(_monitor);
        }
    }
}

namespace System.Collections.Generic
{
    /// <summary>.NET 9's OrderedDictionary for net8.0: insertion order plus O(1) lookup of a key's value and position.</summary>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The .NET 9 type's name.")]
    internal sealed class OrderedDictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
    {
        private readonly List<KeyValuePair<TKey, TValue>> _entries = [];
        private readonly Dictionary<TKey, int> _positions = [];

        public int Count => _entries.Count;

        public IReadOnlyList<TValue> Values => _entries.ConvertAll(entry => entry.Value);

        public TValue this[TKey key]
        {
            get => _entries[_positions[key]].Value;
            set
            {
                if (_positions.TryGetValue(key, out var index))
                {
                    _entries[index] = new(key, value);
                }
                else
                {
                    Add(key, value);
                }
            }
        }

        public void Add(TKey key, TValue value)
        {
            _positions.Add(key, _entries.Count);
            _entries.Add(new(key, value));
        }

        public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
        {
            if (_positions.TryGetValue(key, out var index))
            {
                value = _entries[index].Value;
                return true;
            }

            value = default;
            return false;
        }

        public bool ContainsKey(TKey key) => _positions.ContainsKey(key);

        public int IndexOf(TKey key) => _positions.TryGetValue(key, out var index) ? index : -1;

        public KeyValuePair<TKey, TValue> GetAt(int index) => _entries[index];

        public void Insert(int index, TKey key, TValue value)
        {
            _positions.Add(key, index);
            _entries.Insert(index, new(key, value));
            Renumber(index + 1);
        }

        public bool Remove(TKey key)
        {
            var index = IndexOf(key);
            if (index < 0)
            {
                return false;
            }

            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            _positions.Remove(_entries[index].Key);
            _entries.RemoveAt(index);
            Renumber(index);
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private void Renumber(int from)
        {
            for (var i = from; i < _entries.Count; i++)
            {
                _positions[_entries[i].Key] = i;
            }
        }
    }
}
#endif
