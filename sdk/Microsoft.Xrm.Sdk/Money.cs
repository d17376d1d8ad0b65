using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A currency amount; equal to another <see cref="Money"/> with the same <see cref="Value"/>.</summary>
[DataContract(Name = "Money", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class Money : IExtensibleDataObject
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public decimal Value { get; set; }

    public override bool Equals(object? obj)
    {
        return obj is Money other && other.Value == Value;
    }

    public override int GetHashCode()
    {
        return Value.GetHashCode();
    }
}
