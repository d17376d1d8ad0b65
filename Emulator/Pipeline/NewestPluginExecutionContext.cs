using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// The context with IPluginExecutionContext5–7, for an SDK that defines them. Only
/// <see cref="NewestContextFactory"/> names this type, so an older SDK never has to load it.
/// </summary>
internal sealed class NewestPluginExecutionContext : PluginExecutionContext, IPluginExecutionContext7
{
    internal NewestPluginExecutionContext(
        string messageName, PrimaryEntity primary, int stage, int mode, int depth, PipelineCall call, Guid businessUnitId,
        Guid organizationId, string organizationName, DateTime operationCreatedOn, bool isInTransaction,
        ParameterCollection inputParameters, ParameterCollection outputParameters, ParameterCollection sharedVariables,
        IPluginExecutionContext? parentContext, Guid? requestId, Guid operationId, EntityReference? owningExtension)
        : base(messageName, primary, stage, mode, depth, call, businessUnitId, organizationId, organizationName, operationCreatedOn,
            isInTransaction, inputParameters, outputParameters, sharedVariables, parentContext, requestId, operationId, owningExtension)
    {
    }

    /// <summary>See IPluginExecutionContext5.InitiatingUserAgent.</summary>
    /// <remarks>IPluginExecutionContext5.InitiatingUserAgent (offered through the interface when the SDK has it).</remarks>
    public string InitiatingUserAgent => "LeadQualifyExtensions.Emulator";

    /// <summary>See IPluginExecutionContext6.EnvironmentId.</summary>
    /// <remarks>IPluginExecutionContext6.EnvironmentId: the organization id.</remarks>
    public string EnvironmentId => OrganizationId.ToString("D");

    /// <summary>See IPluginExecutionContext6.TenantId.</summary>
    /// <remarks>IPluginExecutionContext6.TenantId: none in the emulator.</remarks>
    public Guid TenantId => Guid.Empty;

    /// <summary>See IPluginExecutionContext7.IsApplicationUser.</summary>
    /// <remarks>IPluginExecutionContext7.IsApplicationUser: callers are users.</remarks>
    public bool IsApplicationUser => false;
}

/// <summary>Creates <see cref="NewestPluginExecutionContext"/>; kept out of line so the JIT loads that type only when called.</summary>
internal static class NewestContextFactory
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static PluginExecutionContext Create(
        string messageName, PrimaryEntity primary, int stage, int mode, int depth, PipelineCall call, Guid businessUnitId,
        Guid organizationId, string organizationName, DateTime operationCreatedOn, bool isInTransaction,
        ParameterCollection inputParameters, ParameterCollection outputParameters, ParameterCollection sharedVariables,
        IPluginExecutionContext? parentContext, Guid? requestId, Guid operationId, EntityReference? owningExtension) =>
        new NewestPluginExecutionContext(messageName, primary, stage, mode, depth, call, businessUnitId, organizationId, organizationName,
            operationCreatedOn, isInTransaction, inputParameters, outputParameters, sharedVariables, parentContext, requestId, operationId, owningExtension);
}
