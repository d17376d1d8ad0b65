using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// A principal (systemuser or team) and the rights it gets on a row: the emulator's stand-in for the SDK's
/// <c>PrincipalAccess</c>, which our clean-room Microsoft.Crm.Sdk.Proxy does not define. Pass it as the
/// <c>PrincipalAccess</c> parameter of <c>GrantAccess</c> / <c>ModifyAccess</c>.
/// </summary>
public sealed class PrincipalAccess
{
    /// <summary>The user or team.</summary>
    public required EntityReference Principal { get; init; }

    /// <summary>The rights granted.</summary>
    public required AccessRights AccessMask { get; init; }
}

/// <summary>
/// Sharing: GrantAccess (adds rights), ModifyAccess (replaces them), RevokeAccess (removes the share),
/// RetrievePrincipalAccess (the rights a principal has on a row, from roles and shares). Parameters as the SDK requests
/// name them: Target, PrincipalAccess, Revokee, Principal; the answer is <c>AccessRights</c>. The caller needs Share on the
/// row (checked at the dispatch point).
/// </summary>
internal static class SharingHandlers
{
    public static IReadOnlyList<IRequestHandler> All { get; } =
    [
        new Sharing("GrantAccess", (request, context) => Write(request, context, replace: false)),
        new Sharing("ModifyAccess", (request, context) => Write(request, context, replace: true)),
        new Sharing("RevokeAccess", Revoke),
        new Sharing("RetrievePrincipalAccess", Retrieve),
    ];

    private static OrganizationResponse Write(OrganizationRequest request, RequestContext context, bool replace)
    {
        var target = Existing(request, context);
        var access = Parameters.Required<PrincipalAccess>(request, "PrincipalAccess");
        var principal = Principal(context, access.Principal);
        var store = context.Emulator.Store;
        var share = ShareOf(context, target.Id, principal.Id);
        var mask = replace || share is null ? access.AccessMask : (AccessRights)share.GetAttributeValue<int>("accessrightsmask") | access.AccessMask;
        if (share is null)
        {
            // Written by the platform itself: the caller's Share right is what counts, not rights on the share table.
            DataOperations.Create(
                new Entity("principalobjectaccess")
                {
                    ["objectid"] = target.Id,
                    ["objecttypecode"] = target.LogicalName,
                    ["principalid"] = principal.Id,
                    ["principaltypecode"] = principal.LogicalName,
                    ["accessrightsmask"] = (int)mask,
                },
                context);
        }
        else
        {
            var changed = EntityCloner.Clone(share);
            changed["accessrightsmask"] = (int)mask;
            store.Replace(changed);
        }

        return new OrganizationResponse { ResponseName = request.RequestName };
    }

    private static OrganizationResponse Revoke(OrganizationRequest request, RequestContext context)
    {
        var target = Existing(request, context);
        var revokee = Principal(context, Parameters.Required<EntityReference>(request, "Revokee"));
        if (ShareOf(context, target.Id, revokee.Id) is { } share)
        {
            context.Emulator.Store.Remove("principalobjectaccess", share.Id);
        }

        return new OrganizationResponse { ResponseName = request.RequestName };
    }

    private static OrganizationResponse Retrieve(OrganizationRequest request, RequestContext context)
    {
        var target = Existing(request, context);
        var principal = Principal(context, Parameters.Required<EntityReference>(request, "Principal"));
        var emulator = context.Emulator;
        var table = DataOperations.Table(emulator.Schema, target.LogicalName);
        var row = DataOperations.Existing(emulator.Store, table.LogicalName, target.Id);
        var rights = AccessRights.None;
        if (principal.LogicalName == "systemuser")
        {
            foreach (var action in PrivilegeActions.All.Where(a => a != PrivilegeAction.Create))
            {
                if (new AccessScope(emulator, principal.Id, table, action).Allows(row))
                {
                    rights |= action.Right();
                }
            }
        }
        else if (ShareOf(context, target.Id, principal.Id) is { } share)
        {
            rights = (AccessRights)share.GetAttributeValue<int>("accessrightsmask");
        }

        var response = new OrganizationResponse { ResponseName = request.RequestName };
        response.Results["AccessRights"] = rights;
        return response;
    }

    private static EntityReference Existing(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<EntityReference>(request, "Target");
        var table = DataOperations.Table(context.Emulator.Schema, target.LogicalName);
        DataOperations.Existing(context.Emulator.Store, table.LogicalName, target.Id);
        return new EntityReference(table.LogicalName, target.Id);
    }

    private static EntityReference Principal(RequestContext context, EntityReference? principal)
    {
        if (principal is null || principal.LogicalName is not ("systemuser" or "team"))
        {
            throw Faults.InvalidArgumentFault("The principal must be a systemuser or a team.");
        }

        DataOperations.Existing(context.Emulator.Store, principal.LogicalName, principal.Id);
        return principal;
    }

    private static Entity? ShareOf(RequestContext context, Guid recordId, Guid principalId) =>
        context.Emulator.Security.SharesOf(recordId).FirstOrDefault(row => row.GetAttributeValue<Guid>("principalid") == principalId);

    private sealed class Sharing(string messageName, Func<OrganizationRequest, RequestContext, OrganizationResponse> execute) : IRequestHandler
    {
        public string MessageName { get; } = messageName;

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context) => execute(request, context);
    }
}
