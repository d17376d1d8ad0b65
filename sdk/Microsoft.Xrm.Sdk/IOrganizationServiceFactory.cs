namespace Microsoft.Xrm.Sdk;

public interface IOrganizationServiceFactory
{
    Microsoft.Xrm.Sdk.IOrganizationService CreateOrganizationService(System.Guid? userId);
}
