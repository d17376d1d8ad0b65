namespace Microsoft.Xrm.Sdk;

/// <summary>The execution context of a plug-in step (message, stage, parameters, images, parent context).</summary>
public interface IPluginExecutionContext : Microsoft.Xrm.Sdk.IExecutionContext
{
    Microsoft.Xrm.Sdk.IPluginExecutionContext? ParentContext { get; }

    int Stage { get; }
}
