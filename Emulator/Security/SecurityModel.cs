using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// Who holds which rights in one emulator: security roles, the roles of users and owner teams, team members. Business
/// units and teams are rows (<c>businessunit</c>, <c>team</c>); shares are <c>principalobjectaccess</c> rows, so they
/// roll back with the request that made them. Get it with <c>emulator.Security</c>.
/// </summary>
/// <remarks>
/// Defaults: the built-in administrator holds System Administrator; a new user holds no role (Dataverse assigns none by
/// itself; an administrator does), so give sellers <c>Salesperson</c> explicitly. The SYSTEM user that
/// <c>CreateOrganizationService(null)</c> runs as skips every check, as on the platform.
/// </remarks>
public sealed class SecurityModel
{
    private readonly XrmEmulator _emulator;
    private readonly Dictionary<Guid, SecurityRole> _roles = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _principalRoles = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _teamMembers = [];

    internal SecurityModel(XrmEmulator emulator)
    {
        _emulator = emulator;
        foreach (var role in StandardRoles.Create())
        {
            _roles.Add(role.Id, role);
        }
    }

    /// <summary>The names of the roles every emulator seeds.</summary>
    public static IReadOnlyList<string> StandardRoleNames { get; } =
        [StandardRoles.SystemAdministrator, StandardRoles.SystemCustomizer, StandardRoles.Salesperson, StandardRoles.SalesManager];

    /// <summary>Every role, standard ones first.</summary>
    public IReadOnlyCollection<SecurityRole> Roles => _roles.Values;

    /// <summary>System Administrator.</summary>
    public SecurityRole SystemAdministrator => _roles[StandardRoles.SystemAdministratorId];

    /// <summary>System Customizer.</summary>
    public SecurityRole SystemCustomizer => _roles[StandardRoles.SystemCustomizerId];

    /// <summary>Salesperson.</summary>
    public SecurityRole Salesperson => _roles[StandardRoles.SalespersonId];

    /// <summary>Sales Manager.</summary>
    public SecurityRole SalesManager => _roles[StandardRoles.SalesManagerId];

    /// <summary>The role named <paramref name="name"/> (case-insensitive), or null.</summary>
    public SecurityRole? FindRole(string name) =>
        _roles.Values.FirstOrDefault(role => string.Equals(role.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a role without privileges; grant them with <see cref="SecurityRole.Grant(string, AccessLevel)"/>.</summary>
    public SecurityRole AddRole(string name, Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (FindRole(name) is not null)
        {
            throw new ArgumentException($"A role named '{name}' exists already.", nameof(name));
        }

        var role = new SecurityRole(id ?? Guid.NewGuid(), name);
        _roles.Add(role.Id, role);
        return role;
    }

    /// <summary>Gives the user or owner team <paramref name="principalId"/> the roles named <paramref name="roleNames"/>.</summary>
    public void AssignRoles(Guid principalId, params string[] roleNames)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        RequirePrincipal(principalId);
        var roles = roleNames.Select(name => FindRole(name)
            ?? throw new ArgumentException($"The emulator has no security role named '{name}'. Known: {string.Join(", ", _roles.Values.Select(r => r.Name))}.", nameof(roleNames))).ToList();
        lock (_emulator.Gate)
        {
            if (!_principalRoles.TryGetValue(principalId, out var held))
            {
                _principalRoles[principalId] = held = [];
            }

            foreach (var role in roles)
            {
                held.Add(role.Id);
            }
        }
    }

    /// <summary>Takes the role named <paramref name="roleName"/> away from a user or team.</summary>
    public void RemoveRole(Guid principalId, string roleName)
    {
        var role = FindRole(roleName) ?? throw new ArgumentException($"The emulator has no security role named '{roleName}'.", nameof(roleName));
        lock (_emulator.Gate)
        {
            if (_principalRoles.TryGetValue(principalId, out var held))
            {
                held.Remove(role.Id);
            }
        }
    }

    /// <summary>The roles a user or team holds directly (not through teams).</summary>
    public IReadOnlyList<SecurityRole> RolesOf(Guid principalId)
    {
        lock (_emulator.Gate)
        {
            return _principalRoles.TryGetValue(principalId, out var held) ? held.Select(id => _roles[id]).ToList() : [];
        }
    }

    /// <summary>Creates a business unit below <paramref name="parentId"/> (default: the root business unit); returns its id.</summary>
    public Guid CreateBusinessUnit(string name, Guid? parentId = null, Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parent = parentId ?? _emulator.BusinessUnitId;
        if (_emulator.Get("businessunit", parent) is null)
        {
            throw new ArgumentException($"No business unit has the id {parent}.", nameof(parentId));
        }

        var unitId = id ?? Guid.NewGuid();
        _emulator.Seed(new Entity("businessunit", unitId) { ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parent) });
        return unitId;
    }

