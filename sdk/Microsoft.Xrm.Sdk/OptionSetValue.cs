using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The value of a choice (option set) attribute; equal to another with the same <see cref="Value"/>.</summary>
[DataContract(Name = "OptionSetValue", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class OptionSetValue : IExtensibleDataObject
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public int Value { get; set; }

    public override bool Equals(object? obj)
    {
        return obj is OptionSetValue other && other.Value == Value;
    }

    public override int GetHashCode()
    {
        return Value.GetHashCode();
    }
}
