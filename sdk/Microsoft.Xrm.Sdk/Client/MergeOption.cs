namespace Microsoft.Xrm.Sdk.Client;

/// <summary>How entities a query returns are merged with the entities the <see cref="OrganizationServiceContext"/> tracks.</summary>
public enum MergeOption
{
    /// <summary>New entities are attached; an entity the context already tracks is returned unchanged (the default).</summary>
    AppendOnly = 0,

    /// <summary>Tracked entities are overwritten with the values the service returns.</summary>
    OverwriteChanges = 1,

    /// <summary>Values changed on the client are kept; unchanged values are refreshed from the service.</summary>
    PreserveChanges = 2,

    /// <summary>Entities are returned as the service sends them and are not tracked.</summary>
    NoTracking = 3,
}
