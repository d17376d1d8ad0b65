using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>An error answer of the Web API that is not about sign-in: its status, the platform's code and message.</summary>
public sealed class DataverseException(HttpStatusCode status, string code, string message) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The platform's error code, e.g. 0x80040217.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// The environment's Web API v9.2 with a bearer token on every request and retries with exponential back-off and jitter
/// on 429 (honouring Retry-After), 408, transient 5xx and connection failures (Microsoft.Extensions.Http.Resilience's
/// HTTP retry strategy). 401 and 403 become <see cref="DeployException"/>s that say what to check.
/// </summary>
public sealed class DataverseClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ITokenSource _tokens;
    private int _retries;

    /// <summary>Creates the client; <paramref name="transport"/> sends the requests (a socket handler, or a test server's).</summary>
    public DataverseClient(Uri environment, ITokenSource tokens, HttpMessageHandler transport, TimeSpan retryDelay, int maxRetries = 5)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        _tokens = tokens;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryDelay,
                ShouldRetryAfterHeader = true,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        _http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = transport })
        {
            BaseAddress = new Uri(environment.GetLeftPart(UriPartial.Authority) + "/api/data/v9.2/"),
            Timeout = TimeSpan.FromMinutes(10),
        };
    }

    /// <summary>The environment's URL.</summary>
    public Uri Environment { get; }

    /// <summary>How many requests were sent again after a throttling or transient answer.</summary>
    public int Retries => _retries;

    /// <summary>GET; the answer's JSON.</summary>
    public Task<JsonElement> GetAsync(string relative, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relative, null, cancellationToken);

    /// <summary>POST with a JSON body; the answer's JSON (an empty object for 204).</summary>
    public Task<JsonElement> PostAsync(string relative, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, relative, body, cancellationToken);

    /// <summary>PATCH with a JSON body.</summary>
    public Task<JsonElement> PatchAsync(string relative, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, relative, body, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string relative, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(Environment, cancellationToken).ConfigureAwait(false));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                throw new DeployException(
                    DeployExit.Unauthorized,
                    $"{Environment} refused the sign-in (HTTP 401) with {_tokens.Description}. The token must be issued for this environment's URL, and the account must be a user of the environment (an app registration needs an application user there with a security role).");
            case HttpStatusCode.Forbidden:
                throw new DeployException(
                    DeployExit.Forbidden,
                    $"{Environment} answered HTTP 403 to {method} {relative}: the signed-in account may not do this. Give it the System Customizer or System Administrator role in the environment. {ErrorMessage(text)}".TrimEnd());
        }

        if (!response.IsSuccessStatusCode)
        {
            var (code, message) = Error(text);
            throw new DataverseException(response.StatusCode, code, message ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {method} {relative}.");
        }

        if (text.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new DataverseException(response.StatusCode, string.Empty, $"{method} {relative} answered something other than JSON: {exception.Message}");
        }
    }

    private static string ErrorMessage(string text) => Error(text).Message ?? string.Empty;

    private static (string Code, string? Message) Error(string text)
    {
        try
        {
            var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
            return (error.TryGetProperty("code", out var code) ? code.GetString() ?? string.Empty : string.Empty,
                error.TryGetProperty("message", out var message) ? message.GetString() : null);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (string.Empty, null);
        }
    }
}
