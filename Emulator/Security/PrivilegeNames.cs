using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// Privilege names as Dataverse spells them: <c>prv</c> + action + the table's privilege name, which is its schema name
/// except where the platform groups tables (notes are <c>Note</c>, users <c>User</c>, every activity <c>Activity</c>).
/// Sources: the "… entity privileges" pages of the Dynamics CRM 2015 SDK on learn.microsoft.com (prvCreateLead,
/// prvReadOpportunity, prvAppendToAccount, prvReadUser, prvCreateNote, prvCreateActivity, …).
/// </summary>
public static class PrivilegeNames
{
    /// <summary>Needed to impersonate another user with CallerId / MSCRMCallerID ("Impersonate another user", Delegate role).</summary>
    public const string ActOnBehalfOfAnotherUser = "prvActOnBehalfOfAnotherUser";

    /// <summary>Needed to import a solution.</summary>
    public const string ImportSolution = "prvImportSolution";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["lead"] = "Lead",
        ["account"] = "Account",
        ["contact"] = "Contact",
        ["opportunity"] = "Opportunity",
        ["opportunityclose"] = "Activity",
        ["annotation"] = "Note",
        ["systemuser"] = "User",
        ["usersettings"] = "UserSettings",
        ["businessunit"] = "BusinessUnit",
        ["organization"] = "Organization",
        ["team"] = "Team",
        ["transactioncurrency"] = "TransactionCurrency",
        ["campaign"] = "Campaign",
        ["workflow"] = "Workflow",
        ["processstage"] = "ProcessStage",
        ["leadtoopportunitysalesprocess"] = "LeadToOpportunitySalesProcess",
        ["environmentvariabledefinition"] = "EnvironmentVariableDefinition",
        ["environmentvariablevalue"] = "EnvironmentVariableValue",
        ["sdkmessage"] = "SdkMessage",
        ["sdkmessageprocessingstep"] = "SdkMessageProcessingStep",
        ["solution"] = "Solution",
        ["asyncoperation"] = "AsyncOperation",
        ["importjob"] = "ImportJob",
        ["principalobjectaccess"] = "PrincipalObjectAccess",
    };

    /// <summary>The privilege name for <paramref name="action"/> on <paramref name="table"/> (logical name).</summary>
    public static string For(string table, PrivilegeAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        return "prv" + action + TableName(table);
    }

    /// <summary>The part of the privilege names that names the table.</summary>
    public static string TableName(string table) =>
        Names.TryGetValue(table, out var name) ? name : char.ToUpperInvariant(table[0]) + table[1..];
}
