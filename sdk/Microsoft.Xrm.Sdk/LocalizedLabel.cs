using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk;

/// <summary>A label text in one language.</summary>
[DataContract(Name = "LocalizedLabel", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class LocalizedLabel : MetadataBase
{
    public LocalizedLabel()
    {
    }

    public LocalizedLabel(string label, int languageCode)
    {
        Label = label;
        LanguageCode = languageCode;
    }

    [DataMember]
    public bool? IsManaged { get; internal set; }

    [DataMember]
    public string? Label { get; set; }

    [DataMember]
    public int LanguageCode { get; set; }
}
