using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Metadata.Query;

[DataContract(Name = "MetadataFilterExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class MetadataFilterExpression : IExtensibleDataObject
{
    public MetadataFilterExpression()
    {
    }

    public MetadataFilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    [DataMember]
    public DataCollection<MetadataConditionExpression> Conditions { get; } = new();

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public LogicalOperator FilterOperator { get; set; }

    [DataMember]
    public DataCollection<MetadataFilterExpression> Filters { get; } = new();
}

[DataContract(Name = "MetadataConditionExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class MetadataConditionExpression : IExtensibleDataObject
{
    public MetadataConditionExpression()
    {
    }

    public MetadataConditionExpression(string propertyName, MetadataConditionOperator conditionOperator, object value)
    {
        PropertyName = propertyName;
        ConditionOperator = conditionOperator;
        Value = value;
    }

    [DataMember]
    public MetadataConditionOperator ConditionOperator { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public string? PropertyName { get; set; }

    [DataMember]
    public object? Value { get; set; }
}

[DataContract(Name = "MetadataConditionOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public enum MetadataConditionOperator
{
    [EnumMember]
    Equals = 0,
    [EnumMember]
    NotEquals = 1,
    [EnumMember]
    In = 2,
    [EnumMember]
    NotIn = 3,
    [EnumMember]
    GreaterThan = 4,
    [EnumMember]
    LessThan = 5,
}

[DataContract(Name = "MetadataPropertiesExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class MetadataPropertiesExpression : IExtensibleDataObject
{
    public MetadataPropertiesExpression()
    {
    }

    public MetadataPropertiesExpression(params string[] propertyNames)
    {
        PropertyNames.AddRange(propertyNames);
    }

    [DataMember]
    public bool AllProperties { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public DataCollection<string> PropertyNames { get; } = new();
}

[DataContract(Name = "DeletedMetadataFilters", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
[System.Flags]
public enum DeletedMetadataFilters
{
    [EnumMember]
    Default = 1,
    [EnumMember]
    Entity = 1,
    [EnumMember]
    Attribute = 2,
    [EnumMember]
    Relationship = 4,
    [EnumMember]
    Label = 8,
    [EnumMember]
    OptionSet = 16,
    [EnumMember]
    All = 31,
}

[CollectionDataContract(Name = "DeletedMetadataCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata/Query")]
public sealed class DeletedMetadataCollection : DataCollection<DeletedMetadataFilters, DataCollection<System.Guid>>
{
}
