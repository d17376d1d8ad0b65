using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>RetrieveMultiple: delegates to the query engine with the emulator's clock and the caller, over the rows the caller may read.</summary>
internal sealed class RetrieveMultipleHandler : IRequestHandler
{
    public string MessageName => "RetrieveMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var query = Parameters.Required<QueryBase>(request, "Query");
        var environment = new Query.QueryEnvironment(context.Emulator.Clock.UtcNow, context.UserId, context.BusinessUnitId);
        var result = new Query.QueryEngine().Execute(query, Security.SecurityChecks.ReadableRows(context), environment);
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = result;
        return response;
    }
}
