using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Linq.Tests.EarlyBound;

[EntityLogicalName("lead")]
public sealed class Lead : Entity
{
    public const string EntityLogicalName = "lead";

    public Lead()
        : base(EntityLogicalName)
    {
    }

    [AttributeLogicalName("leadid")]
    public override Guid Id
    {
        get => base.Id;
        set => LeadId = value;
    }

    [AttributeLogicalName("leadid")]
    public Guid? LeadId
    {
        get => GetAttributeValue<Guid?>("leadid");
        set
        {
            SetAttributeValue("leadid", value!);
            base.Id = value ?? Guid.Empty;
        }
    }

    [AttributeLogicalName("subject")]
    public string? Subject
    {
        get => GetAttributeValue<string>("subject");
        set => SetAttributeValue("subject", value!);
    }

    [AttributeLogicalName("lastname")]
    public string? LastName
    {
        get => GetAttributeValue<string>("lastname");
        set => SetAttributeValue("lastname", value!);
    }

    [AttributeLogicalName("companyname")]
    public string? CompanyName
    {
        get => GetAttributeValue<string>("companyname");
        set => SetAttributeValue("companyname", value!);
    }

    [AttributeLogicalName("address1_city")]
    public string? Address1_City
    {
        get => GetAttributeValue<string>("address1_city");
        set => SetAttributeValue("address1_city", value!);
    }

    [AttributeLogicalName("numberofemployees")]
    public int? NumberOfEmployees
    {
        get => GetAttributeValue<int?>("numberofemployees");
        set => SetAttributeValue("numberofemployees", value!);
    }

    [AttributeLogicalName("revenue")]
    public Money? Revenue
    {
        get => GetAttributeValue<Money>("revenue");
        set => SetAttributeValue("revenue", value!);
    }

    [AttributeLogicalName("donotemail")]
    public bool? DoNotEMail
    {
        get => GetAttributeValue<bool?>("donotemail");
        set => SetAttributeValue("donotemail", value!);
    }

    [AttributeLogicalName("leadqualitycode")]
    public OptionSetValue? LeadQualityCode
    {
        get => GetAttributeValue<OptionSetValue>("leadqualitycode");
        set => SetAttributeValue("leadqualitycode", value!);
    }

    [AttributeLogicalName("parentaccountid")]
    public EntityReference? ParentAccountId
    {
        get => GetAttributeValue<EntityReference>("parentaccountid");
        set => SetAttributeValue("parentaccountid", value!);
    }

    [AttributeLogicalName("statecode")]
    public LeadState? StateCode
    {
        get => GetAttributeValue<OptionSetValue>("statecode") is { } state ? (LeadState)state.Value : null;
        set => SetAttributeValue("statecode", value is null ? null! : new OptionSetValue((int)value.Value));
    }
}

/// <summary>The lead's state choice, as generated early-bound code declares it.</summary>
public enum LeadState
{
    Open = 0,
    Qualified = 1,
    Disqualified = 2,
}
