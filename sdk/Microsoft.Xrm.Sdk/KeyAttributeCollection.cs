using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Alternate key values that identify a record, keyed by attribute logical name.</summary>
[CollectionDataContract(Name = "KeyAttributeCollection", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
[Serializable]
public sealed class KeyAttributeCollection : Microsoft.Xrm.Sdk.DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

#pragma warning disable CS0628 // api.txt lists this ctor as protected internal although the type is sealed

    protected internal KeyAttributeCollection(System.Collections.Generic.IDictionary<string, object> collection) : base(collection)
    {
    }
#pragma warning restore CS0628
}
