namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext3 : Microsoft.Xrm.Sdk.IPluginExecutionContext2, Microsoft.Xrm.Sdk.IPluginExecutionContext, Microsoft.Xrm.Sdk.IExecutionContext
{
    System.Guid AuthenticatedUserId { get; }
}
