using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Resolves message ids through a Dataverse environment's Web API (v9.2) with a bearer token.</summary>
public sealed class WebApiMessageResolver : ISdkMessageResolver
{
    private readonly HttpClient _client;
    private readonly Uri _environmentUrl;
    private readonly Func<CancellationToken, Task<string>> _token;

    /// <summary>Creates the resolver for <paramref name="environmentUrl"/> (e.g. https://contoso.crm.dynamics.com).</summary>
    public WebApiMessageResolver(HttpClient client, Uri environmentUrl, Func<CancellationToken, Task<string>> token)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(environmentUrl);
        ArgumentNullException.ThrowIfNull(token);
        _client = client;
        _environmentUrl = environmentUrl;
        _token = token;
    }

    /// <summary>The request URI for <paramref name="messageName"/>.</summary>
    public Uri RequestUri(string messageName)
    {
        ArgumentNullException.ThrowIfNull(messageName);
        var literal = messageName.Replace("'", "''", StringComparison.Ordinal);
        var baseUrl = _environmentUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{baseUrl}/api/data/v9.2/sdkmessages?$select=sdkmessageid&$filter=name eq '{Uri.EscapeDataString(literal)}'");
    }

    /// <inheritdoc />
    public async Task<Guid?> ResolveAsync(string messageName, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(messageName));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _token(cancellationToken).ConfigureAwait(false));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new PackagingException(
                $"Looking up the SDK message '{messageName}' at {_environmentUrl} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var row in document.RootElement.GetProperty("value").EnumerateArray())
        {
            if (row.TryGetProperty("sdkmessageid", out var id) && Guid.TryParse(id.GetString(), out var guid))
            {
                return guid;
            }
        }

        return null;
    }
}
