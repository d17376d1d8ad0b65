using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The string-keyed property bag of request parameters, response results and the plug-in context's
/// input/output parameters and shared variables.
/// </summary>
[CollectionDataContract(Name = "ParameterCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType("GetKnownParameterTypes")]
public class ParameterCollection : DataCollection<string, object>
{
    /// <summary>Initializes an empty collection.</summary>
    public ParameterCollection()
    {
    }

    /// <summary>Initializes the collection with a copy of <paramref name="collection"/>.</summary>
    /// <param name="collection">The entries to copy.</param>
    protected ParameterCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="obj"/> unless <paramref name="obj"/> is null.</summary>
    /// <param name="key">The parameter name.</param>
    /// <param name="obj">The value.</param>
    public void AddOrUpdateIfNotNull(string key, object? obj)
    {
        if (obj is not null)
        {
            this[key] = obj;
        }
    }

    /// <summary>Gets the value for <paramref name="key"/> when present and of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="key">The parameter name.</param>
    /// <param name="value">The value, or the default of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> when the key is present and its value is a <typeparamref name="T"/>.</returns>
    public bool TryGetValue<T>(string key, out T value)
    {
        if (TryGetValue(key, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    private static IEnumerable<Type> GetKnownParameterTypes()
    {
        return KnownTypes.ParameterTypes();
    }
}