    /// <summary>Creates an owner team in <paramref name="businessUnitId"/> (default: root) with roles and members; returns its id.</summary>
    public Guid CreateTeam(string name, Guid? businessUnitId = null, IEnumerable<string>? roles = null, IEnumerable<Guid>? members = null, Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var teamId = id ?? Guid.NewGuid();
        _emulator.Seed(new Entity("team", teamId)
        {
            ["name"] = name,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? _emulator.BusinessUnitId),
            ["teamtype"] = new OptionSetValue(0),
        });
        AssignRoles(teamId, roles?.ToArray() ?? []);
        AddTeamMembers(teamId, members?.ToArray() ?? []);
        return teamId;
    }

    /// <summary>Adds users to a team.</summary>
    public void AddTeamMembers(Guid teamId, params Guid[] userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (_emulator.Get("team", teamId) is null)
        {
            throw new ArgumentException($"No team has the id {teamId}.", nameof(teamId));
        }

        lock (_emulator.Gate)
        {
            if (!_teamMembers.TryGetValue(teamId, out var members))
            {
                _teamMembers[teamId] = members = [];
            }

            foreach (var user in userIds)
            {
                RequireUser(user);
                members.Add(user);
            }
        }
    }

    /// <summary>The teams <paramref name="userId"/> is a member of.</summary>
    public IReadOnlyList<Guid> TeamsOf(Guid userId)
    {
        lock (_emulator.Gate)
        {
            return _teamMembers.Where(pair => pair.Value.Contains(userId)).Select(pair => pair.Key).ToList();
        }
    }

    /// <summary>
    /// True when checks apply to <paramref name="userId"/>: false for the SYSTEM user and for holders of System Administrator.
    /// </summary>
    public bool IsChecked(Guid userId)
    {
        if (userId == Pipeline.EmulatorPipeline.SystemUser)
        {
            return false;
        }

        lock (_emulator.Gate)
        {
            return !Grants(userId).Any(grant => grant.Role.IsSystemAdministrator);
        }
    }

    /// <summary>The highest level at which <paramref name="userId"/> holds <paramref name="privilegeName"/>, through own roles or teams.</summary>
    public AccessLevel LevelOf(Guid userId, string privilegeName)
    {
        if (!IsChecked(userId))
        {
            return AccessLevel.Organization;
        }

        lock (_emulator.Gate)
        {
            var best = AccessLevel.None;
            foreach (var grant in Grants(userId))
            {
                var level = grant.Role.LevelOf(privilegeName);
                best = level > best ? level : best;
            }

            return best;
        }
    }

    /// <summary>True when <paramref name="userId"/> holds <paramref name="privilegeName"/> at any level.</summary>
    public bool HasPrivilege(Guid userId, string privilegeName) => LevelOf(userId, privilegeName) != AccessLevel.None;

    /// <summary>Each role a user holds, with the principal it is held through (the user, or one of their teams) and that principal's business unit.</summary>
    internal IEnumerable<(SecurityRole Role, Guid Principal, Guid BusinessUnit, bool IsTeam)> Grants(Guid userId)
    {
        if (_principalRoles.TryGetValue(userId, out var own))
        {
            var unit = _emulator.BusinessUnitOf(userId);
            foreach (var id in own)
            {
                yield return (_roles[id], userId, unit, false);
            }
        }

        foreach (var (team, members) in _teamMembers)
        {
            if (!members.Contains(userId) || !_principalRoles.TryGetValue(team, out var teamRoles))
            {
                continue;
            }

            var unit = BusinessUnitOfTeam(team);
            foreach (var id in teamRoles)
            {
                yield return (_roles[id], team, unit, true);
            }
        }
    }

    internal bool IsMember(Guid teamId, Guid userId) => _teamMembers.TryGetValue(teamId, out var members) && members.Contains(userId);

    internal IEnumerable<Guid> TeamIdsOf(Guid userId) => _teamMembers.Where(pair => pair.Value.Contains(userId)).Select(pair => pair.Key);

    internal Guid BusinessUnitOfTeam(Guid teamId) =>
        _emulator.Store.Get("team", teamId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? _emulator.BusinessUnitId;

    /// <summary>True when <paramref name="unit"/> is <paramref name="ancestor"/> or below it.</summary>
    internal bool IsWithin(Guid unit, Guid ancestor)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = unit; current is { } id && seen.Add(id);)
        {
            if (id == ancestor)
            {
                return true;
            }

            current = _emulator.Store.Get("businessunit", id)?.GetAttributeValue<EntityReference>("parentbusinessunitid")?.Id;
        }

        return false;
    }

    private void RequirePrincipal(Guid principalId)
    {
        if (_emulator.Get("systemuser", principalId) is null && _emulator.Get("team", principalId) is null)
        {
            throw new ArgumentException($"No user or team has the id {principalId}.", nameof(principalId));
        }
    }

    private void RequireUser(Guid userId)
    {
        if (_emulator.Get("systemuser", userId) is null)
        {
            throw new ArgumentException($"No user has the id {userId}.", nameof(userId));
        }
    }

    /// <summary>The share rows of one record.</summary>
    internal IEnumerable<Entity> SharesOf(Guid id) =>
        (_emulator.Store.RowsWhereEqual("principalobjectaccess", "objectid", id) ?? _emulator.Store.Rows("principalobjectaccess"))
        .Where(row => row.GetAttributeValue<Guid>("objectid") == id);
}
