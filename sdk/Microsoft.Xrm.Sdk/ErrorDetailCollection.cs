using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "ErrorDetailCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[Serializable]
public sealed class ErrorDetailCollection : Microsoft.Xrm.Sdk.DataCollection<string, object>
{

}
