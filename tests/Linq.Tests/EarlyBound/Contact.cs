using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Linq.Tests.EarlyBound;

[EntityLogicalName("contact")]
public sealed class Contact : Entity
{
    public const string EntityLogicalName = "contact";

    public Contact()
        : base(EntityLogicalName)
    {
    }

    [AttributeLogicalName("contactid")]
    public override Guid Id
    {
        get => base.Id;
        set => ContactId = value;
    }

    [AttributeLogicalName("contactid")]
    public Guid? ContactId
    {
        get => GetAttributeValue<Guid?>("contactid");
        set
        {
            SetAttributeValue("contactid", value!);
            base.Id = value ?? Guid.Empty;
        }
    }

    [AttributeLogicalName("firstname")]
    public string? FirstName
    {
        get => GetAttributeValue<string>("firstname");
        set => SetAttributeValue("firstname", value!);
    }

    [AttributeLogicalName("lastname")]
    public string? LastName
    {
        get => GetAttributeValue<string>("lastname");
        set => SetAttributeValue("lastname", value!);
    }

    [AttributeLogicalName("fullname")]
    public string? FullName => GetAttributeValue<string>("fullname");

    [AttributeLogicalName("address1_city")]
    public string? Address1_City
    {
        get => GetAttributeValue<string>("address1_city");
        set => SetAttributeValue("address1_city", value!);
    }

    [AttributeLogicalName("parentcustomerid")]
    public EntityReference? ParentCustomerId
    {
        get => GetAttributeValue<EntityReference>("parentcustomerid");
        set => SetAttributeValue("parentcustomerid", value!);
    }
}
