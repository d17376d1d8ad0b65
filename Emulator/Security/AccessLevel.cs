using System;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// How far a privilege reaches, as Dataverse's security roles grade it (learn.microsoft.com, "Security concepts in
/// Dataverse": None, Basic = User, Local = Business Unit, Deep = Parent: Child Business Units, Global = Organization).
/// For organization-owned tables only None and Organization make sense; any other level counts as Organization there.
/// </summary>
public enum AccessLevel
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>Basic: rows the user owns, rows owned by the user's teams, rows shared with them.</summary>
    User = 1,

    /// <summary>Local: rows of the user's business unit.</summary>
    BusinessUnit = 2,

    /// <summary>Deep: rows of the user's business unit and every business unit below it.</summary>
    ParentChildBusinessUnits = 3,

    /// <summary>Global: every row.</summary>
    Organization = 4,
}

/// <summary>
/// The eight table privileges (learn.microsoft.com, "Security concepts": Create, Read, Write, Delete, Append, AppendTo,
/// Assign, Share). Privilege names are <c>prv</c> + action + table schema name, e.g. <c>prvCreateLead</c>.
/// </summary>
public enum PrivilegeAction
{
    /// <summary>prvCreate…</summary>
    Create,

    /// <summary>prvRead…</summary>
    Read,

    /// <summary>prvWrite…</summary>
    Write,

    /// <summary>prvDelete…</summary>
    Delete,

    /// <summary>prvAppend…: link this row to another (set a lookup on it).</summary>
    Append,

    /// <summary>prvAppendTo…: let other rows point at this one.</summary>
    AppendTo,

    /// <summary>prvAssign…: give the row another owner.</summary>
    Assign,

    /// <summary>prvShare…: grant others access to the row.</summary>
    Share,
}

/// <summary>
/// Rights on one row, with the values of the SDK's <c>AccessRights</c> enumeration (Microsoft.Crm.Sdk.Messages; learn.microsoft.com,
/// "AccessRights Enum"): ReadAccess 1, WriteAccess 2, AppendAccess 4, AppendToAccess 16, CreateAccess 32, DeleteAccess 0x10000,
/// ShareAccess 0x40000, AssignAccess 0x80000. Our clean-room SDK has no such type, so the emulator carries its own.
/// </summary>
[Flags]
public enum AccessRights
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>Read.</summary>
    ReadAccess = 0x1,

    /// <summary>Write.</summary>
    WriteAccess = 0x2,

    /// <summary>Append.</summary>
    AppendAccess = 0x4,

    /// <summary>AppendTo.</summary>
    AppendToAccess = 0x10,

    /// <summary>Create.</summary>
    CreateAccess = 0x20,

    /// <summary>Delete.</summary>
    DeleteAccess = 0x10000,

    /// <summary>Share.</summary>
    ShareAccess = 0x40000,

    /// <summary>Assign.</summary>
    AssignAccess = 0x80000,
}

/// <summary>Mapping between <see cref="PrivilegeAction"/> and <see cref="AccessRights"/>.</summary>
public static class PrivilegeActions
{
    /// <summary>Every action, in the order security role editors show them.</summary>
    public static PrivilegeAction[] All { get; } =
    [
        PrivilegeAction.Create, PrivilegeAction.Read, PrivilegeAction.Write, PrivilegeAction.Delete,
        PrivilegeAction.Append, PrivilegeAction.AppendTo, PrivilegeAction.Assign, PrivilegeAction.Share,
    ];

    /// <summary>The access right an action needs on a row.</summary>
    public static AccessRights Right(this PrivilegeAction action) => action switch
    {
        PrivilegeAction.Create => AccessRights.CreateAccess,
        PrivilegeAction.Read => AccessRights.ReadAccess,
        PrivilegeAction.Write => AccessRights.WriteAccess,
        PrivilegeAction.Delete => AccessRights.DeleteAccess,
        PrivilegeAction.Append => AccessRights.AppendAccess,
        PrivilegeAction.AppendTo => AccessRights.AppendToAccess,
        PrivilegeAction.Assign => AccessRights.AssignAccess,
        PrivilegeAction.Share => AccessRights.ShareAccess,
        _ => AccessRights.None,
    };
}
