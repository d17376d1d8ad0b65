using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// /WebResources/&lt;name&gt;: the imported solution's web resources, as Dataverse serves them beside the Web API, so
/// the configuration page runs in a browser against lqx serve. A browser signs in as Dataverse's session cookie does
/// it: <c>?lqxtoken=T</c> with one of the server's tokens sets the cookie <see cref="CookieName"/> (HttpOnly,
/// SameSite=Strict), which the Web API then accepts like the bearer token.
/// </summary>
internal sealed class WebResourcePages
{
    /// <summary>The cookie a signed-in browser sends.</summary>
    public const string CookieName = "lqx_token";

    /// <summary>The query parameter that signs a browser in.</summary>
    public const string TokenParameter = "lqxtoken";

    /// <summary>The path web resources are served under, as in Dataverse.</summary>
    public const string BasePath = "/WebResources";

    private readonly XrmEmulator _emulator;
    private readonly WebApiOptions _options;

    public WebResourcePages(XrmEmulator emulator, WebApiOptions options)
    {
        _emulator = emulator;
        _options = options;
    }

    /// <summary>The user the request's cookie names, or null.</summary>
    public Guid? CookieUser(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var token) && token is not null && _options.Tokens.TryGetValue(token, out var user) ? user : null;

    public async Task HandleAsync(HttpContext context, string name)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = 405;
            return;
        }

        var user = CookieUser(request);
        if (request.Query.TryGetValue(TokenParameter, out var given))
        {
            if (!_options.Tokens.TryGetValue(given.ToString(), out var signedIn))
            {
                response.StatusCode = 401;
                return;
            }

            user = signedIn;
            response.Cookies.Append(CookieName, given.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        }

        name = Uri.UnescapeDataString(name.TrimStart('/'));
        if (name == "ClientGlobalContext.js.aspx")
        {
            await WriteAsync(response, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(GlobalContextScript(user))).ConfigureAwait(false);
            return;
        }

        var query = new QueryExpression("webresource") { ColumnSet = new ColumnSet("content", "webresourcetype"), TopCount = 1 };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, name);
        var row = _emulator.GetOrganizationService().RetrieveMultiple(query).Entities.FirstOrDefault();
        if (row is null)
        {
            response.StatusCode = 404;
            return;
        }

        var content = Convert.FromBase64String(row.GetAttributeValue<string>("content") ?? string.Empty);
        await WriteAsync(response, ContentType(row.GetAttributeValue<OptionSetValue>("webresourcetype")?.Value ?? 0), content).ConfigureAwait(false);
    }

    /// <summary>
    /// The stand-in for Dataverse's ClientGlobalContext.js.aspx: GetGlobalContext() with the members our web resources
    /// use (getClientUrl, userSettings.languageId / userId, getUserLcid), the language from the user's usersettings.
    /// </summary>
    private string GlobalContextScript(Guid? user)
    {
        var language = 1033;
        if (user is { } id)
        {
            var query = new QueryExpression("usersettings") { ColumnSet = new ColumnSet("uilanguageid"), TopCount = 1 };
            query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, id);
            language = _emulator.GetOrganizationService().RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<int?>("uilanguageid") ?? 1033;
        }

        var userId = user is { } u ? "{" + u.ToString().ToUpperInvariant() + "}" : string.Empty;
        return "// lqx serve's stand-in for ClientGlobalContext.js.aspx (WebApi/WebResourcePages.cs).\n"
            + "(function () {\n"
            + $"  var userSettings = {{ languageId: {language}, userId: \"{userId}\" }};\n"
            + "  var context = { userSettings: userSettings, getClientUrl: function () { return location.origin; }, getUserLcid: function () { return userSettings.languageId; } };\n"
            + "  window.GetGlobalContext = function () { return context; };\n"
            + "})();\n";
    }

    private static string ContentType(int type) => type switch
    {
        1 => "text/html; charset=utf-8",
        2 => "text/css; charset=utf-8",
        3 => "text/javascript; charset=utf-8",
        4 => "text/xml; charset=utf-8",
        5 => "image/png",
        6 => "image/jpeg",
        7 => "image/gif",
        11 => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static async Task WriteAsync(HttpResponse response, string contentType, byte[] body)
    {
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
