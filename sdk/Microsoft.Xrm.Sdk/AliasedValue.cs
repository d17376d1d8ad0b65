using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A value of a linked entity's attribute or an aggregate, returned under an alias.</summary>
[DataContract(Name = "AliasedValue", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType("GetKnownAliasedValueTypes")]
public sealed class AliasedValue : IExtensibleDataObject
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    [DataMember]
    public string? AttributeLogicalName { get; internal set; }

    [DataMember]
    public string? EntityLogicalName { get; internal set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public object? Value { get; internal set; }

    private static IEnumerable<Type> GetKnownAliasedValueTypes()
    {
        return KnownTypes.ParameterTypes();
    }
}
