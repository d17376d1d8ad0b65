using System;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>
/// A small, fixed data set: five leads (subjects Alpha..Epsilon), three contacts, two accounts.
/// The clock is Wednesday 2025-06-18 10:00 UTC.
/// </summary>
internal sealed class QueryTestData
{
    public static readonly DateTime Now = new(2025, 6, 18, 10, 0, 0, DateTimeKind.Utc);
    public static readonly Guid UserId = new("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherUserId = new("22222222-2222-2222-2222-222222222222");
    public static readonly Guid BusinessUnitId = new("33333333-3333-3333-3333-333333333333");
    public static readonly Guid OtherBusinessUnitId = new("44444444-4444-4444-4444-444444444444");

    public static readonly Guid AccountContoso = new("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid AccountFabrikam = new("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid ContactAnn = new("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid ContactBob = new("c0000000-0000-0000-0000-000000000002");
    public static readonly Guid ContactCat = new("c0000000-0000-0000-0000-000000000003");

    public static readonly Guid LeadAlpha = new("10000000-0000-0000-0000-000000000001");
    public static readonly Guid LeadBeta = new("10000000-0000-0000-0000-000000000002");
    public static readonly Guid LeadGamma = new("10000000-0000-0000-0000-000000000003");
    public static readonly Guid LeadDelta = new("10000000-0000-0000-0000-000000000004");
    public static readonly Guid LeadEpsilon = new("10000000-0000-0000-0000-000000000005");

    public QueryTestData()
    {
        Source = CreateSchema();
        Source.AddRow("account", AccountContoso, ("name", "Contoso Ltd"), ("revenue", new Money(5000m)), ("numberofemployees", 500));
        Source.AddRow("account", AccountFabrikam, ("name", "Fabrikam Inc"), ("revenue", new Money(3000m)), ("numberofemployees", 300));
        Source.AddRow("contact", ContactAnn, ("fullname", "Ann Smith"), ("parentcustomerid", new EntityReference("account", AccountContoso)));
        Source.AddRow("contact", ContactBob, ("fullname", "Bob Jones"), ("parentcustomerid", new EntityReference("account", AccountFabrikam)));
        Source.AddRow("contact", ContactCat, ("fullname", "Cat Brown"));

        AddLead(LeadAlpha, "Alpha", "Smith", "Contoso", 100, 1000m, 0.5, Now.AddHours(-1), 0, 1, UserId, ContactAnn, [1, 2], false);
        AddLead(LeadBeta, "Beta", "Jones", "Fabrikam", 50, 500m, 0.25, new DateTime(2025, 6, 17, 12, 0, 0, DateTimeKind.Utc), 0, 2, OtherUserId, ContactBob, [3], true);
        AddLead(LeadGamma, "Gamma", "smithers", "Contoso", 10, null, null, new DateTime(2025, 5, 10, 8, 0, 0, DateTimeKind.Utc), 1, 1, UserId, null, null, false);
        AddLead(LeadDelta, "Delta", null, "Adventure Works", 200, 2000m, 0.75, new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc), 2, null, OtherUserId, ContactAnn, null, false);
        AddLead(LeadEpsilon, "Epsilon", "Brown", "Contoso", 75, 750m, 0.9, new DateTime(2025, 6, 19, 9, 0, 0, DateTimeKind.Utc), 0, 3, UserId, ContactCat, [2, 4], false);
    }

    public FakeQuerySource Source { get; }

    public static QueryEnvironment Environment => new(Now, UserId, BusinessUnitId);

    public static FakeQuerySource CreateSchema() => new FakeQuerySource()
        .AddTable(
            "lead",
            "leadid",
            ("subject", ColumnKind.String),
            ("lastname", ColumnKind.String),
            ("companyname", ColumnKind.String),
            ("numberofemployees", ColumnKind.Integer),
            ("revenue", ColumnKind.Money),
            ("probability", ColumnKind.Double),
            ("estimatedvalue", ColumnKind.Decimal),
            ("donotemail", ColumnKind.Boolean),
            ("createdon", ColumnKind.DateTime),
            ("statecode", ColumnKind.State),
            ("leadsourcecode", ColumnKind.Picklist),
            ("ownerid", ColumnKind.Owner),
            ("owningbusinessunit", ColumnKind.Lookup),
            ("parentcontactid", ColumnKind.Lookup),
            ("new_interests", ColumnKind.MultiSelectPicklist))
        .AddTable("contact", "contactid", ("fullname", ColumnKind.String), ("parentcustomerid", ColumnKind.Customer))
        .AddTable("account", "accountid", ("name", ColumnKind.String), ("revenue", ColumnKind.Money), ("numberofemployees", ColumnKind.Integer));

    public EntityCollection Run(QueryBase query) => new QueryEngine().Execute(query, Source, Environment);

    public string[] Subjects(QueryBase query) =>
        Run(query).Entities.Select(e => e.GetAttributeValue<string>("subject")).ToArray();

    public string[] SortedSubjects(QueryExpression query)
    {
        query.ColumnSet.AddColumn("subject");
        return [.. Subjects(query).Order(StringComparer.Ordinal)];
    }

    public string[] Where(string attribute, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition(new ConditionExpression(attribute, op, values));
        return SortedSubjects(query);
    }

    public static OrganizationServiceFault FaultOf(Action action) =>
        Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action).Detail;

    private void AddLead(
        Guid id, string subject, string? lastName, string company, int employees, decimal? revenue, double? probability,
        DateTime createdOn, int state, int? source, Guid owner, Guid? contact, int[]? interests, bool doNotEmail)
    {
        Source.AddRow(
            "lead",
            id,
            ("subject", subject),
            ("lastname", lastName),
            ("companyname", company),
            ("numberofemployees", employees),
            ("revenue", revenue is null ? null : new Money(revenue.Value)),
            ("probability", probability),
            ("estimatedvalue", revenue is null ? null : revenue.Value / 10m),
            ("donotemail", doNotEmail),
            ("createdon", createdOn),
            ("statecode", new OptionSetValue(state)),
            ("leadsourcecode", source is null ? null : new OptionSetValue(source.Value)),
            ("ownerid", new EntityReference("systemuser", owner)),
            ("owningbusinessunit", new EntityReference("businessunit", owner == UserId ? BusinessUnitId : OtherBusinessUnitId)),
            ("parentcontactid", contact is null ? null : new EntityReference("contact", contact.Value)),
            ("new_interests", interests is null ? null : new OptionSetValueCollection(interests.Select(i => new OptionSetValue(i)).ToList())));
    }
}
