namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>
/// Exit codes of lqx deploy and lqx status: each preflight failure has its own, so a pipeline can tell a wrong URL from
/// a missing permission without reading the text. 0 and the usage code 2 mean what they mean for every lqx command.
/// </summary>
public static class DeployExit
{
    /// <summary>Deployed (or, for status, everything in place).</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error, or (status) something is not in place.</summary>
    public const int Failed = 1;

    /// <summary>The URL does not answer as a Dataverse environment (no WhoAmI).</summary>
    public const int NotDataverse = 10;

    /// <summary>The environment refused the sign-in (HTTP 401), or no token could be had.</summary>
    public const int Unauthorized = 11;

    /// <summary>Signed in, but the account may not import solutions (HTTP 403, or no prvImportCustomization).</summary>
    public const int Forbidden = 12;

    /// <summary>A solution the package needs (Dynamics 365 Sales) is not installed.</summary>
    public const int DependencyMissing = 13;

    /// <summary>A step's message id differs from the environment's id for that message name.</summary>
    public const int MessageIdMismatch = 14;

    /// <summary>The solution zip cannot be read or breaks the verifier's rules.</summary>
    public const int CorruptZip = 15;

    /// <summary>The policy file is not a valid policy (the same rules the plug-ins apply).</summary>
    public const int InvalidPolicy = 16;

    /// <summary>The import ran and failed; the platform's reason is shown.</summary>
    public const int ImportFailed = 17;
}
