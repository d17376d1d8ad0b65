using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>
/// FetchXmlToQueryExpression (the emulator's FetchXML parser; condition values stay the strings the FetchXML holds, and
/// an aggregate query has no QueryExpression form) and QueryExpressionToFetchXml (<see cref="Query.FetchXmlWriter"/>).
/// </summary>
internal static class FetchConversionHandlers
{
    public static IRequestHandler[] All { get; } = [new FetchToQuery(), new QueryToFetch()];

    private sealed class FetchToQuery : IRequestHandler
    {
        public string MessageName => "FetchXmlToQueryExpression";

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
        {
            var parsed = Query.FetchXmlParser.Parse(Parameters.Required<string>(request, "FetchXml"));
            if (parsed.Aggregate is not null)
            {
                throw Faults.InvalidArgumentFault("An aggregate FetchXML query has no QueryExpression form.");
            }

            Store.DataOperations.Table(context.Emulator.Schema, parsed.Query.EntityName); // an unknown table faults as in a query
            var response = new FetchXmlToQueryExpressionResponse();
            response.Results["Query"] = parsed.Query;
            return response;
        }
    }

    private sealed class QueryToFetch : IRequestHandler
    {
        public string MessageName => "QueryExpressionToFetchXml";

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
        {
            var fetchXml = Parameters.Required<QueryBase>(request, "Query") switch
            {
                QueryExpression query => Query.FetchXmlWriter.Write(query),
                FetchExpression fetch => fetch.Query ?? "",
                var other => throw Faults.InvalidArgumentFault($"QueryExpressionToFetchXml takes a QueryExpression, not a {other.GetType().Name}."),
            };
            var response = new QueryExpressionToFetchXmlResponse();
            response.Results["FetchXml"] = fetchXml;
            return response;
        }
    }
}
