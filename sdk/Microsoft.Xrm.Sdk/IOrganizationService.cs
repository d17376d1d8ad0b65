using System.ServiceModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The Dataverse organization service: create, retrieve, update, delete, associate, query and execute messages.
/// Inside a plug-in, obtain it from <see cref="IOrganizationServiceFactory"/>.
/// </summary>
[ServiceContract(Name = "IOrganizationService", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts/Services")]
public interface IOrganizationService
{
    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    void Associate(string entityName, System.Guid entityId, Microsoft.Xrm.Sdk.Relationship relationship, Microsoft.Xrm.Sdk.EntityReferenceCollection relatedEntities);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    System.Guid Create(Microsoft.Xrm.Sdk.Entity entity);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    void Delete(string entityName, System.Guid id);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    void Disassociate(string entityName, System.Guid entityId, Microsoft.Xrm.Sdk.Relationship relationship, Microsoft.Xrm.Sdk.EntityReferenceCollection relatedEntities);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    Microsoft.Xrm.Sdk.OrganizationResponse Execute(Microsoft.Xrm.Sdk.OrganizationRequest request);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    Microsoft.Xrm.Sdk.Entity Retrieve(string entityName, System.Guid id, Microsoft.Xrm.Sdk.Query.ColumnSet columnSet);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    Microsoft.Xrm.Sdk.EntityCollection RetrieveMultiple(Microsoft.Xrm.Sdk.Query.QueryBase query);

    [OperationContract]
    [FaultContract(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]
    void Update(Microsoft.Xrm.Sdk.Entity entity);
}
