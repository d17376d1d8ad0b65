using System;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>
/// ExecuteFetch (deprecated; RetrieveMultiple with a FetchExpression replaces it): the FetchXML runs as a RetrieveMultiple
/// (same parser, security and paging) and the rows come back as the documented <c>resultset</c> document — one
/// <c>result</c> per row, one element per column named by its logical name or alias, <c>morerecords</c> 0 or 1 and the
/// paging cookie. Element text: numbers and choice values invariant, Yes/No as 1/0, dates as UTC ISO 8601, ids and
/// lookups as <c>{GUID}</c>; lookups carry <c>name</c> and <c>type</c> (the table's logical name) and choices their label
/// in <c>name</c> — the platform's extra attributes (type codes, yomi names, date/time parts) are left out.
/// </summary>
internal sealed class ExecuteFetchHandler : IRequestHandler
{
    public string MessageName => "ExecuteFetch";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var fetchXml = Parameters.Required<string>(request, "FetchXml");
        var rows = ((RetrieveMultipleResponse)context.Execute(new RetrieveMultipleRequest { Query = new FetchExpression(fetchXml) })).EntityCollection ?? new EntityCollection();
        var resultset = new XElement("resultset", new XAttribute("morerecords", rows.MoreRecords ? "1" : "0"));
        if (!string.IsNullOrEmpty(rows.PagingCookie))
        {
            resultset.Add(new XAttribute("paging-cookie", rows.PagingCookie));
        }

        foreach (var row in rows.Entities)
        {
            var result = new XElement("result");
            foreach (var column in row.Attributes)
            {
                if (column.Value is not null)
                {
                    result.Add(Element(column.Key, column.Value, row.FormattedValues.TryGetValue(column.Key, out var label) ? label : null));
                }
            }

            resultset.Add(result);
        }

        var response = new ExecuteFetchResponse();
        response.Results["FetchXmlResult"] = resultset.ToString(SaveOptions.DisableFormatting);
        return response;
    }

    private static XElement Element(string name, object value, string? label)
    {
        var element = new XElement(name);
        switch (value is AliasedValue aliased ? aliased.Value : value)
        {
            case EntityReference reference:
                element.Value = Braced(reference.Id);
                if (reference.Name is not null)
                {
                    element.Add(new XAttribute("name", reference.Name));
                }

                element.Add(new XAttribute("type", reference.LogicalName));
                return element;
            case OptionSetValue option:
                element.Value = option.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case OptionSetValueCollection options:
                element.Value = string.Join(",", System.Linq.Enumerable.Select(options, o => o.Value.ToString(CultureInfo.InvariantCulture)));
                break;
            case Money money:
                element.Value = money.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case bool flag:
                element.Value = flag ? "1" : "0";
                break;
            case DateTime date:
                element.Value = date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return element;
            case Guid id:
                element.Value = Braced(id);
                return element;
            case var other:
                element.Value = Convert.ToString(other, CultureInfo.InvariantCulture) ?? "";
                break;
        }

        if (label is not null)
        {
            element.Add(new XAttribute("name", label));
        }

        return element;
    }

    private static string Braced(Guid id) => id.ToString("B").ToUpperInvariant();
}
