namespace Microsoft.Xrm.Sdk;

public interface IOrganizationService
{
    void Associate(string entityName, System.Guid entityId, Microsoft.Xrm.Sdk.Relationship relationship, Microsoft.Xrm.Sdk.EntityReferenceCollection relatedEntities);

    System.Guid Create(Microsoft.Xrm.Sdk.Entity entity);

    void Delete(string entityName, System.Guid id);

    void Disassociate(string entityName, System.Guid entityId, Microsoft.Xrm.Sdk.Relationship relationship, Microsoft.Xrm.Sdk.EntityReferenceCollection relatedEntities);

    Microsoft.Xrm.Sdk.OrganizationResponse Execute(Microsoft.Xrm.Sdk.OrganizationRequest request);

    Microsoft.Xrm.Sdk.Entity Retrieve(string entityName, System.Guid id, Microsoft.Xrm.Sdk.Query.ColumnSet columnSet);

    Microsoft.Xrm.Sdk.EntityCollection RetrieveMultiple(Microsoft.Xrm.Sdk.Query.QueryBase query);

    void Update(Microsoft.Xrm.Sdk.Entity entity);
}
