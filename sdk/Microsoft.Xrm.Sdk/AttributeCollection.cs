using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The attribute values of an <see cref="Entity"/>, keyed by attribute logical name.</summary>
[CollectionDataContract(Name = "AttributeCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType("GetKnownParameterTypes")]
public sealed class AttributeCollection : Microsoft.Xrm.Sdk.DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

#pragma warning disable CS0628 // api.txt lists this ctor as protected internal although the type is sealed
    protected internal AttributeCollection(System.Collections.Generic.IDictionary<string, object> collection) : base(collection)
    {
    }
#pragma warning restore CS0628

    private static IEnumerable<Type> GetKnownParameterTypes()
    {
        return KnownTypes.ParameterTypes();
    }
}
