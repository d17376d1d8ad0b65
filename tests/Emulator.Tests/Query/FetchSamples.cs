using System.Xml.Linq;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>
/// Every FetchXML text used by the query tests, so one test can prove the valid ones validate
/// against Fetch.xsd and the invalid ones do not.
/// </summary>
internal static class FetchSamples
{
    public const string EqWithOrder =
        "<fetch><entity name='lead'><attribute name='subject'/><filter type='and'>"
        + "<condition attribute='companyname' operator='eq' value='Contoso'/></filter>"
        + "<order attribute='subject'/></entity></fetch>";

    public const string TopAllAttributes =
        "<fetch top='2'><entity name='lead'><all-attributes/><order attribute='numberofemployees' descending='true'/></entity></fetch>";

    public const string NoAttributes = "<fetch><entity name='lead'><filter><condition attribute='subject' operator='eq' value='Beta'/></filter></entity></fetch>";

    public const string InValues =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='leadsourcecode' operator='in'><value>1</value><value>3</value></condition>"
        + "</filter></entity></fetch>";

    public const string Between =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='numberofemployees' operator='between'><value>50</value><value>100</value></condition>"
        + "</filter></entity></fetch>";

    public const string NullOrBeginsWith =
        "<fetch><entity name='lead'><attribute name='subject'/><filter type='or'>"
        + "<condition attribute='lastname' operator='null'/>"
        + "<condition attribute='lastname' operator='begins-with' value='jo'/>"
        + "</filter></entity></fetch>";

    public const string LikeAndNotLike =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='lastname' operator='like' value='%s%'/>"
        + "<condition attribute='lastname' operator='not-like' value='%ers'/>"
        + "<condition attribute='companyname' operator='ne' value='Fabrikam'/>"
        + "</filter></entity></fetch>";

    public const string DateOperators =
        "<fetch><entity name='lead'><attribute name='subject'/><filter type='or'>"
        + "<condition attribute='createdon' operator='on' value='2025-06-17'/>"
        + "<condition attribute='createdon' operator='today'/>"
        + "<condition attribute='createdon' operator='olderthan-x-months' value='3'/>"
        + "</filter></entity></fetch>";

    public const string LastXDays =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='createdon' operator='last-x-days' value='40'/></filter></entity></fetch>";

    public const string UserAndBusiness =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='ownerid' operator='eq-userid'/>"
        + "<condition attribute='owningbusinessunit' operator='eq-businessid'/>"
        + "</filter></entity></fetch>";

    public const string TypedValues =
        "<fetch><entity name='lead'><attribute name='subject'/><filter type='or'>"
        + "<condition attribute='donotemail' operator='eq' value='1'/>"
        + "<condition attribute='revenue' operator='gt' value='1500.00'/>"
        + "<condition attribute='probability' operator='ge' value='0.9'/>"
        + "<condition attribute='parentcontactid' operator='eq' value='{C0000000-0000-0000-0000-000000000003}'/>"
        + "<condition attribute='createdon' operator='lt' value='2025-01-01T00:00:00Z'/>"
        + "</filter></entity></fetch>";

    public const string ContainValues =
        "<fetch><entity name='lead'><attribute name='subject'/><filter>"
        + "<condition attribute='new_interests' operator='contain-values'><value>2</value></condition>"
        + "</filter></entity></fetch>";

    public const string InnerLinkWithAlias =
        "<fetch><entity name='lead'><attribute name='subject'/><order attribute='subject'/>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid' alias='c'>"
        + "<attribute name='fullname'/><filter><condition attribute='fullname' operator='like' value='%Smith'/></filter>"
        + "</link-entity></entity></fetch>";

    public const string OuterLinkConditionOnAlias =
        "<fetch><entity name='lead'><attribute name='subject'/>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid' link-type='outer' alias='c'/>"
        + "<filter><condition entityname='c' attribute='contactid' operator='null'/></filter>"
        + "</entity></fetch>";

