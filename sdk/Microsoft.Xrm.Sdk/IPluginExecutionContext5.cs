namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext5 : Microsoft.Xrm.Sdk.IPluginExecutionContext4, Microsoft.Xrm.Sdk.IPluginExecutionContext3, Microsoft.Xrm.Sdk.IPluginExecutionContext2, Microsoft.Xrm.Sdk.IPluginExecutionContext, Microsoft.Xrm.Sdk.IExecutionContext
{
    string InitiatingUserAgent { get; }
}
