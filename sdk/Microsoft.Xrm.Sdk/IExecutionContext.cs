namespace Microsoft.Xrm.Sdk;

/// <summary>The execution context shared by plug-ins and custom workflow activities.</summary>
public interface IExecutionContext
{
    System.Guid BusinessUnitId { get; }

    System.Guid CorrelationId { get; }

    int Depth { get; }

    System.Guid InitiatingUserId { get; }

    Microsoft.Xrm.Sdk.ParameterCollection InputParameters { get; }

    bool IsExecutingOffline { get; }

    bool IsInTransaction { get; }

    bool IsOfflinePlayback { get; }

    int IsolationMode { get; }

    string MessageName { get; }

    int Mode { get; }

    System.DateTime OperationCreatedOn { get; }

    System.Guid OperationId { get; }

    System.Guid OrganizationId { get; }

    string OrganizationName { get; }

    Microsoft.Xrm.Sdk.ParameterCollection OutputParameters { get; }

    Microsoft.Xrm.Sdk.EntityReference? OwningExtension { get; }

    Microsoft.Xrm.Sdk.EntityImageCollection PostEntityImages { get; }

    Microsoft.Xrm.Sdk.EntityImageCollection PreEntityImages { get; }

    System.Guid PrimaryEntityId { get; }

    string PrimaryEntityName { get; }

    System.Guid? RequestId { get; }

    string? SecondaryEntityName { get; }

    Microsoft.Xrm.Sdk.ParameterCollection SharedVariables { get; }

    System.Guid UserId { get; }
}
