namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext : Microsoft.Xrm.Sdk.IExecutionContext
{
    Microsoft.Xrm.Sdk.IPluginExecutionContext? ParentContext { get; }

    int Stage { get; }
}
