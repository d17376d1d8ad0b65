namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext2 : Microsoft.Xrm.Sdk.IPluginExecutionContext, Microsoft.Xrm.Sdk.IExecutionContext
{
    System.Guid InitiatingUserApplicationId { get; }

    System.Guid InitiatingUserAzureActiveDirectoryObjectId { get; }

    bool IsPortalsClientCall { get; }

    System.Guid PortalsContactId { get; }

    System.Guid UserAzureActiveDirectoryObjectId { get; }
}
