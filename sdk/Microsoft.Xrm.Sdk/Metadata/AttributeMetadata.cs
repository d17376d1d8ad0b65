using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

/// <summary>A column's definition (RetrieveAttribute, RetrieveEntity with Attributes).</summary>
[DataContract(Name = "AttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public class AttributeMetadata : MetadataBase
{
    public AttributeMetadata()
    {
    }

    protected AttributeMetadata(AttributeTypeCode attributeType)
    {
        AttributeType = attributeType;
    }

    protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        : this(attributeType)
    {
        SchemaName = schemaName;
    }

    [DataMember]
    public AttributeTypeCode? AttributeType { get; internal set; }

    [DataMember]
    public int? ColumnNumber { get; internal set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? Description { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? DisplayName { get; set; }

    [DataMember]
    public string? EntityLogicalName { get; internal set; }

    [DataMember]
    public bool? IsCustomAttribute { get; internal set; }

    [DataMember]
    public bool? IsPrimaryId { get; internal set; }

    [DataMember]
    public bool? IsPrimaryName { get; internal set; }

    [DataMember]
    public bool? IsValidForCreate { get; internal set; }

    [DataMember]
    public bool? IsValidForRead { get; internal set; }

    [DataMember]
    public bool? IsValidForUpdate { get; internal set; }

    [DataMember]
    public string? LogicalName { get; set; }

    [DataMember]
    public AttributeRequiredLevelManagedProperty? RequiredLevel { get; set; }

    [DataMember]
    public string? SchemaName { get; set; }
}

[DataContract(Name = "StringAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class StringAttributeMetadata : AttributeMetadata
{
    public StringAttributeMetadata()
        : base(AttributeTypeCode.String)
    {
    }

    public StringAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.String, schemaName)
    {
    }

    [DataMember]
    public int? MaxLength { get; set; }
}

[DataContract(Name = "MemoAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class MemoAttributeMetadata : AttributeMetadata
{
    public MemoAttributeMetadata()
        : base(AttributeTypeCode.Memo)
    {
    }

    public MemoAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Memo, schemaName)
    {
    }

    [DataMember]
    public int? MaxLength { get; set; }
}

[DataContract(Name = "IntegerAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class IntegerAttributeMetadata : AttributeMetadata
{
    public const int MaxSupportedValue = int.MaxValue;
    public const int MinSupportedValue = int.MinValue;

    public IntegerAttributeMetadata()
        : base(AttributeTypeCode.Integer)
    {
    }

    public IntegerAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Integer, schemaName)
    {
    }

    [DataMember]
    public int? MaxValue { get; set; }

    [DataMember]
    public int? MinValue { get; set; }
}

[DataContract(Name = "BigIntAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class BigIntAttributeMetadata : AttributeMetadata
{
    public const long MaxSupportedValue = long.MaxValue;
    public const long MinSupportedValue = long.MinValue;

    public BigIntAttributeMetadata()
        : base(AttributeTypeCode.BigInt)
    {
    }

    public BigIntAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.BigInt, schemaName)
    {
    }

    [DataMember]
    public long? MaxValue { get; set; }

    [DataMember]
    public long? MinValue { get; set; }
}

[DataContract(Name = "DecimalAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class DecimalAttributeMetadata : AttributeMetadata
{
    public DecimalAttributeMetadata()
        : base(AttributeTypeCode.Decimal)
    {
    }

    public DecimalAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Decimal, schemaName)
    {
    }

    [DataMember]
    public decimal? MaxValue { get; set; }

    [DataMember]
    public decimal? MinValue { get; set; }

    [DataMember]
    public int? Precision { get; set; }
}

[DataContract(Name = "DoubleAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class DoubleAttributeMetadata : AttributeMetadata
{
    public DoubleAttributeMetadata()
        : base(AttributeTypeCode.Double)
    {
    }

    public DoubleAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Double, schemaName)
    {
    }

    [DataMember]
    public double? MaxValue { get; set; }

    [DataMember]
    public double? MinValue { get; set; }

    [DataMember]
    public int? Precision { get; set; }
}

[DataContract(Name = "MoneyAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class MoneyAttributeMetadata : AttributeMetadata
{
    public MoneyAttributeMetadata()
        : base(AttributeTypeCode.Money)
    {
    }

    public MoneyAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Money, schemaName)
    {
    }

    [DataMember]
    public bool? IsBaseCurrency { get; internal set; }

    [DataMember]
    public double? MaxValue { get; set; }

    [DataMember]
    public double? MinValue { get; set; }

    [DataMember]
    public int? Precision { get; set; }
}

[DataContract(Name = "BooleanAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class BooleanAttributeMetadata : AttributeMetadata
{
    public BooleanAttributeMetadata()
        : base(AttributeTypeCode.Boolean)
    {
    }

    public BooleanAttributeMetadata(BooleanOptionSetMetadata optionSet)
        : this()
    {
        OptionSet = optionSet;
    }

    public BooleanAttributeMetadata(string schemaName, BooleanOptionSetMetadata optionSet)
        : base(AttributeTypeCode.Boolean, schemaName)
    {
        OptionSet = optionSet;
    }

    [DataMember]
    public bool? DefaultValue { get; set; }

    [DataMember]
    public BooleanOptionSetMetadata? OptionSet { get; set; }
}

[DataContract(Name = "DateTimeAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class DateTimeAttributeMetadata : AttributeMetadata
{
    public DateTimeAttributeMetadata()
        : base(AttributeTypeCode.DateTime)
    {
    }

    public DateTimeAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.DateTime, schemaName)
    {
    }
}

[DataContract(Name = "EnumAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public abstract class EnumAttributeMetadata : AttributeMetadata
{
    protected EnumAttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        : base(attributeType, schemaName)
    {
    }

    [DataMember]
    public int? DefaultFormValue { get; set; }

    [DataMember]
    public OptionSetMetadata? OptionSet { get; set; }
}

[DataContract(Name = "PicklistAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class PicklistAttributeMetadata : EnumAttributeMetadata
{
    public PicklistAttributeMetadata()
        : base(AttributeTypeCode.Picklist, null!)
    {
    }

    public PicklistAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Picklist, schemaName)
    {
    }
}

[DataContract(Name = "StateAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class StateAttributeMetadata : EnumAttributeMetadata
{
    public StateAttributeMetadata()
        : base(AttributeTypeCode.State, null!)
    {
    }
}

[DataContract(Name = "StatusAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class StatusAttributeMetadata : EnumAttributeMetadata
{
    public StatusAttributeMetadata()
        : base(AttributeTypeCode.Status, null!)
    {
    }

    public StatusAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Status, schemaName)
    {
    }
}

[DataContract(Name = "EntityNameAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class EntityNameAttributeMetadata : EnumAttributeMetadata
{
    public EntityNameAttributeMetadata()
        : base(AttributeTypeCode.EntityName, null!)
    {
    }

    public EntityNameAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.EntityName, schemaName)
    {
    }
}

[DataContract(Name = "MultiSelectPicklistAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class MultiSelectPicklistAttributeMetadata : EnumAttributeMetadata
{
    public MultiSelectPicklistAttributeMetadata()
        : base(AttributeTypeCode.Virtual, null!)
    {
    }

    public MultiSelectPicklistAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Virtual, schemaName)
    {
    }
}

[DataContract(Name = "LookupAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class LookupAttributeMetadata : AttributeMetadata
{
    public LookupAttributeMetadata()
        : base(AttributeTypeCode.Lookup)
    {
    }

    [DataMember]
#pragma warning disable CA1819 // The published signature returns an array.
    public string[]? Targets { get; set; }
#pragma warning restore CA1819
}

[DataContract(Name = "UniqueIdentifierAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class UniqueIdentifierAttributeMetadata : AttributeMetadata
{
    public UniqueIdentifierAttributeMetadata()
        : base(AttributeTypeCode.Uniqueidentifier)
    {
    }

    public UniqueIdentifierAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Uniqueidentifier, schemaName)
    {
    }
}
