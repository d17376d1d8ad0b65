using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// What one user may do with one privilege on the rows of one table, worked out once (roles, teams, shares) and then
/// asked per row: for a single check and for filtering every row of a query alike.
/// </summary>
/// <remarks>
/// Levels as documented in "Security concepts in Dataverse": User reaches rows owned by the user or by a team the user
/// belongs to; Business Unit the rows of the principal's business unit; Parent: Child Business Units that unit and
/// those below it; Organization every row. A role held through an owner team reaches from the team (its rows, its
/// business unit) — the default "team privileges only" inheritance. Shared rows are reachable with the privilege at
/// any level. Tables that are not user-owned need the privilege at any level.
/// </remarks>
internal sealed class AccessScope
{
    private readonly SecurityModel _model;
    private readonly Guid _userId;
    private readonly bool _unchecked;
    private readonly bool _ownedTable;
    private readonly List<(AccessLevel Level, Guid Principal, Guid BusinessUnit, bool IsTeam)> _grants = [];
    private readonly HashSet<Guid> _teams;
    private readonly HashSet<Guid> _shared;
    private readonly Dictionary<(Guid, Guid), bool> _within = [];

    public AccessScope(XrmEmulator emulator, Guid userId, TableDefinition table, PrivilegeAction action)
    {
        _model = emulator.Security;
        _userId = userId;
        Table = table;
        Action = action;
        Privilege = PrivilegeNames.For(table.LogicalName, action);
        _unchecked = !_model.IsChecked(userId);
        _ownedTable = table.Ownership == OwnershipType.UserOwned;
        _teams = [.. _model.TeamIdsOf(userId)];
        _shared = [];
        if (_unchecked)
        {
            return;
        }

        foreach (var grant in _model.Grants(userId))
        {
            var level = grant.Role.LevelOf(Privilege);
            if (level != AccessLevel.None)
            {
                _grants.Add((level, grant.Principal, grant.BusinessUnit, grant.IsTeam));
            }
        }

        if (_grants.Count > 0 && _ownedTable && action != PrivilegeAction.Create)
        {
            var right = (int)action.Right();
            foreach (var share in emulator.Store.Rows("principalobjectaccess"))
            {
                var principal = share.GetAttributeValue<Guid>("principalid");
                if ((principal == userId || _teams.Contains(principal))
                    && string.Equals(share.GetAttributeValue<string>("objecttypecode"), table.LogicalName, StringComparison.Ordinal)
                    && (share.GetAttributeValue<int>("accessrightsmask") & right) != 0)
                {
                    _shared.Add(share.GetAttributeValue<Guid>("objectid"));
                }
            }
        }
    }

    public TableDefinition Table { get; }

    public PrivilegeAction Action { get; }

    public string Privilege { get; }

    /// <summary>True when the user holds the privilege at some level (or is not checked at all).</summary>
    public bool HoldsPrivilege => _unchecked || _grants.Count > 0;

    /// <summary>True when the user may act on <paramref name="row"/> (a stored row, or the row a Create would store).</summary>
    public bool Allows(Entity row)
    {
        if (_unchecked || (!_ownedTable && _grants.Count > 0))
        {
            return true;
        }

        if (_grants.Count == 0)
        {
            return false;
        }

        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        var unit = row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id;
        foreach (var (level, principal, businessUnit, isTeam) in _grants)
        {
            if (level == AccessLevel.Organization || OwnedBy(owner, principal, isTeam))
            {
                return true;
            }

            if (unit is { } owning && (level == AccessLevel.BusinessUnit ? owning == businessUnit : level == AccessLevel.ParentChildBusinessUnits && Within(owning, businessUnit)))
            {
                return true;
            }
        }

        return _shared.Contains(row.Id);
    }

    /// <summary>Throws the platform's fault unless the user may act on <paramref name="row"/>.</summary>
    public void Demand(Entity row)
    {
        if (!HoldsPrivilege)
        {
            throw SecurityFaults.MissingPrivilege(_userId, Privilege, Table.LogicalName);
        }

        if (!Allows(row))
        {
            throw SecurityFaults.NoAccess(_userId, Action.Right(), Table.LogicalName, row.Id);
        }
    }

    private bool OwnedBy(EntityReference? owner, Guid principal, bool isTeam) =>
        owner is not null && (owner.Id == principal || (!isTeam && owner.LogicalName == "team" && _teams.Contains(owner.Id)));

    private bool Within(Guid unit, Guid ancestor)
    {
        if (!_within.TryGetValue((unit, ancestor), out var within))
        {
            _within[(unit, ancestor)] = within = _model.IsWithin(unit, ancestor);
        }

        return within;
    }
}
