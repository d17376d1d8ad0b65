using System;
using static LeadQualifyExtensions.Emulator.Security.AccessLevel;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// The standard roles every emulator seeds, as data: one row per table with the level of Create, Read, Write, Delete,
/// Append, AppendTo, Assign and Share.
/// <para>
/// Sources. Lead, opportunity, account, contact: the "Lead / Opportunity / Account / Contact entity privileges" pages of the
/// Dynamics CRM 2013/2015 SDK (learn.microsoft.com/previous-versions, e.g. gg334808, gg328513, gg327880, gg328465), columns
/// Sales Manager and Salesperson, where Share and Write are missing there taken from the CRM 3.0 "Lead / Opportunity
/// Privileges" pages (aa477354, aa477397). Read on business units and users at Organization for every role: "BusinessUnit
/// entity privileges" (gg309344). System Administrator: "This role has the full set of privileges".
/// </para>
/// <para>
/// APPROXIMATIONS (Microsoft publishes no current per-table matrix): every row marked <c>approx</c> below, and the whole
/// System Customizer role, which follows the description "full permission to customize the environment; can only view
/// records for environment tables that they create" (Power Platform admin guide, "Security roles and privileges"):
/// Organization on customization tables, User level on business tables.
/// </para>
/// </summary>
internal static class StandardRoles
{
    public const string SystemAdministrator = "System Administrator";
    public const string SystemCustomizer = "System Customizer";
    public const string Salesperson = "Salesperson";
    public const string SalesManager = "Sales Manager";

    // Fixed ids so scenario files and tests can name roles by id too (name-based, not Microsoft's ids).
    public static readonly Guid SystemAdministratorId = new("5f0a1c2d-6e7f-4a8b-9c0d-1e2f3a4b5c60");
    public static readonly Guid SystemCustomizerId = new("5f0a1c2d-6e7f-4a8b-9c0d-1e2f3a4b5c61");
    public static readonly Guid SalespersonId = new("5f0a1c2d-6e7f-4a8b-9c0d-1e2f3a4b5c62");
    public static readonly Guid SalesManagerId = new("5f0a1c2d-6e7f-4a8b-9c0d-1e2f3a4b5c63");

    private static readonly AccessLevel N = None;
    private static readonly AccessLevel B = User;
    private static readonly AccessLevel L = AccessLevel.BusinessUnit;
    private static readonly AccessLevel G = Organization;

    //                                               Create Read Write Delete Append AppendTo Assign Share
    private static readonly (string Table, AccessLevel[] Levels)[] SalespersonRows =
    [
        ("lead",                          [B, G, G, B, G, G, B, G]),
        ("opportunity",                   [B, G, G, B, G, G, B, G]),
        ("account",                       [B, G, G, B, G, G, B, G]),
        ("contact",                       [B, G, G, B, G, G, B, G]),
        ("opportunityclose",              [B, G, B, B, B, G, B, B]), // approx (activities)
        ("annotation",                    [B, G, B, B, B, G, B, B]), // approx
        ("leadtoopportunitysalesprocess", [B, G, G, B, G, G, B, B]), // approx: a seller moves the process they are on
        ("campaign",                      [N, G, N, N, N, G, N, N]), // approx
        ("systemuser",                    [N, G, N, N, N, G, N, N]),
        ("businessunit",                  [N, G, N, N, N, G, N, N]),
        ("team",                          [N, G, N, N, N, G, N, N]), // approx
        ("usersettings",                  [N, G, B, N, N, N, N, N]), // approx
        ("organization",                  [N, G, N, N, N, N, N, N]), // approx
        ("transactioncurrency",           [N, G, N, N, N, G, N, N]), // approx
        ("workflow",                      [N, G, N, N, N, G, N, N]), // approx: process definitions must be readable to run them
        ("processstage",                  [N, G, N, N, N, G, N, N]), // approx
        ("environmentvariabledefinition", [N, G, N, N, N, G, N, N]), // approx: apps and plug-ins read settings as the user
        ("environmentvariablevalue",      [N, G, N, N, N, N, N, N]), // approx: read, never change
        ("sdkmessage",                    [N, G, N, N, N, N, N, N]), // approx
    ];

    // Sales Manager: as Salesperson, with Create, Delete and Assign on sales records at Business Unit level (published).
    private static readonly (string Table, AccessLevel[] Levels)[] SalesManagerRows =
    [
        ("lead",                          [L, G, G, L, G, G, L, G]),
        ("opportunity",                   [L, G, G, L, G, G, L, G]),
        ("account",                       [L, G, G, L, G, G, L, G]),
        ("contact",                       [L, G, G, L, G, G, L, G]),
        ("opportunityclose",              [L, G, L, L, L, G, L, L]), // approx
        ("annotation",                    [L, G, L, L, L, G, L, L]), // approx
        ("leadtoopportunitysalesprocess", [L, G, G, L, G, G, L, L]), // approx
    ];

    private static readonly string[] CustomizationTables =
    [
        "workflow", "processstage", "environmentvariabledefinition", "environmentvariablevalue", "solution", "sdkmessage",
        "sdkmessageprocessingstep", "importjob", "asyncoperation",
    ];

    private static readonly string[] BusinessTables =
    [
        "lead", "opportunity", "account", "contact", "opportunityclose", "annotation", "leadtoopportunitysalesprocess", "campaign",
    ];

    private static readonly string[] ReferenceTables = ["systemuser", "businessunit", "team", "organization", "transactioncurrency", "usersettings"];

    /// <summary>The four standard roles, new instances (each emulator may change its own).</summary>
    public static SecurityRole[] Create()
    {
        var admin = new SecurityRole(SystemAdministratorId, SystemAdministrator, isSystemAdministrator: true);

        var salesperson = new SecurityRole(SalespersonId, Salesperson);
        Apply(salesperson, SalespersonRows);

        var manager = new SecurityRole(SalesManagerId, SalesManager);
        Apply(manager, SalespersonRows);
        Apply(manager, SalesManagerRows);

        var customizer = new SecurityRole(SystemCustomizerId, SystemCustomizer);
        foreach (var table in CustomizationTables)
        {
            All(customizer, table, G);
        }

        foreach (var table in BusinessTables)
        {
            All(customizer, table, B);
        }

        foreach (var table in ReferenceTables)
        {
            customizer.Grant(table, PrivilegeAction.Read, G).Grant(table, PrivilegeAction.AppendTo, G);
        }

        customizer.Grant(PrivilegeNames.ImportSolution, G);
        return [admin, customizer, salesperson, manager];
    }

    private static void Apply(SecurityRole role, (string Table, AccessLevel[] Levels)[] rows)
    {
        foreach (var (table, levels) in rows)
        {
            for (var i = 0; i < PrivilegeActions.All.Length; i++)
            {
                role.Grant(table, PrivilegeActions.All[i], levels[i]);
            }
        }
    }

    private static void All(SecurityRole role, string table, AccessLevel level)
    {
        foreach (var action in PrivilegeActions.All)
        {
            role.Grant(table, action, level);
        }
    }
}
