using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// The platform's security faults. Codes and names from Microsoft's "Web service error codes" list
/// (MicrosoftDocs/powerapps-docs, developer/data-platform/includes/data-service-error-codes.md); message texts after the
/// "Troubleshoot Dataverse client errors" article (learn.microsoft.com/troubleshoot/power-platform/dataverse/...client-errors),
/// which quotes them with the ids left out; the emulator fills in what it knows.
/// </summary>
public static class SecurityFaults
{
    /// <summary>PrivilegeDenied 0x80040220 (-2147220960): "The user does not hold the necessary privileges."</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    /// <summary>
    /// 0x80048306 (-2147187962): the privilege is held, but not at a level that reaches this record
    /// ("Principal with ID … does not have CreateAccess right(s) for record with ID … of entity …").
    /// </summary>
    public const int AccessDenied = unchecked((int)0x80048306);

    /// <summary>CannotActOnBehalfOfAnotherUser 0x8004A110: "User does not have the privilege to act on behalf another user."</summary>
    public const int CannotActOnBehalfOfAnotherUser = unchecked((int)0x8004A110);

    /// <summary>The caller holds <paramref name="privilegeName"/> at no level.</summary>
    internal static FaultException<OrganizationServiceFault> MissingPrivilege(Guid userId, string privilegeName, string table) =>
        Faults.Create(PrivilegeDenied, Format(
            "Principal user (Id={0}, type=8) is missing {1} privilege on entity '{2}'. The user does not hold the necessary privileges.",
            userId, privilegeName, table));

    /// <summary>The caller holds the privilege, but the record lies outside its reach.</summary>
    internal static FaultException<OrganizationServiceFault> NoAccess(Guid userId, AccessRights right, string table, Guid recordId) =>
        Faults.Create(AccessDenied, Format("Principal with ID {0} does not have {1} right(s) for record with ID {2} of entity {3}.", userId, right, recordId, table));

    /// <summary>A CallerId given by a user without prvActOnBehalfOfAnotherUser.</summary>
    internal static FaultException<OrganizationServiceFault> CannotImpersonate() =>
        Faults.Create(CannotActOnBehalfOfAnotherUser, "User does not have the privilege to act on behalf another user.");

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
