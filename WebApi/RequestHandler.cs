using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.ServiceModel;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator;
using Microsoft.AspNetCore.Http;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.WebApi;

/// <summary>One HTTP request: who calls, what the URL names, which organization service call answers it.</summary>
internal sealed class RequestHandler
{
    private const string CallerKey = "lqx.caller";

    private readonly XrmEmulator _emulator;
    private readonly WebApiOptions _options;
    private readonly Lazy<ServedMetadata> _metadata;
    private readonly Lazy<Operations> _operations;
    private readonly WebResourcePages _webResources;

    public RequestHandler(XrmEmulator emulator, WebApiOptions options)
    {
        _emulator = emulator;
        _options = options;
        _metadata = new Lazy<ServedMetadata>(() => new ServedMetadata(emulator.Schema));
        _operations = new Lazy<Operations>(() => new Operations(emulator, _metadata.Value));
        _webResources = new WebResourcePages(emulator, options);
    }

    private ServedMetadata Metadata => _metadata.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers["OData-Version"] = "4.0";
        if (!_options.AllowRemote && context.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address))
        {
            await WriteErrorAsync(response, new WebApiError(403, WebApiError.Hex(unchecked((int)0x80040220)), "This server answers only callers on this machine; start it with --allow-remote to change that.")).ConfigureAwait(false);
            return;
        }

        if (context.Request.Path.StartsWithSegments(WebResourcePages.BasePath, out var resource))
        {
            await _webResources.HandleAsync(context, resource.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        if (!context.Request.Path.StartsWithSegments(DataverseWebApi.BasePath, out var rest))
        {
            await WriteErrorAsync(response, new WebApiError(404, WebApiError.ODataErrorCode, $"No Web API at '{context.Request.Path}'; the service root is {DataverseWebApi.BasePath}/.")).ConfigureAwait(false);
            return;
        }

        if (!TryAuthenticate(context.Request, out var userId))
        {
            // As Dataverse: no body, and where to get a token.
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate = $"Bearer authorization_uri={context.Request.Scheme}://{context.Request.Host}/oauth2/authorize, resource_id={context.Request.Scheme}://{context.Request.Host}/";
            return;
        }

        try
        {
            await DispatchAsync(context, rest.Value ?? string.Empty, userId).ConfigureAwait(false);
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            await WriteErrorAsync(response, WebApiError.From(fault)).ConfigureAwait(false);
        }
        catch (ODataException exception)
        {
            await WriteErrorAsync(response, WebApiError.From(exception)).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(response, new WebApiError(400, WebApiError.ODataErrorCode, $"The request body is not valid JSON: {exception.Message}")).ConfigureAwait(false);
        }
    }

    private bool TryAuthenticate(HttpRequest request, out Guid userId)
    {
        userId = Guid.Empty;
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (header.Length == 0 && _webResources.CookieUser(request) is { } signedIn)
        {
            // A browser signed in through /WebResources/…?lqxtoken= (WebResourcePages), as web resources use the session.
            userId = signedIn;
            return true;
        }

        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && _options.Tokens.TryGetValue(header[Bearer.Length..].Trim(), out userId);
    }

    private async Task DispatchAsync(HttpContext context, string path, Guid tokenUser)
    {
        var userId = CallerOf(context.Request, tokenUser);
        context.Items[CallerKey] = userId;
        var request = context.Request;
        var serviceRoot = new Uri($"{request.Scheme}://{request.Host}{DataverseWebApi.BasePath}/");
        if (path is "" or "/")
        {
            await WriteServiceDocumentAsync(context.Response, serviceRoot).ConfigureAwait(false);
            return;
        }

        if (path == "/$metadata")
        {
            await WriteMetadataAsync(context.Response).ConfigureAwait(false);
            return;
        }

        if (EntityDefinitions.Match(path) is { } definition && HttpMethods.IsGet(request.Method))
        {
            var caller = ServiceFor(tokenUser, userId);
            await WriteJsonAsync(context.Response, 200, writer => EntityDefinitions.Write(writer, serviceRoot, caller, definition.LogicalName, definition.Attributes)).ConfigureAwait(false);
            return;
        }

        if (ActionRoute.Match(path) is { } route)
        {
            await RunOperationAsync(context, route, serviceRoot, ServiceFor(tokenUser, userId)).ConfigureAwait(false);
            return;
        }

        var uri = new Uri(serviceRoot, path.TrimStart('/') + request.QueryString.Value);
        var parser = new ODataUriParser(Metadata.Model, serviceRoot, uri);
        var segments = parser.ParsePath().ToList();
        var service = ServiceFor(tokenUser, userId);
        var method = request.Method;
        switch (segments)
        {
            case [OperationImportSegment { OperationImports: var imports }] when imports.Single().Name == "WhoAmI" && HttpMethods.IsGet(method):
                await WriteWhoAmIAsync(context.Response, serviceRoot, service).ConfigureAwait(false);
                return;
            case [EntitySetSegment set] when HttpMethods.IsGet(method):
                await RetrieveMultipleAsync(context, serviceRoot, parser, Metadata.ForType(set.EntitySet.EntityType), service).ConfigureAwait(false);
                return;
            case [EntitySetSegment set] when HttpMethods.IsPost(method):
                await CreateAsync(context, serviceRoot, parser, Metadata.ForType(set.EntitySet.EntityType), service).ConfigureAwait(false);
                return;
            case [EntitySetSegment set, KeySegment key]:
                await OnRecordAsync(context, serviceRoot, parser, Metadata.ForType(set.EntitySet.EntityType), KeyOf(key), service).ConfigureAwait(false);
                return;
            default:
                throw new ODataException($"'{path}' with {method} is not served by this emulator: entity sets, entity set(id), WhoAmI and $metadata are.");
        }
    }

    private async Task RunOperationAsync(HttpContext context, ActionRoute route, Uri serviceRoot, IOrganizationService service)
    {
        JsonElement? body = null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        }

        var result = _operations.Value.Run(route, context.Request.Method, body, service, serviceRoot);
        if (result.Body is null)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await WriteJsonAsync(context.Response, 200, result.Body).ConfigureAwait(false);
    }

    // The token's user, or with MSCRMCallerID the token's user acting on behalf of the caller: every operation then needs
    // prvActOnBehalfOfAnotherUser from the token's user (CannotActOnBehalfOfAnotherUser, 403) and rights of both.
    private IOrganizationService ServiceFor(Guid tokenUser, Guid userId) =>
        userId == tokenUser ? _emulator.GetOrganizationService(userId) : _emulator.GetOrganizationService(tokenUser, userId);

    // MSCRMCallerID: act as another user, who must exist.
    private Guid CallerOf(HttpRequest request, Guid tokenUser)
    {
        var header = request.Headers["MSCRMCallerID"].ToString();
        if (header.Length == 0)
        {
            return tokenUser;
        }

        if (!Guid.TryParse(header, out var callerId) || _emulator.Get("systemuser", callerId) is null)
        {
            throw new FaultException<OrganizationServiceFault>(
                new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040217), Message = $"systemuser With Id = {header} Does Not Exist" },
                new FaultReason($"systemuser With Id = {header} Does Not Exist"));
        }

        return callerId;
    }

    private async Task OnRecordAsync(HttpContext context, Uri serviceRoot, ODataUriParser parser, ServedTable table, Guid id, IOrganizationService service)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            var select = parser.ParseSelectAndExpand();
            var entity = service.Retrieve(table.LogicalName, id, QueryTranslator.Columns(select));
            await WriteRecordAsync(context.Response, 200, serviceRoot, table, entity, QueryTranslator.SelectedProperties(select), AnnotationsFor(context)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPatch(method))
        {
            await UpsertAsync(context, serviceRoot, parser, table, id, service).ConfigureAwait(false);
        }
        else if (HttpMethods.IsDelete(method))
        {
            service.Delete(table.LogicalName, id);
            context.Response.StatusCode = 204;
        }
        else
        {
            context.Response.StatusCode = 405;
        }
    }

    private async Task RetrieveMultipleAsync(HttpContext context, Uri serviceRoot, ODataUriParser parser, ServedTable table, IOrganizationService service)
    {
        var select = parser.ParseSelectAndExpand();
        var query = new QueryExpression(table.LogicalName) { ColumnSet = QueryTranslator.Columns(select) };
        if (parser.ParseFilter() is { } filter)
        {
            query.Criteria = QueryTranslator.Filter(filter);
        }

        QueryTranslator.AddOrders(query, parser.ParseOrderBy());
        var top = parser.ParseTop();
        var count = parser.ParseCount() == true;
        var prefer = Prefer.Parse(context.Request);
        var pageSize = Math.Clamp(prefer.MaxPageSize ?? _options.MaxPageSize, 1, _options.MaxPageSize);
        var (pageNumber, cookie) = SkipToken.Parse(parser.ParseSkipToken());
        query.PageInfo = new PagingInfo
        {
            Count = top is { } limit ? (int)Math.Min(limit, _options.MaxPageSize) : pageSize,
            PageNumber = pageNumber,
            PagingCookie = cookie,
            ReturnTotalRecordCount = count,
        };
        var result = service.RetrieveMultiple(query);

        if (prefer.MaxPageSize is not null && top is null)
        {
            context.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize}";
        }

        var selected = QueryTranslator.SelectedProperties(select);
        var annotations = AnnotationsFor(context);
        await WriteJsonAsync(context.Response, 200, writer =>
        {
            writer.WriteString("@odata.context", Context(serviceRoot, table, selected, single: false));
            if (count)
            {
                writer.WriteNumber("@odata.count", result.TotalRecordCount);
            }

            writer.WriteStartArray("value");
            foreach (var entity in result.Entities)
            {
                writer.WriteStartObject();
                EntityJson.WriteProperties(writer, table, entity, selected, annotations);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (top is null && result.MoreRecords)
            {
                writer.WriteString("@odata.nextLink", NextLink(context.Request, serviceRoot, table, SkipToken.Create(pageNumber + 1, result.PagingCookie)));
            }
        }).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context, Uri serviceRoot, ODataUriParser parser, ServedTable table, IOrganizationService service)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var id = body.TryGetProperty(table.Table.PrimaryIdAttribute, out var given) && given.ValueKind == JsonValueKind.String ? given.GetGuid() : Guid.Empty;
        var entity = EntityJson.ReadPayload(Metadata, table, body, id);
        id = service.Create(entity);
        await AnswerWriteAsync(context, serviceRoot, parser, table, id, service, created: true).ConfigureAwait(false);
    }

    // PATCH is an upsert on Dataverse: If-Match: * only updates (404 when missing), If-None-Match: * only creates.
    private async Task UpsertAsync(HttpContext context, Uri serviceRoot, ODataUriParser parser, ServedTable table, Guid id, IOrganizationService service)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var entity = EntityJson.ReadPayload(Metadata, table, body, id);
        var exists = _emulator.Get(table.LogicalName, id) is not null;
        var onlyUpdate = context.Request.Headers.IfMatch.ToString() == "*";
        var onlyCreate = context.Request.Headers.IfNoneMatch.ToString() == "*";
        if (exists && onlyCreate)
        {
            await WriteErrorAsync(context.Response, new WebApiError(412, WebApiError.Hex(unchecked((int)0x80040237)), "A record with matching key values already exists.")).ConfigureAwait(false);
            return;
        }

        if (!exists && onlyUpdate)
        {
            service.Retrieve(table.LogicalName, id, new ColumnSet(false)); // the platform's not-found fault, 404
        }

        if (exists)
        {
            service.Update(entity);
        }
        else
        {
            service.Create(entity);
        }

        await AnswerWriteAsync(context, serviceRoot, parser, table, id, service, created: false).ConfigureAwait(false);
    }

    private async Task AnswerWriteAsync(HttpContext context, Uri serviceRoot, ODataUriParser parser, ServedTable table, Guid id, IOrganizationService service, bool created)
    {
        var entityId = $"{serviceRoot}{table.EntitySetName}({id})";
        context.Response.Headers["OData-EntityId"] = entityId;
        if (!Prefer.Parse(context.Request).ReturnRepresentation)
        {
            context.Response.StatusCode = 204;
            return;
        }

        var select = parser.ParseSelectAndExpand();
        var entity = service.Retrieve(table.LogicalName, id, QueryTranslator.Columns(select));
        context.Response.Headers["Preference-Applied"] = "return=representation";
        context.Response.Headers.Location = entityId;
        await WriteRecordAsync(context.Response, created ? 201 : 200, serviceRoot, table, entity, QueryTranslator.SelectedProperties(select), AnnotationsFor(context)).ConfigureAwait(false);
    }

    private static async Task WriteWhoAmIAsync(HttpResponse response, Uri serviceRoot, IOrganizationService service)
    {
        var answer = (WhoAmIResponse)service.Execute(new WhoAmIRequest());
        await WriteJsonAsync(response, 200, writer =>
        {
            writer.WriteString("@odata.context", $"{serviceRoot}$metadata#{ServedMetadata.Namespace}.WhoAmIResponse");
            writer.WriteString("BusinessUnitId", answer.BusinessUnitId);
            writer.WriteString("UserId", answer.UserId);
            writer.WriteString("OrganizationId", answer.OrganizationId);
        }).ConfigureAwait(false);
    }

    private static Task WriteRecordAsync(HttpResponse response, int status, Uri serviceRoot, ServedTable table, Entity entity, IReadOnlyList<string> selected, Annotations? annotations) =>
        WriteJsonAsync(response, status, writer =>
        {
            writer.WriteString("@odata.context", Context(serviceRoot, table, selected, single: true));
            EntityJson.WriteProperties(writer, table, entity, selected, annotations);
        });

    // The caller's language and locale are those of the user the request acts as (MSCRMCallerID included).
    private Annotations? AnnotationsFor(HttpContext context)
    {
        var preference = Prefer.Parse(context.Request).IncludeAnnotations;
        var annotations = Annotations.For(preference, _emulator, (Guid)context.Items[CallerKey]!);
        if (annotations is not null)
        {
            context.Response.Headers.Append("Preference-Applied", $"odata.include-annotations=\"{preference}\"");
        }

        return annotations;
    }

    private Task WriteServiceDocumentAsync(HttpResponse response, Uri serviceRoot) =>
        WriteJsonAsync(response, 200, writer =>
        {
            writer.WriteString("@odata.context", $"{serviceRoot}$metadata");
            writer.WriteStartArray("value");
            foreach (var set in Metadata.Model.EntityContainer.EntitySets().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", set.Name);
                writer.WriteString("kind", "EntitySet");
                writer.WriteString("url", set.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private async Task WriteMetadataAsync(HttpResponse response)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = false }))
        {
            if (!CsdlWriter.TryWriteCsdl(Metadata.Model, xml, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException("The served model does not write as CSDL: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        response.StatusCode = 200;
        response.ContentType = "application/xml";
        await response.Body.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
    }

    private static string Context(Uri serviceRoot, ServedTable table, IReadOnlyList<string> selected, bool single) =>
        $"{serviceRoot}$metadata#{table.EntitySetName}{(selected.Count > 0 ? "(" + string.Join(",", selected) + ")" : string.Empty)}{(single ? "/$entity" : string.Empty)}";

    private static string NextLink(HttpRequest request, Uri serviceRoot, ServedTable table, string skipToken)
    {
        var kept = (request.QueryString.Value ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("$skiptoken=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("%24skiptoken=", StringComparison.OrdinalIgnoreCase));
        return $"{serviceRoot}{table.EntitySetName}?{string.Join("&", kept.Append("$skiptoken=" + Uri.EscapeDataString(skipToken)))}";
    }

    private static Guid KeyOf(KeySegment key) =>
        key.Keys.Single().Value is Guid id ? id : throw new ODataException("The key must be a GUID, e.g. leads(00000000-0000-0000-0000-000000000000).");

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    private static async Task WriteJsonAsync(HttpResponse response, int status, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal";
        await response.Body.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpResponse response, WebApiError error) =>
        WriteJsonAsync(response, error.Status, writer =>
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        });
}

/// <summary>The Prefer header's preferences this server honours.</summary>
internal sealed record Prefer(int? MaxPageSize, bool ReturnRepresentation, string? IncludeAnnotations)
{
    public static Prefer Parse(HttpRequest request)
    {
        int? maxPageSize = null;
        var representation = false;
        string? annotations = null;
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',')).Select(p => p.Trim()))
        {
            var (name, value) = preference.Split('=', 2) is [var n, var v] ? (n.Trim(), v.Trim().Trim('"')) : (preference, string.Empty);
            if (name == "odata.maxpagesize" && int.TryParse(value, out var size) && size > 0)
            {
                maxPageSize = size;
            }
            else if (name == "return" && value == "representation")
            {
                representation = true;
            }
            else if (name == "odata.include-annotations")
            {
                annotations = value;
            }
        }

        return new Prefer(maxPageSize, representation, annotations);
    }
}

/// <summary>$skiptoken in the platform's form: <c>&lt;cookie pagenumber="2" pagingcookie="…" istracking="False" /&gt;</c>.</summary>
internal static class SkipToken
{
    public static string Create(int pageNumber, string? pagingCookie) =>
        new XElement(
            "cookie",
            new XAttribute("pagenumber", pageNumber),
            new XAttribute("pagingcookie", pagingCookie ?? string.Empty),
            new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);

    public static (int PageNumber, string? PagingCookie) Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (1, null);
        }

        try
        {
            var cookie = XElement.Parse(token);
            var page = (int?)cookie.Attribute("pagenumber") ?? throw new ODataException("The $skiptoken has no pagenumber.");
            var paging = (string?)cookie.Attribute("pagingcookie");
            return (page, string.IsNullOrEmpty(paging) ? null : paging);
        }
        catch (XmlException exception)
        {
            throw new ODataException($"The $skiptoken is not one this server gave: {exception.Message}", exception);
        }
    }
}
