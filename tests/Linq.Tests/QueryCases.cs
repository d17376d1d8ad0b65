using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Linq.Tests;

/// <summary>One supported LINQ operator use and its QueryExpression twin; both return rows rendered as text.</summary>
internal sealed class QueryCase(string name, Func<OrganizationServiceContext, IEnumerable<string>> linq, Func<IOrganizationService, IEnumerable<string>> twin)
{
    public string Name { get; } = name;

    public Func<OrganizationServiceContext, IEnumerable<string>> Linq { get; } = linq;

    public Func<IOrganizationService, IEnumerable<string>> Twin { get; } = twin;

    public override string ToString() => Name;
}

/// <summary>The operator-by-operator cases the LINQ plug-in and its QueryExpression twin run.</summary>
internal static class QueryCases
{
    public static readonly IReadOnlyList<QueryCase> All =
    [
        new("EqualString",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City == "Seattle")),
            s => Ids(s, Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Seattle")))),
        new("NotEqualString",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City != "Seattle")),
            s => Ids(s, Leads(new ConditionExpression("address1_city", ConditionOperator.NotEqual, "Seattle")))),
        new("GreaterThan",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.NumberOfEmployees > 50)),
            s => Ids(s, Leads(new ConditionExpression("numberofemployees", ConditionOperator.GreaterThan, 50)))),
        new("GreaterEqual",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.NumberOfEmployees >= 50)),
            s => Ids(s, Leads(new ConditionExpression("numberofemployees", ConditionOperator.GreaterEqual, 50)))),
        new("LessThan",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.NumberOfEmployees < 50)),
            s => Ids(s, Leads(new ConditionExpression("numberofemployees", ConditionOperator.LessThan, 50)))),
        new("LessEqual",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.NumberOfEmployees <= 50)),
            s => Ids(s, Leads(new ConditionExpression("numberofemployees", ConditionOperator.LessEqual, 50)))),
        new("CapturedVariable",
            c =>
            {
                var city = "Ber" + "lin";
                return Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City == city));
            },
            s => Ids(s, Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Berlin")))),
        new("AndAlso",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City == "Seattle" && l.DoNotEMail == true)),
            s => Ids(s, Leads(
                new ConditionExpression("address1_city", ConditionOperator.Equal, "Seattle"),
                new ConditionExpression("donotemail", ConditionOperator.Equal, true)))),
        new("OrElse",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City == "Seattle" || l.Address1_City == "Paris")),
            s => Ids(s, Leads(Or(
                new ConditionExpression("address1_city", ConditionOperator.Equal, "Seattle"),
                new ConditionExpression("address1_city", ConditionOperator.Equal, "Paris"))))),
        new("NotOfAnd",
            c => Ids(c.CreateQuery<Lead>().Where(l => !(l.Address1_City == "Seattle" && l.NumberOfEmployees > 20))),
            s => Ids(s, Leads(Or(
                new ConditionExpression("address1_city", ConditionOperator.NotEqual, "Seattle"),
                new ConditionExpression("numberofemployees", ConditionOperator.LessEqual, 20))))),
        new("TwoWheres",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City == "Berlin").Where(l => l.NumberOfEmployees > 20)),
            s => Ids(s, Leads(
                new ConditionExpression("address1_city", ConditionOperator.Equal, "Berlin"),
                new ConditionExpression("numberofemployees", ConditionOperator.GreaterThan, 20)))),
        new("IsNull",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.CompanyName == null)),
            s => Ids(s, Leads(new ConditionExpression("companyname", ConditionOperator.Null)))),
        new("IsNotNull",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.ParentAccountId != null)),
            s => Ids(s, Leads(new ConditionExpression("parentaccountid", ConditionOperator.NotNull)))),
        new("Contains",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Subject!.Contains("product 1"))),
            s => Ids(s, Leads(new ConditionExpression("subject", ConditionOperator.Like, "%product 1%")))),
        new("NotContains",
            c => Ids(c.CreateQuery<Lead>().Where(l => !l.Subject!.Contains("product"))),
            s => Ids(s, Leads(new ConditionExpression("subject", ConditionOperator.NotLike, "%product%")))),
        new("ContainsWildcardLiterally",
            c => Ids(c.CreateQuery<Account>().Where(a => a.Name!.Contains("100%_"))),
            s => Ids(s, Query("account", new ConditionExpression("name", ConditionOperator.Like, "%100[%][_]%")))),
        new("StartsWith",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Subject!.StartsWith("Renewal"))),
            s => Ids(s, Leads(new ConditionExpression("subject", ConditionOperator.BeginsWith, "Renewal")))),
        new("EndsWith",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Subject!.EndsWith(" 1"))),
            s => Ids(s, Leads(new ConditionExpression("subject", ConditionOperator.EndsWith, " 1")))),
        new("StringEquals",
#pragma warning disable CA1309 // Equals(string) is what the query provider translates; an overload with StringComparison has no condition form.
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Address1_City!.Equals("Paris"))),
#pragma warning restore CA1309
            s => Ids(s, Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Paris")))),
        new("BooleanColumn",
            c => Ids(c.CreateQuery<Account>().Where(a => a.CreditOnHold == true)),
            s => Ids(s, Query("account", new ConditionExpression("creditonhold", ConditionOperator.Equal, true)))),
        new("LateBoundIndexer",
            c => Ids(c.CreateQuery("lead").Where(l => (string)l["address1_city"] == "Paris")),
            s => Ids(s, Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Paris")))),
        new("LateBoundGetAttributeValue",
            c => Ids(c.CreateQuery("lead").Where(l => l.GetAttributeValue<int?>("numberofemployees") > 60)),
            s => Ids(s, Leads(new ConditionExpression("numberofemployees", ConditionOperator.GreaterThan, 60)))),
        new("LookupById",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.ParentAccountId!.Id == SalesData.Contoso)),
            s => Ids(s, Leads(new ConditionExpression("parentaccountid", ConditionOperator.Equal, SalesData.Contoso)))),
        new("LateBoundLookupById",
            c => Ids(c.CreateQuery("lead").Where(l => l.GetAttributeValue<EntityReference>("parentaccountid").Id == SalesData.Fabrikam)),
            s => Ids(s, Leads(new ConditionExpression("parentaccountid", ConditionOperator.Equal, SalesData.Fabrikam)))),
        new("OptionSetValue",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.LeadQualityCode!.Value == 1)),
            s => Ids(s, Leads(new ConditionExpression("leadqualitycode", ConditionOperator.Equal, 1)))),
        new("MoneyValue",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Revenue!.Value >= 6000m)),
            s => Ids(s, Leads(new ConditionExpression("revenue", ConditionOperator.GreaterEqual, 6000m)))),
        new("EarlyBoundEnum",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.StateCode == LeadState.Qualified)),
            s => Ids(s, Leads(new ConditionExpression("statecode", ConditionOperator.Equal, 1)))),
        new("EarlyBoundEnumNotEqual",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.StateCode != LeadState.Qualified)),
            s => Ids(s, Leads(new ConditionExpression("statecode", ConditionOperator.NotEqual, 1)))),
        new("PrimaryId",
            c => Ids(c.CreateQuery<Lead>().Where(l => l.Id == SalesData.LeadId(7))),
            s => Ids(s, Leads(new ConditionExpression("leadid", ConditionOperator.Equal, SalesData.LeadId(7))))),
        new("OrderBy",
            c => Ids(c.CreateQuery<Lead>().OrderBy(l => l.NumberOfEmployees)),
            s => Ids(s, Ordered(Leads(), ("numberofemployees", OrderType.Ascending)))),
        new("OrderByDescendingThenBy",
            c => Ids(c.CreateQuery<Lead>().OrderByDescending(l => l.Address1_City).ThenBy(l => l.LastName)),
            s => Ids(s, Ordered(Leads(), ("address1_city", OrderType.Descending), ("lastname", OrderType.Ascending)))),
        new("QuerySyntaxThenByDescending",
            c => Ids(from l in c.CreateQuery<Lead>() where l.DoNotEMail == false orderby l.Address1_City, l.LastName descending select l),
            s => Ids(s, Ordered(
                Leads(new ConditionExpression("donotemail", ConditionOperator.Equal, false)),
                ("address1_city", OrderType.Ascending),
                ("lastname", OrderType.Descending)))),
        new("Take",
            c => Ids(c.CreateQuery<Lead>().OrderBy(l => l.LastName).Take(3)),
            s => Ids(s, Top(Ordered(Leads(), ("lastname", OrderType.Ascending)), 3))),
        new("SkipTake",
            c => Ids(c.CreateQuery<Lead>().OrderBy(l => l.LastName).Skip(4).Take(4)),
            s => Ids(s, Page(Ordered(Leads(), ("lastname", OrderType.Ascending)), 4, 2))),
        new("First",
            c => [c.CreateQuery<Lead>().OrderByDescending(l => l.LastName).First().Id.ToString()],
            s => Ids(s, Top(Ordered(Leads(), ("lastname", OrderType.Descending)), 1))),
        new("FirstWithPredicate",
            c => [c.CreateQuery<Lead>().OrderBy(l => l.LastName).First(l => l.Address1_City == "Paris").Id.ToString()],
            s => Ids(s, Top(Ordered(Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Paris")), ("lastname", OrderType.Ascending)), 1))),
        new("FirstOrDefaultNone",
            c => [c.CreateQuery<Lead>().FirstOrDefault(l => l.Address1_City == "Rome")?.Id.ToString() ?? "none"],
            s => Ids(s, Top(Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Rome")), 1)).DefaultIfEmpty("none")),
        new("Single",
            c => [c.CreateQuery<Account>().Single(a => a.Name == "Litware").Id.ToString()],
            s => Ids(s, Query("account", new ConditionExpression("name", ConditionOperator.Equal, "Litware")))),
        new("SingleOrDefaultNone",
            c => [c.CreateQuery<Account>().SingleOrDefault(a => a.Name == "Nobody")?.Id.ToString() ?? "none"],
            s => Ids(s, Query("account", new ConditionExpression("name", ConditionOperator.Equal, "Nobody"))).DefaultIfEmpty("none")),
        new("SelectAnonymous",
            c => c.CreateQuery<Account>().OrderBy(a => a.Name).Select(a => new { a.Name, City = a.Address1_City }).ToList().Select(x => $"{x.Name}|{x.City}"),
            s => Rows(s, Columns(Ordered(Query("account"), ("name", OrderType.Ascending)), "name", "address1_city"), "name", "address1_city")),
        new("SelectLateBound",
            c => c.CreateQuery("contact").Where(x => x["address1_city"] != null).OrderBy(x => x["lastname"]).Select(x => x.GetAttributeValue<string>("lastname")).ToList(),
            s => Rows(s, Columns(Ordered(Query("contact", new ConditionExpression("address1_city", ConditionOperator.NotNull)), ("lastname", OrderType.Ascending)), "lastname"), "lastname")),
        new("Distinct",
            c => c.CreateQuery<Lead>().Where(l => l.Address1_City != null).Select(l => l.Address1_City!).Distinct().ToList().Order(StringComparer.Ordinal),
            s => Rows(s, Distinct(Columns(Query("lead", new ConditionExpression("address1_city", ConditionOperator.NotNull)), "address1_city")), "address1_city").Order(StringComparer.Ordinal)),
        new("JoinOnLookup",
            c => (from contact in c.CreateQuery<Contact>()
                  join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
                  orderby contact.LastName
                  select new { contact.LastName, account.Name }).ToList().Select(x => $"{x.LastName}|{x.Name}"),
            s => JoinTwin(s, null, null)),
        new("JoinWithWhereOnEachTable",
            c => (from contact in c.CreateQuery<Contact>()
                  join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
                  where account.Address1_City == "Seattle"
                  where contact.LastName != "Baker"
                  orderby contact.LastName
                  select new { contact.LastName, account.Name }).ToList().Select(x => $"{x.LastName}|{x.Name}"),
            s => JoinTwin(
                s,
                new ConditionExpression("lastname", ConditionOperator.NotEqual, "Baker"),
                new ConditionExpression("address1_city", ConditionOperator.Equal, "Seattle"))),
        new("JoinSelectJoinedEntity",
            c => Ids(from contact in c.CreateQuery<Contact>()
                     join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId
                     where contact.LastName == "Archer"
                     select account),
            s =>
            {
                var query = Columns(Query("contact", new ConditionExpression("lastname", ConditionOperator.Equal, "Archer")), "contactid");
                var link = query.AddLink("account", "parentcustomerid", "accountid");
                link.EntityAlias = "account";
                link.Columns = new ColumnSet("accountid");
                return s.RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<AliasedValue>("account.accountid").Value!.ToString()!).ToList();
            }),
        new("FirstOrDefaultValueTypeProjection",
            c => [c.CreateQuery<Lead>().Where(l => l.Address1_City == "Rome").Select(l => l.NumberOfEmployees ?? 0).FirstOrDefault().ToString(CultureInfo.InvariantCulture),
                  c.CreateQuery<Lead>().Where(l => l.Address1_City == "Berlin").OrderBy(l => l.LastName).Select(l => l.NumberOfEmployees ?? 0).FirstOrDefault().ToString(CultureInfo.InvariantCulture)],
            s => ["0", Rows(s, Top(Ordered(Columns(Leads(new ConditionExpression("address1_city", ConditionOperator.Equal, "Berlin")), "numberofemployees"), ("lastname", OrderType.Ascending)), 1), "numberofemployees").Single()]),
        new("LeftOuterJoin",
            c => (from contact in c.CreateQuery<Contact>()
                  join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId into accounts
                  from account in accounts.DefaultIfEmpty()
                  orderby contact.LastName
                  select new { contact.LastName, Name = account == null ? "-" : account.Name }).ToList().Select(x => $"{x.LastName}|{x.Name}"),
            s => OuterJoinTwin(s, null)),
        new("LeftOuterJoinWithoutMatch",
            c => (from contact in c.CreateQuery<Contact>()
                  join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId into accounts
                  from account in accounts.DefaultIfEmpty()
                  where account == null
                  select contact.LastName).ToList(),
            s => OuterJoinTwin(s, new ConditionExpression("account", "accountid", ConditionOperator.Null)).Select(r => r.Split('|')[0])),
        new("LeftOuterJoinWhereOnJoinedTable",
            c => (from contact in c.CreateQuery<Contact>()
                  join account in c.CreateQuery<Account>() on contact.ParentCustomerId!.Id equals account.AccountId into accounts
                  from account in accounts.DefaultIfEmpty()
                  where account.Address1_City == "Berlin"
                  select new { contact.LastName, account.Name }).ToList().Select(x => $"{x.LastName}|{x.Name}"),
            s => OuterJoinTwin(s, new ConditionExpression("account", "address1_city", ConditionOperator.Equal, "Berlin"))),
    ];

    private static List<string> OuterJoinTwin(IOrganizationService service, ConditionExpression? condition)
    {
        var query = Ordered(Columns(Query("contact"), "lastname"), ("lastname", OrderType.Ascending));
        var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "account";
        link.Columns = new ColumnSet("name");
        if (condition is not null)
        {
            query.Criteria.AddCondition(condition);
        }

        return service.RetrieveMultiple(query).Entities
            .Select(r => $"{r.GetAttributeValue<string>("lastname")}|{(r.GetAttributeValue<AliasedValue>("account.name")?.Value as string) ?? "-"}")
            .ToList();
    }

    private static List<string> Ids(IEnumerable<Entity> rows) => rows.Select(r => r.Id.ToString()).ToList();

    private static List<string> Ids(IOrganizationService service, QueryExpression query) =>
        service.RetrieveMultiple(query).Entities.Select(r => r.Id.ToString()).ToList();

    private static List<string> Rows(IOrganizationService service, QueryExpression query, params string[] columns) =>
        service.RetrieveMultiple(query).Entities
            .Select(r => string.Join("|", columns.Select(c => Convert.ToString(r.GetAttributeValue<object>(c), CultureInfo.InvariantCulture))))
            .ToList();

    private static List<string> JoinTwin(IOrganizationService service, ConditionExpression? onContact, ConditionExpression? onAccount)
    {
        var query = Ordered(Columns(Query("contact"), "lastname"), ("lastname", OrderType.Ascending));
        if (onContact is not null)
        {
            query.Criteria.AddCondition(onContact);
        }

        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.EntityAlias = "account";
        link.Columns = new ColumnSet("name");
        if (onAccount is not null)
        {
            link.LinkCriteria.AddCondition(onAccount);
        }

        return service.RetrieveMultiple(query).Entities
            .Select(r => $"{r.GetAttributeValue<string>("lastname")}|{r.GetAttributeValue<AliasedValue>("account.name").Value}")
            .ToList();
    }

    private static QueryExpression Leads(params ConditionExpression[] conditions) => Query("lead", conditions);

    private static QueryExpression Leads(FilterExpression filter)
    {
        var query = Query("lead");
        query.Criteria.AddFilter(filter);
        return query;
    }

    private static QueryExpression Query(string table, params ConditionExpression[] conditions)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        foreach (var condition in conditions)
        {
            query.Criteria.AddCondition(condition);
        }

        return query;
    }

    private static FilterExpression Or(params ConditionExpression[] conditions)
    {
        var filter = new FilterExpression(LogicalOperator.Or);
        foreach (var condition in conditions)
        {
            filter.AddCondition(condition);
        }

        return filter;
    }

    private static QueryExpression Ordered(QueryExpression query, params (string Column, OrderType Type)[] orders)
    {
        foreach (var (column, type) in orders)
        {
            query.AddOrder(column, type);
        }

        return query;
    }

    private static QueryExpression Top(QueryExpression query, int count)
    {
        query.TopCount = count;
        return query;
    }

    private static QueryExpression Page(QueryExpression query, int count, int page)
    {
        query.PageInfo = new PagingInfo { Count = count, PageNumber = page };
        return query;
    }

    private static QueryExpression Columns(QueryExpression query, params string[] columns)
    {
        query.ColumnSet = new ColumnSet(columns);
        return query;
    }

    private static QueryExpression Distinct(QueryExpression query)
    {
        query.Distinct = true;
        return query;
    }
}
