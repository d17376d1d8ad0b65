using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "LocalizedLabelCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class LocalizedLabelCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.LocalizedLabel>
{
    public LocalizedLabelCollection()
    {
    }

    public LocalizedLabelCollection(System.Collections.Generic.IList<Microsoft.Xrm.Sdk.LocalizedLabel> list) : base(list)
    {
    }
}
