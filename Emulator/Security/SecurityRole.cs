using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// A security role: privileges by name (<c>prvCreateLead</c>, <c>prvImportSolution</c>, …), each at an access level.
/// The System Administrator role passes every check, as on the platform ("This role has the full set of privileges").
/// </summary>
public sealed class SecurityRole
{
    private readonly Dictionary<string, AccessLevel> _privileges = new(StringComparer.OrdinalIgnoreCase);

    internal SecurityRole(Guid id, string name, bool isSystemAdministrator = false)
    {
        Id = id;
        Name = name;
        IsSystemAdministrator = isSystemAdministrator;
    }

    /// <summary>The role id.</summary>
    public Guid Id { get; }

    /// <summary>The role name, e.g. <c>Salesperson</c>.</summary>
    public string Name { get; }

    /// <summary>True for System Administrator: every privilege at Organization level.</summary>
    public bool IsSystemAdministrator { get; }

    /// <summary>The privileges this role grants and their levels.</summary>
    public IReadOnlyDictionary<string, AccessLevel> Privileges => _privileges;

    /// <summary>Grants <paramref name="privilegeName"/> at <paramref name="level"/> (None removes it).</summary>
    public SecurityRole Grant(string privilegeName, AccessLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privilegeName);
        if (level == AccessLevel.None)
        {
            _privileges.Remove(privilegeName);
        }
        else
        {
            _privileges[privilegeName] = level;
        }

        return this;
    }

    /// <summary>Grants the table privilege for <paramref name="action"/> on <paramref name="table"/> (logical name).</summary>
    public SecurityRole Grant(string table, PrivilegeAction action, AccessLevel level) => Grant(PrivilegeNames.For(table, action), level);

    /// <summary>Removes a privilege.</summary>
    public SecurityRole Revoke(string privilegeName) => Grant(privilegeName, AccessLevel.None);

    /// <summary>The level at which this role grants <paramref name="privilegeName"/>.</summary>
    public AccessLevel LevelOf(string privilegeName) =>
        IsSystemAdministrator ? AccessLevel.Organization : _privileges.TryGetValue(privilegeName, out var level) ? level : AccessLevel.None;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
