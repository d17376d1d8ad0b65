using System;
using System.Collections.Generic;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>
/// Requests the platform runs as another message, so that message's plug-in steps fire. A SetStateRequest raises only
/// the steps of SetStateDynamicEntity, also when no SetState step is registered; Update raises neither (a reported
/// test of the real platform, nishantrana.me 2018-07-11 "When does the Plugin registered on SetState message fires in
/// Dynamics 365?"; Microsoft's docs say nothing stronger, issue 20 item 4: UNCONFIRMED (U15)). The caller still gets its
/// own response type.
/// </summary>
internal static class RaisedMessages
{
    private static readonly Dictionary<string, (string Raised, Func<OrganizationResponse> CallerResponse)> Table =
        new(StringComparer.Ordinal)
        {
            ["SetState"] = ("SetStateDynamicEntity", () => new SetStateResponse()),
        };

    /// <summary>The request as the pipeline runs it: renamed when the platform raises another message for it.</summary>
    public static OrganizationRequest Raise(OrganizationRequest request) =>
        request.RequestName is { } name && Table.TryGetValue(name, out var entry)
            ? new OrganizationRequest(entry.Raised) { Parameters = request.Parameters, RequestId = request.RequestId }
            : request;

    /// <summary>The response in the caller's type when <paramref name="callerMessage"/> was raised as another message.</summary>
    public static OrganizationResponse ForCaller(string? callerMessage, OrganizationResponse response)
    {
        if (callerMessage is null || !Table.TryGetValue(callerMessage, out var entry))
        {
            return response;
        }

        var typed = entry.CallerResponse();
        typed.Results = response.Results;
        return typed;
    }
}
