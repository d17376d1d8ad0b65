using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "OptionSetValueCollection", Namespace = "http://schemas.microsoft.com/xrm/9.0/Contracts")]
public sealed class OptionSetValueCollection : Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.OptionSetValue>
{
    public OptionSetValueCollection()
    {
    }

    public OptionSetValueCollection(System.Collections.Generic.IList<Microsoft.Xrm.Sdk.OptionSetValue> list) : base(list)
    {
    }
}
