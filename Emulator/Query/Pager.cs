using System;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>The rows of the requested page, as a range of the sorted result.</summary>
internal readonly record struct PageSlice(int Start, int Count, bool MoreRecords, int PageNumber);

/// <summary>
/// Paging as the platform does it: TopCount caps the result; otherwise pages of
/// <see cref="PagingInfo.Count"/> rows (5,000 when unset) numbered from 1. A paging cookie of
/// the form <c>&lt;cookie page="1"&gt;&lt;leadid last="{ID}" first="{ID}" /&gt;&lt;/cookie&gt;</c>
/// is returned with every non-empty page; when it is handed back for the next page, the page
/// starts after the cookie's last row (so inserts between calls do not shift pages). A cookie
/// for another page, or whose row is gone, is ignored, as the platform does.
/// </summary>
internal static class Pager
{
    public const int MaxPageSize = 5000;

    public static PageSlice Slice(int total, PagingInfo? paging, int? top, Func<Guid, int> indexOfId, string primaryId)
    {
        var pageSize = paging?.Count ?? 0;
        if (top is { } topCount)
        {
            if (pageSize > 0)
            {
                throw QueryFaults.InvalidArgument("TopCount (top) cannot be combined with paging (count / page).");
            }

            if (topCount < 0)
            {
                throw QueryFaults.InvalidArgument("TopCount (top) cannot be negative.");
            }

            return new PageSlice(0, Math.Min(topCount, total), false, 1);
        }

        if (pageSize < 0 || (paging?.PageNumber ?? 0) < 0)
        {
            throw QueryFaults.InvalidArgument("Paging count and page number cannot be negative.");
        }

        if (pageSize == 0)
        {
            pageSize = MaxPageSize;
        }

        var pageNumber = Math.Max(paging?.PageNumber ?? 1, 1);
        var start = (int)Math.Min((long)(pageNumber - 1) * pageSize, total);
        if (!string.IsNullOrEmpty(paging?.PagingCookie)
            && TryParseCookie(paging.PagingCookie, primaryId, out var cookiePage, out var lastId)
            && cookiePage == pageNumber - 1)
        {
            var lastIndex = indexOfId(lastId);
            if (lastIndex >= 0)
            {
                start = lastIndex + 1;
            }
        }

        var count = Math.Min(pageSize, total - start);
        return new PageSlice(start, count, start + count < total, pageNumber);
    }

    public static string CreateCookie(string primaryId, int page, Guid first, Guid last) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "<cookie page=\"{0}\"><{1} last=\"{2}\" first=\"{3}\" /></cookie>",
            page,
            primaryId,
            last.ToString("B").ToUpperInvariant(),
            first.ToString("B").ToUpperInvariant());

    /// <summary>Reads a cookie; a cookie that is not XML is a caller bug and faults.</summary>
    public static bool TryParseCookie(string cookie, string primaryId, out int page, out Guid last)
    {
        page = 0;
        last = Guid.Empty;
        XElement root;
        try
        {
            root = SafeXml.Parse(cookie);
        }
        catch (XmlException)
        {
            throw QueryFaults.InvalidArgument("The paging cookie is not valid XML (a DTD is not allowed): " + InputQuote.Prefix(cookie));
        }

        if (root.Name.LocalName != "cookie"
            || !int.TryParse((string?)root.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out page))
        {
            return false;
        }

        var idElement = root.Element(primaryId);
        return idElement is not null && Guid.TryParse((string?)idElement.Attribute("last"), out last);
    }
}
