using System;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// The execution context the pipeline hands to a plug-in. This type implements the interfaces every Microsoft.Xrm.Sdk
/// has (up to <see cref="IPluginExecutionContext4"/>), so the emulator loads beside an older SDK (the one inside
/// Dataverse.Client 1.0.26 has no IPluginExecutionContext5–7); when the loaded SDK defines IPluginExecutionContext7,
/// <see cref="Create"/> hands out a subtype that implements 5–7 with the properties below.
/// Parameter collections are live: InputParameters changes in stages 10 and 20 change what the core operation does,
/// OutputParameters changes in stage 40 change the caller's response. All other properties are fixed.
/// </summary>
public class PluginExecutionContext : IPluginExecutionContext4
{
    // Looked up by name: naming the interface type would fail to load on an SDK without it.
    private static readonly bool SdkHasContext7 =
        typeof(IPluginExecutionContext).Assembly.GetType("Microsoft.Xrm.Sdk.IPluginExecutionContext7", throwOnError: false) is not null;

    // Made on first use: most contexts (those of steps without images, and the core operation's) never carry an image.
    private EntityImageCollection? _preImages;
    private EntityImageCollection? _postImages;

    private protected PluginExecutionContext(
        string messageName, PrimaryEntity primary, int stage, int mode, int depth, PipelineCall call, Guid businessUnitId,
        Guid organizationId, string organizationName, DateTime operationCreatedOn, bool isInTransaction,
        ParameterCollection inputParameters, ParameterCollection outputParameters, ParameterCollection sharedVariables,
        IPluginExecutionContext? parentContext, Guid? requestId, Guid operationId, EntityReference? owningExtension)
    {
        Call = call;
        MessageName = messageName;
        PrimaryEntityName = primary.LogicalName;
        PrimaryEntityId = primary.Id;
        Stage = stage;
        Mode = mode;
        Depth = depth;
        UserId = call.UserId;
        InitiatingUserId = call.InitiatingUserId;
        CorrelationId = call.CorrelationId;
        BusinessUnitId = businessUnitId;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        OperationCreatedOn = operationCreatedOn;
        IsInTransaction = isInTransaction;
        InputParameters = inputParameters;
        OutputParameters = outputParameters;
        SharedVariables = sharedVariables;
        ParentContext = parentContext;
        RequestId = requestId;
        OperationId = operationId;
        OwningExtension = owningExtension;
    }

    /// <summary>Creates the context, with IPluginExecutionContext5–7 when the loaded SDK has them.</summary>
    internal static PluginExecutionContext Create(
        string messageName, PrimaryEntity primary, int stage, int mode, int depth, PipelineCall call, Guid businessUnitId,
        Guid organizationId, string organizationName, DateTime operationCreatedOn, bool isInTransaction,
        ParameterCollection inputParameters, ParameterCollection outputParameters, ParameterCollection sharedVariables,
        IPluginExecutionContext? parentContext, Guid? requestId, Guid operationId, EntityReference? owningExtension) =>
        SdkHasContext7
            ? NewestContextFactory.Create(messageName, primary, stage, mode, depth, call, businessUnitId, organizationId, organizationName,
                operationCreatedOn, isInTransaction, inputParameters, outputParameters, sharedVariables, parentContext, requestId, operationId, owningExtension)
            : new PluginExecutionContext(messageName, primary, stage, mode, depth, call, businessUnitId, organizationId, organizationName,
                operationCreatedOn, isInTransaction, inputParameters, outputParameters, sharedVariables, parentContext, requestId, operationId, owningExtension);

    /// <inheritdoc />
    public Guid BusinessUnitId { get; }

    /// <summary>The call that produced this context (the request's caller, depth and host state).</summary>
    internal PipelineCall Call { get; }

    /// <inheritdoc />
    public Guid CorrelationId { get; }

    /// <inheritdoc />
    public int Depth { get; }

    /// <inheritdoc />
    public Guid InitiatingUserId { get; }

    /// <inheritdoc />
    public ParameterCollection InputParameters { get; }

    /// <inheritdoc />
    public bool IsExecutingOffline => false;

    /// <inheritdoc />
    public bool IsInTransaction { get; }

    /// <inheritdoc />
    public bool IsOfflinePlayback => false;

    /// <summary>2 = Sandbox, the only isolation Dataverse online offers.</summary>
    public int IsolationMode => 2;

    /// <inheritdoc />
    public string MessageName { get; }

    /// <inheritdoc />
    public int Mode { get; }

    /// <inheritdoc />
    public DateTime OperationCreatedOn { get; }

    /// <inheritdoc />
    public Guid OperationId { get; }

    /// <inheritdoc />
    public Guid OrganizationId { get; }

    /// <inheritdoc />
    public string OrganizationName { get; }

    /// <inheritdoc />
    public ParameterCollection OutputParameters { get; }

    /// <inheritdoc />
    public EntityReference? OwningExtension { get; }

    /// <inheritdoc />
    public EntityImageCollection PostEntityImages => _postImages ??= new();

    /// <inheritdoc />
    public EntityImageCollection PreEntityImages => _preImages ??= new();

    /// <inheritdoc />
    public Guid PrimaryEntityId { get; internal set; }

    /// <inheritdoc />
    public string PrimaryEntityName { get; }

    /// <inheritdoc />
    public Guid? RequestId { get; }

    /// <inheritdoc />
    public string? SecondaryEntityName => PrimaryEntity.None;

    /// <inheritdoc />
    public ParameterCollection SharedVariables { get; }

    /// <inheritdoc />
    public Guid UserId { get; }

    /// <inheritdoc />
    public IPluginExecutionContext? ParentContext { get; }

    /// <inheritdoc />
    public int Stage { get; }

    /// <inheritdoc />
    public Guid InitiatingUserApplicationId => Guid.Empty;

    /// <inheritdoc />
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;

    /// <inheritdoc />
    public bool IsPortalsClientCall => false;

    /// <inheritdoc />
    public Guid PortalsContactId => Guid.Empty;

    /// <inheritdoc />
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;

    /// <inheritdoc />
    public Guid AuthenticatedUserId => InitiatingUserId;

    /// <inheritdoc />
    public EntityImageCollection[] PostEntityImagesCollection => [PostEntityImages];

    /// <inheritdoc />
    public EntityImageCollection[] PreEntityImagesCollection => [PreEntityImages];
}