    public const string OuterLinkDefaultAlias =
        "<fetch><entity name='lead'><attribute name='subject'/><filter><condition attribute='subject' operator='eq' value='Beta'/></filter>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid' link-type='outer'><attribute name='fullname'/></link-entity>"
        + "</entity></fetch>";

    public const string NotAny =
        "<fetch><entity name='contact'><attribute name='fullname'/><order attribute='fullname'/>"
        + "<link-entity name='lead' from='parentcontactid' to='contactid' link-type='not-any'>"
        + "<filter><condition attribute='statecode' operator='eq' value='2'/></filter></link-entity>"
        + "</entity></fetch>";

    public const string Exists =
        "<fetch><entity name='contact'><attribute name='fullname'/><order attribute='fullname'/>"
        + "<link-entity name='lead' from='parentcontactid' to='contactid' link-type='exists'>"
        + "<filter><condition attribute='numberofemployees' operator='gt' value='60'/></filter></link-entity>"
        + "</entity></fetch>";

    public const string NestedLinkOrder =
        "<fetch><entity name='lead'><attribute name='subject'/>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid' alias='c'>"
        + "<order attribute='fullname' descending='true'/>"
        + "<link-entity name='account' from='accountid' to='parentcustomerid' alias='a' link-type='outer'><attribute name='name'/></link-entity>"
        + "</link-entity></entity></fetch>";

    public const string ColumnAliases =
        "<fetch><entity name='lead'><attribute name='subject' alias='title'/>"
        + "<filter><condition attribute='subject' operator='eq' value='Alpha'/></filter>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid'><attribute name='fullname' alias='contactname'/></link-entity>"
        + "</entity></fetch>";

    public const string Distinct =
        "<fetch distinct='true'><entity name='lead'><attribute name='companyname'/><order attribute='companyname'/></entity></fetch>";

    public const string AllAggregates =
        "<fetch aggregate='true'><entity name='lead'>"
        + "<attribute name='leadid' alias='n' aggregate='count'/>"
        + "<attribute name='lastname' alias='named' aggregate='countcolumn'/>"
        + "<attribute name='companyname' alias='companies' aggregate='countcolumn' distinct='true'/>"
        + "<attribute name='revenue' alias='total' aggregate='sum'/>"
        + "<attribute name='revenue' alias='average' aggregate='avg'/>"
        + "<attribute name='numberofemployees' alias='employees' aggregate='sum'/>"
        + "<attribute name='numberofemployees' alias='smallest' aggregate='min'/>"
        + "<attribute name='numberofemployees' alias='largest' aggregate='max'/>"
        + "<attribute name='probability' alias='meanprobability' aggregate='avg'/>"
        + "</entity></fetch>";

    public const string GroupByCompany =
        "<fetch aggregate='true'><entity name='lead'>"
        + "<attribute name='companyname' alias='company' groupby='true'/>"
        + "<attribute name='leadid' alias='n' aggregate='count'/>"
        + "<attribute name='revenue' alias='total' aggregate='sum'/>"
        + "<order alias='company'/></entity></fetch>";

    public const string GroupByYearAndMonth =
        "<fetch aggregate='true'><entity name='lead'>"
        + "<attribute name='createdon' alias='year' groupby='true' dategrouping='year'/>"
        + "<attribute name='createdon' alias='month' groupby='true' dategrouping='month'/>"
        + "<attribute name='leadid' alias='n' aggregate='count'/>"
        + "<order alias='year'/><order alias='month'/></entity></fetch>";

    public const string GroupByLinkedColumn =
        "<fetch aggregate='true'><entity name='lead'>"
        + "<attribute name='leadid' alias='n' aggregate='count'/>"
        + "<link-entity name='contact' from='contactid' to='parentcontactid' alias='c'>"
        + "<attribute name='fullname' alias='contact' groupby='true'/></link-entity>"
        + "<order alias='n' descending='true'/></entity></fetch>";

    public const string CountOnEmpty =
        "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count'/>"
        + "<attribute name='revenue' alias='total' aggregate='sum'/>"
        + "<filter><condition attribute='subject' operator='eq' value='Nobody'/></filter></entity></fetch>";

