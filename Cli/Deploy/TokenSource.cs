using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>Where a bearer token for the environment comes from. Tokens are handed to the HTTP client only, never printed.</summary>
public interface ITokenSource
{
    /// <summary>What signs in, for messages (never the token).</summary>
    string Description { get; }

    /// <summary>A token for <paramref name="environment"/>.</summary>
    Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken);
}

/// <summary>A token given outright (LQX_DATAVERSE_TOKEN, or a test's).</summary>
public sealed class StaticTokenSource(string token, string description) : ITokenSource
{
    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken) => Task.FromResult(token);
}

/// <summary>
/// Azure.Identity, tried in this order: an app registration from environment variables (AZURE_TENANT_ID,
/// AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH: pipelines), the Azure CLI's signed-in
/// account, then a device code the administrator enters in a browser.
/// </summary>
public sealed class AzureIdentityTokenSource : ITokenSource
{
    /// <summary>Microsoft's public client id for Dataverse samples and tools (device code sign-in without an app registration of your own).</summary>
    public const string DefaultPublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    private readonly TokenCredential _credential;

    /// <summary>Creates the chain; <paramref name="showDeviceCode"/> shows the device-code instructions.</summary>
    public AzureIdentityTokenSource(string? clientId, string? tenantId, Action<string> showDeviceCode)
    {
        _credential = new ChainedTokenCredential(
            new EnvironmentCredential(),
            new AzureCliCredential(),
            new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                ClientId = clientId ?? DefaultPublicClientId,
                TenantId = tenantId ?? "organizations",
                DeviceCodeCallback = (code, _) =>
                {
                    showDeviceCode(code.Message);
                    return Task.CompletedTask;
                },
            }));
    }

    /// <inheritdoc />
    public string Description => "Azure sign-in (environment app registration, Azure CLI, or device code)";

    /// <inheritdoc />
    public async Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var scope = environment.GetLeftPart(UriPartial.Authority) + "/.default";
            var token = await _credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (AuthenticationFailedException exception)
        {
            throw new DeployException(DeployExit.Unauthorized, $"Sign-in failed: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// LQX_DATAVERSE_TOKEN when set (a token fetched elsewhere), else the Azure.Identity chain.
    /// <paramref name="environmentVariable"/> reads the process environment (tests pass their own).
    /// </summary>
    public static ITokenSource Select(Func<string, string?> environmentVariable, string? clientId, string? tenantId, Action<string> showDeviceCode)
    {
        ArgumentNullException.ThrowIfNull(environmentVariable);
        return environmentVariable("LQX_DATAVERSE_TOKEN") is { Length: > 0 } token
            ? new StaticTokenSource(token, "the token in LQX_DATAVERSE_TOKEN")
            : new AzureIdentityTokenSource(clientId, tenantId, showDeviceCode);
    }
}
