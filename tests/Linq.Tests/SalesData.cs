using System;
using LeadQualifyExtensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Linq.Tests;

/// <summary>A small, varied sales organization: values, nulls, shared cities and lookups for every operator to bite on.</summary>
internal static class SalesData
{
    public static readonly Guid Contoso = new("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid Fabrikam = new("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid Litware = new("a0000000-0000-0000-0000-000000000003");
    public static readonly Guid Adventure = new("a0000000-0000-0000-0000-000000000004");

    public static readonly Guid Ann = new("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid Bob = new("c0000000-0000-0000-0000-000000000002");
    public static readonly Guid Cid = new("c0000000-0000-0000-0000-000000000003");
    public static readonly Guid Dee = new("c0000000-0000-0000-0000-000000000004");

    public static XrmEmulator NewEmulator()
    {
        var emulator = new XrmEmulator();
        emulator.Seed(
            Account(Contoso, "Contoso", "Seattle", 500, 1_000_000m, false),
            Account(Fabrikam, "Fabrikam", "Berlin", 40, 250_000m, true),
            Account(Litware, "Litware", "Seattle", 12, null, null),
            Account(Adventure, "Adventure 100%_Works", "Paris", null, 50_000m, false),
            Contact(Ann, "Ann", "Archer", "Seattle", Contoso),
            Contact(Bob, "Bob", "Baker", "Berlin", Contoso),
            Contact(Cid, "Cid", "Cole", "Paris", Fabrikam),
            Contact(Dee, "Dee", "Dunn", null, null));
        for (var i = 1; i <= 12; i++)
        {
            emulator.Seed(Lead(i));
        }

        return emulator;
    }

    public static Guid LeadId(int number) => new($"10000000-0000-0000-0000-{number:D12}");

    private static Entity Lead(int number)
    {
        var cities = new[] { "Seattle", "Berlin", "Paris", null };
        var parents = new Guid?[] { Contoso, Fabrikam, null, Litware };
        var lead = new Entity("lead", LeadId(number))
        {
            ["subject"] = number % 5 == 0 ? $"Renewal {number}" : $"Interest in product {number}",
            ["lastname"] = $"Lead{number:D2}",
            ["companyname"] = number % 4 == 0 ? null! : $"Company {(char)('A' + number)}",
            ["address1_city"] = cities[number % 4]!,
            ["numberofemployees"] = number % 3 == 0 ? null! : number * 10,
            ["revenue"] = number % 2 == 0 ? new Money(number * 1000m) : null!,
            ["donotemail"] = number % 3 == 1,
            ["leadqualitycode"] = new OptionSetValue((number % 3) + 1),
        };
        if (number == 12)
        {
            lead["statecode"] = new OptionSetValue(1);
            lead["statuscode"] = new OptionSetValue(3);
        }

        if (parents[number % 4] is { } parent)
        {
            lead["parentaccountid"] = new EntityReference("account", parent);
        }

        return lead;
    }

    private static Entity Account(Guid id, string name, string city, int? employees, decimal? revenue, bool? creditOnHold)
    {
        var account = new Entity("account", id) { ["name"] = name, ["address1_city"] = city };
        if (employees is not null)
        {
            account["numberofemployees"] = employees.Value;
        }

        if (revenue is not null)
        {
            account["revenue"] = new Money(revenue.Value);
        }

        if (creditOnHold is not null)
        {
            account["creditonhold"] = creditOnHold.Value;
        }

        return account;
    }

    private static Entity Contact(Guid id, string first, string last, string? city, Guid? parent)
    {
        var contact = new Entity("contact", id) { ["firstname"] = first, ["lastname"] = last };
        if (city is not null)
        {
            contact["address1_city"] = city;
        }

        if (parent is not null)
        {
            contact["parentcustomerid"] = new EntityReference("account", parent.Value);
        }

        return contact;
    }
}
