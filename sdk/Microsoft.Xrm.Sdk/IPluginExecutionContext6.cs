namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext6 : Microsoft.Xrm.Sdk.IPluginExecutionContext5, Microsoft.Xrm.Sdk.IPluginExecutionContext4, Microsoft.Xrm.Sdk.IPluginExecutionContext3, Microsoft.Xrm.Sdk.IPluginExecutionContext2, Microsoft.Xrm.Sdk.IPluginExecutionContext, Microsoft.Xrm.Sdk.IExecutionContext
{
    string EnvironmentId { get; }

    System.Guid TenantId { get; }
}
