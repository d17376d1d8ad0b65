using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Retrieve: exactly the requested columns plus the primary id; AllColumns returns every stored column.</summary>
internal sealed class RetrieveHandler : IRequestHandler
{
    public string MessageName => "Retrieve";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<EntityReference>(request, "Target");
        var columns = Parameters.Required<ColumnSet>(request, "ColumnSet");
        var table = DataOperations.Table(context.Emulator.Schema, target.LogicalName);
        var row = DataOperations.Existing(context.Emulator.Store, table.LogicalName, target.Id);
        Entity result;
        if (columns.AllColumns)
        {
            result = EntityCloner.Clone(row);
        }
        else
        {
            foreach (var column in columns.Columns)
            {
                DataOperations.Column(table, column);
            }

            result = EntityCloner.Project(row, columns.Columns);
            result[table.PrimaryIdAttribute] = row.Id;
        }

        if (Parameters.Optional<RelationshipQueryCollection>(request, "RelatedEntitiesQuery") is { Count: > 0 } related)
        {
            RelatedEntitiesQuery.Fill(result, row, related, context);
        }

        var response = new RetrieveResponse();
        response.Results["Entity"] = result;
        return response;
    }
}
