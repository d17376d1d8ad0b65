using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>ExecuteTransaction: all or nothing; the first failure rolls everything back and reports its index.</summary>
internal sealed class ExecuteTransactionHandler : IRequestHandler
{
    public string MessageName => "ExecuteTransaction";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var requests = Parameters.Required<OrganizationRequestCollection>(request, "Requests");
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i] is null)
            {
                throw Faults.NullBatchItem(MessageName, i);
            }
        }

        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var flag) && flag is true;
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            OrganizationResponse itemResponse;
            try
            {
                itemResponse = context.Emulator.Executor.Execute(requests[i], context.CreateChild(incrementDepth: false));
            }
#pragma warning disable CA1031 // Converted into the platform's ExecuteTransactionFault; the executor's scope rolls back.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var inner = Faults.ToFault(exception);
                throw Faults.Wrap(new ExecuteTransactionFault
                {
                    FaultedRequestIndex = i,
                    ErrorCode = inner.ErrorCode,
                    Message = inner.Message,
                    InnerFault = inner,
                    Timestamp = inner.Timestamp,
                });
            }

            if (returnResponses)
            {
                responses.Add(itemResponse);
            }
        }

        var response = new ExecuteTransactionResponse();
        response.Results["Responses"] = responses;
        return response;
    }
}
