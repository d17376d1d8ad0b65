using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Linq.Tests.EarlyBound;

[EntityLogicalName("account")]
public sealed class Account : Entity
{
    public const string EntityLogicalName = "account";

    public Account()
        : base(EntityLogicalName)
    {
    }

    [AttributeLogicalName("accountid")]
    public override Guid Id
    {
        get => base.Id;
        set => AccountId = value;
    }

    [AttributeLogicalName("accountid")]
    public Guid? AccountId
    {
        get => GetAttributeValue<Guid?>("accountid");
        set
        {
            SetAttributeValue("accountid", value!);
            base.Id = value ?? Guid.Empty;
        }
    }

    [AttributeLogicalName("name")]
    public string? Name
    {
        get => GetAttributeValue<string>("name");
        set => SetAttributeValue("name", value!);
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

    [AttributeLogicalName("creditonhold")]
    public bool? CreditOnHold
    {
        get => GetAttributeValue<bool?>("creditonhold");
        set => SetAttributeValue("creditonhold", value!);
    }

    [AttributeLogicalName("primarycontactid")]
    public EntityReference? PrimaryContactId
    {
        get => GetAttributeValue<EntityReference>("primarycontactid");
        set => SetAttributeValue("primarycontactid", value!);
    }
}
