using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[DataContract(Name = "AttributeRequiredLevelManagedProperty", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public sealed class AttributeRequiredLevelManagedProperty : Microsoft.Xrm.Sdk.ManagedProperty<AttributeRequiredLevel>
{
    public AttributeRequiredLevelManagedProperty(AttributeRequiredLevel value)
        : base(value)
    {
    }
}
