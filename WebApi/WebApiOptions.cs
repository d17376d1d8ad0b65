using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.WebApi;

/// <summary>How the emulator is served.</summary>
public sealed class WebApiOptions
{
    /// <summary>The token <c>lqx serve</c> accepts when none is given (a local convenience, never a secret).</summary>
    public const string DefaultToken = "lqx-local-token";

    /// <summary>Bearer tokens and the user each one acts as; a request without one of them is answered 401.</summary>
    public IDictionary<string, Guid> Tokens { get; } = new Dictionary<string, Guid>(StringComparer.Ordinal);

    /// <summary>Answer requests from other machines too (default: loopback only, 403 otherwise).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Largest page a collection returns (Dataverse: 5000; Prefer: odata.maxpagesize asks for less).</summary>
    public int MaxPageSize { get; set; } = 5000;
}
