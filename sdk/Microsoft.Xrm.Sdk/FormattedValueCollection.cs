using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Formatted attribute values keyed by attribute logical name.</summary>
[CollectionDataContract(Name = "FormattedValueCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class FormattedValueCollection : Microsoft.Xrm.Sdk.DataCollection<string, string>
{
    public FormattedValueCollection()
    {
    }

#pragma warning disable CS0628 // api.txt lists this ctor as protected internal although the type is sealed

    protected internal FormattedValueCollection(System.Collections.Generic.IDictionary<string, string> collection) : base(collection)
    {
    }
#pragma warning restore CS0628
}
