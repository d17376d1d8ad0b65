using System;
using System.Linq;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk.Client;

namespace Linq.Tests;

/// <summary>
/// What the platform's provider refuses ("Use LINQ to construct a query", LINQ limitations) fails the same way here:
/// NotSupportedException before any request reaches the server.
/// </summary>
[TestClass]
public sealed class UnsupportedOperatorTests
{
    [TestMethod]
    [DataRow("Count")]
    [DataRow("LongCount")]
    [DataRow("Any")]
    [DataRow("All")]
    [DataRow("Last")]
    [DataRow("LastOrDefault")]
    [DataRow("GroupBy")]
    [DataRow("Sum")]
    [DataRow("Max")]
    [DataRow("Min")]
    [DataRow("Average")]
    [DataRow("SelectMany")]
    [DataRow("Reverse")]
    [DataRow("ElementAt")]
    [DataRow("SkipWhile")]
    [DataRow("Concat")]
    public void Operator_NotTranslatable_ThrowsNotSupportedNamingIt(string name)
    {
        var emulator = SalesData.NewEmulator();
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());
        var leads = context.CreateQuery<Lead>();
        emulator.Calls.Reset();
        Action run = name switch
        {
            "Count" => () => _ = leads.Count(),
            "LongCount" => () => _ = leads.LongCount(),
            "Any" => () => _ = leads.Any(l => l.Address1_City == "Paris"),
            "All" => () => _ = leads.All(l => l.Address1_City == "Paris"),
            "Last" => () => _ = leads.Last(),
            "LastOrDefault" => () => _ = leads.LastOrDefault(),
            "GroupBy" => () => _ = leads.GroupBy(l => l.Address1_City).ToList(),
            "Sum" => () => _ = leads.Sum(l => l.NumberOfEmployees),
            "Max" => () => _ = leads.Max(l => l.NumberOfEmployees),
            "Min" => () => _ = leads.Min(l => l.NumberOfEmployees),
            "Average" => () => _ = leads.Average(l => l.NumberOfEmployees),
            "SelectMany" => () => _ = leads.SelectMany(l => context.CreateQuery<Account>()).ToList(),
            "Reverse" => () => _ = leads.Reverse().ToList(),
            "ElementAt" => () => _ = leads.ElementAt(1),
            "SkipWhile" => () => _ = leads.SkipWhile(l => l.NumberOfEmployees > 1).ToList(),
            "Concat" => () => _ = leads.Concat(context.CreateQuery<Lead>()).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var error = Assert.ThrowsExactly<NotSupportedException>(run);

        Assert.AreEqual($"The method '{name}' is not supported.", error.Message);
        Assert.AreEqual(0, emulator.Calls["RetrieveMultiple"]);
    }

    [TestMethod]
    public void Where_ColumnOnTheRight_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        var error = Assert.ThrowsExactly<NotSupportedException>(() => context.CreateQuery<Lead>().Where(l => 50 < l.NumberOfEmployees).ToList());

        StringAssert.StartsWith(error.Message, "Invalid 'where' condition.", StringComparison.Ordinal);
        StringAssert.Contains(error.Message, "left side", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Where_TwoColumnsCompared_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        var error = Assert.ThrowsExactly<NotSupportedException>(() => context.CreateQuery<Lead>().Where(l => l.LastName == l.CompanyName).ToList());

        StringAssert.StartsWith(error.Message, "Invalid 'where' condition.", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Where_StringMethodWithComparison_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        var error = Assert.ThrowsExactly<NotSupportedException>(
            () => context.CreateQuery<Lead>().Where(l => l.Subject!.StartsWith("re", StringComparison.OrdinalIgnoreCase)).ToList());

        StringAssert.StartsWith(error.Message, "Invalid 'where' condition.", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Where_ConditionsOnTwoJoinedTables_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        var query = from contact in context.CreateQuery<Contact>()
                    join account in context.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
                    where contact.LastName == "Archer" || account.Name == "Fabrikam"
                    select contact;

        var error = Assert.ThrowsExactly<NotSupportedException>(() => query.ToList());

        StringAssert.Contains(error.Message, "single table", StringComparison.Ordinal);
    }

    [TestMethod]
    public void OrderBy_JoinedTable_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());
        var query = from contact in context.CreateQuery<Contact>()
                    join account in context.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
                    orderby account.Name
                    select contact;

        var error = Assert.ThrowsExactly<NotSupportedException>(() => query.ToList());

        StringAssert.StartsWith(error.Message, "Invalid 'orderBy' clause.", StringComparison.Ordinal);
    }

    [TestMethod]
    public void SkipTake_SkipLessThanTake_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        var error = Assert.ThrowsExactly<NotSupportedException>(() => context.CreateQuery<Lead>().Skip(2).Take(5).ToList());

        StringAssert.Contains(error.Message, "skip value must be greater than or equal to the take value", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Where_AfterProjection_ThrowsNotSupported()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        var error = Assert.ThrowsExactly<NotSupportedException>(
            () => context.CreateQuery<Lead>().Select(l => new { l.LastName }).Where(x => x.LastName == "Lead01").ToList());

        StringAssert.Contains(error.Message, "'Where'", StringComparison.Ordinal);
    }

    [TestMethod]
    public void CreateQuery_ClassWithoutLogicalName_ThrowsArgumentException()
    {
        using var context = new OrganizationServiceContext(SalesData.NewEmulator().GetOrganizationService());

        Assert.ThrowsExactly<ArgumentException>(() => context.CreateQuery<Microsoft.Xrm.Sdk.Entity>());
    }
}
