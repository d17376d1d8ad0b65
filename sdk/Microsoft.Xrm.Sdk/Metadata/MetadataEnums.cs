using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

[DataContract(Name = "AttributeTypeCode", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum AttributeTypeCode
{
    [EnumMember] Boolean = 0,
    [EnumMember] Customer = 1,
    [EnumMember] DateTime = 2,
    [EnumMember] Decimal = 3,
    [EnumMember] Double = 4,
    [EnumMember] Integer = 5,
    [EnumMember] Lookup = 6,
    [EnumMember] Memo = 7,
    [EnumMember] Money = 8,
    [EnumMember] Owner = 9,
    [EnumMember] PartyList = 10,
    [EnumMember] Picklist = 11,
    [EnumMember] State = 12,
    [EnumMember] Status = 13,
    [EnumMember] String = 14,
    [EnumMember] Uniqueidentifier = 15,
    [EnumMember] CalendarRules = 16,
    [EnumMember] Virtual = 17,
    [EnumMember] BigInt = 18,
    [EnumMember] ManagedProperty = 19,
    [EnumMember] EntityName = 20,
}

[DataContract(Name = "AttributeRequiredLevel", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum AttributeRequiredLevel
{
    [EnumMember] None = 0,
    [EnumMember] SystemRequired = 1,
    [EnumMember] ApplicationRequired = 2,
    [EnumMember] Recommended = 3,
}

[Flags]
[DataContract(Name = "OwnershipTypes", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum OwnershipTypes
{
    [EnumMember] None = 0,
    [EnumMember] UserOwned = 1,
    [EnumMember] TeamOwned = 2,
    [EnumMember] BusinessOwned = 4,
    [EnumMember] OrganizationOwned = 8,
    [EnumMember] BusinessParented = 16,
}

[Flags]
[DataContract(Name = "EntityFilters", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum EntityFilters
{
    [EnumMember] Default = 1,
    [EnumMember] Entity = 1,
    [EnumMember] Attributes = 2,
    [EnumMember] Privileges = 4,
    [EnumMember] Relationships = 8,
    [EnumMember] All = 15,
}

[DataContract(Name = "OptionSetType", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum OptionSetType
{
    [EnumMember] Picklist = 0,
    [EnumMember] State = 1,
    [EnumMember] Status = 2,
    [EnumMember] Boolean = 3,
}

[DataContract(Name = "RelationshipType", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum RelationshipType
{
    [EnumMember] OneToManyRelationship = 0,
    [EnumMember] Default = 0,
    [EnumMember] ManyToManyRelationship = 1,
}

[DataContract(Name = "CascadeType", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
public enum CascadeType
{
    [EnumMember] NoCascade = 0,
    [EnumMember] Cascade = 1,
    [EnumMember] Active = 2,
    [EnumMember] UserOwned = 3,
    [EnumMember] RemoveLink = 4,
    [EnumMember] Restrict = 5,
}