    public const string LikeOrRecentTopTen =
        "<fetch top='10'><entity name='lead'><attribute name='subject'/><filter type='or'>"
        + "<condition attribute='subject' operator='like' value='%999%'/>"
        + "<condition attribute='createdon' operator='last-x-hours' value='1'/>"
        + "</filter><order attribute='revenue' descending='true'/></entity></fetch>";

    public const string CountAll =
        "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count'/></entity></fetch>";

    public const string SchemaValidAggregateWithoutAggregateFetch =
        "<fetch><entity name='lead'><attribute name='revenue' alias='total' aggregate='sum'/></entity></fetch>";

    public const string SchemaValidAggregateWithoutAlias =
        "<fetch aggregate='true'><entity name='lead'><attribute name='revenue' aggregate='sum'/></entity></fetch>";

    public const string SchemaValidUnknownLinkType =
        "<fetch><entity name='lead'><link-entity name='contact' from='contactid' to='parentcontactid' link-type='sideways'/></entity></fetch>";

    public const string SchemaValidFiscalOperator =
        "<fetch><entity name='lead'><filter><condition attribute='createdon' operator='this-fiscal-year'/></filter></entity></fetch>";

    public static readonly string[] Invalid =
    [
        "<fetch><entity name='lead'><filter><condition attribute='subject' operator='equals' value='x'/></filter></entity></fetch>",
        "<fetch><entity><attribute name='subject'/></entity></fetch>",
        "<fetch><entity name='lead'><column name='subject'/></entity></fetch>",
        "<fetch><entity name='lead'><filter type='xor'><condition attribute='subject' operator='null'/></filter></entity></fetch>",
        "<fetch><entity name='lead'><filter><condition attribute='subject' value='x'/></filter></entity></fetch>",
        "<fetch count='many'><entity name='lead'/></fetch>",
        "<fetch aggregate='yes'><entity name='lead'/></fetch>",
        "<fetch><entity name='lead'><link-entity from='contactid' to='parentcontactid'/></entity></fetch>",
        "<fetch><entity name='lead'>",
        "<query><entity name='lead'/></query>",
    ];

    public static string[] Valid =>
    [
        EqWithOrder, TopAllAttributes, NoAttributes, InValues, Between, NullOrBeginsWith, LikeAndNotLike, DateOperators,
        LastXDays, UserAndBusiness, TypedValues, ContainValues, InnerLinkWithAlias, OuterLinkConditionOnAlias,
        OuterLinkDefaultAlias, ColumnAliases, NotAny, Exists, NestedLinkOrder, Distinct, AllAggregates, GroupByCompany,
        GroupByYearAndMonth, GroupByLinkedColumn, CountOnEmpty, CountAll, LikeOrRecentTopTen, SchemaValidAggregateWithoutAggregateFetch,
        SchemaValidAggregateWithoutAlias, SchemaValidUnknownLinkType, SchemaValidFiscalOperator,
        Paged(2, 1, null, total: true),
        Paged(2, 2, "<cookie page=\"1\"><leadid last=\"{10000000-0000-0000-0000-000000000002}\" first=\"{10000000-0000-0000-0000-000000000001}\" /></cookie>", total: false),
    ];

    /// <summary>A paged query on leads by subject; the cookie is XML-encoded into the attribute.</summary>
    public static string Paged(int count, int page, string? cookie, bool total)
    {
        var fetch = new XElement(
            "fetch",
            new XAttribute("count", count),
            new XAttribute("page", page),
            new XAttribute("returntotalrecordcount", total ? "true" : "false"),
            new XElement("entity", new XAttribute("name", "lead"), new XElement("attribute", new XAttribute("name", "subject")), new XElement("order", new XAttribute("attribute", "subject"))));
        if (cookie is not null)
        {
            fetch.Add(new XAttribute("paging-cookie", cookie));
        }

        return fetch.ToString(SaveOptions.DisableFormatting);
    }
}
