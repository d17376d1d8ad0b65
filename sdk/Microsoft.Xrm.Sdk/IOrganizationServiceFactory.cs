namespace Microsoft.Xrm.Sdk;

/// <summary>Creates organization services for a user (null: the step's calling user).</summary>
public interface IOrganizationServiceFactory
{
    Microsoft.Xrm.Sdk.IOrganizationService CreateOrganizationService(System.Guid? userId);
}
