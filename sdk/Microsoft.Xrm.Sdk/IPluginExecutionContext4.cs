namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext4 : Microsoft.Xrm.Sdk.IPluginExecutionContext3, Microsoft.Xrm.Sdk.IPluginExecutionContext2, Microsoft.Xrm.Sdk.IPluginExecutionContext, Microsoft.Xrm.Sdk.IExecutionContext
{
    Microsoft.Xrm.Sdk.EntityImageCollection[] PostEntityImagesCollection { get; }

    Microsoft.Xrm.Sdk.EntityImageCollection[] PreEntityImagesCollection { get; }
}
