namespace Microsoft.Xrm.Sdk;

public interface IServiceEndpointNotificationService
{
    string Execute(Microsoft.Xrm.Sdk.EntityReference serviceEndpoint, Microsoft.Xrm.Sdk.IExecutionContext context);
}
