using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A metadata property whose value a managed solution may lock.</summary>
[DataContract(Name = "ManagedProperty{0}", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class ManagedProperty<T> : IExtensibleDataObject
{
    public ManagedProperty()
    {
    }

    public ManagedProperty(T value)
    {
        Value = value;
    }

    [DataMember]
    public bool CanBeChanged { get; set; } = true;

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public string? ManagedPropertyLogicalName { get; set; }

    [DataMember]
    public T? Value { get; set; }
}
