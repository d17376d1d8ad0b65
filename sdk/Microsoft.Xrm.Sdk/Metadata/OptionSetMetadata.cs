using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[DataContract(Name = "OptionSetMetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public abstract class OptionSetMetadataBase : MetadataBase
{
    protected OptionSetMetadataBase()
    {
    }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? Description { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? DisplayName { get; set; }

    [DataMember]
    public bool? IsCustomOptionSet { get; set; }

    [DataMember]
    public bool? IsGlobal { get; set; }

    [DataMember]
    public string? Name { get; set; }

    [DataMember]
    public OptionSetType? OptionSetType { get; set; }
}

[DataContract(Name = "OptionSetMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class OptionSetMetadata : OptionSetMetadataBase
{
    public OptionSetMetadata()
    {
        Options = new OptionMetadataCollection();
    }

    public OptionSetMetadata(OptionMetadataCollection options)
    {
        Options = options;
    }

    [DataMember]
    public OptionMetadataCollection Options { get; internal set; }
}

[DataContract(Name = "BooleanOptionSetMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class BooleanOptionSetMetadata : OptionSetMetadataBase
{
    public BooleanOptionSetMetadata()
    {
    }

    public BooleanOptionSetMetadata(OptionMetadata trueOption, OptionMetadata falseOption)
    {
        TrueOption = trueOption;
        FalseOption = falseOption;
    }

    [DataMember]
    public OptionMetadata? FalseOption { get; set; }

    [DataMember]
    public OptionMetadata? TrueOption { get; set; }
}

[DataContract(Name = "OptionMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public class OptionMetadata : MetadataBase
{
    public OptionMetadata()
    {
    }

    public OptionMetadata(int value)
    {
        Value = value;
    }

    public OptionMetadata(Microsoft.Xrm.Sdk.Label label, int? value)
    {
        Label = label;
        Value = value;
    }

    [DataMember]
    public string? Color { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? Description { get; set; }

    [DataMember]
    public Microsoft.Xrm.Sdk.Label? Label { get; set; }

    [DataMember]
    public int? Value { get; set; }
}

[DataContract(Name = "StateOptionMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class StateOptionMetadata : OptionMetadata
{
    public StateOptionMetadata()
    {
    }

    [DataMember]
    public int? DefaultStatus { get; set; }

    [DataMember]
    public string? InvariantName { get; set; }
}

[DataContract(Name = "StatusOptionMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class StatusOptionMetadata : OptionMetadata
{
    public StatusOptionMetadata()
    {
    }

    public StatusOptionMetadata(int value, int? state)
        : base(value)
    {
        State = state;
    }

    [DataMember]
    public int? State { get; set; }
}

[CollectionDataContract(Name = "OptionMetadataCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class OptionMetadataCollection : Microsoft.Xrm.Sdk.DataCollection<OptionMetadata>
{
    public OptionMetadataCollection()
    {
    }

    public OptionMetadataCollection(IList<OptionMetadata> list)
        : base(list)
    {
    }
}
