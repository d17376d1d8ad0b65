using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>ExecuteMultiple: each item runs as its own atomic request; faults are reported per item.</summary>
internal sealed class ExecuteMultipleHandler : IRequestHandler
{
    /// <summary>The platform's batch size limit.</summary>
    public const int MaxBatchSize = 1000;

    public string MessageName => "ExecuteMultiple";

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

        var settings = Parameters.Required<ExecuteMultipleSettings>(request, "Settings");
        if (requests.Count > MaxBatchSize)
        {
            throw Faults.InvalidArgumentFault($"The number of requests ({requests.Count}) exceeds the ExecuteMultiple batch size limit of {MaxBatchSize}.");
        }

        if (context.Parent?.MessageName == MessageName || HasNestedBatch(requests))
        {
            throw Faults.InvalidArgumentFault("ExecuteMultiple cannot contain another ExecuteMultiple request.");
        }

        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var itemResponse = context.Emulator.Executor.Execute(requests[i], context.CreateChild(incrementDepth: false));
                if (settings.ReturnResponses)
                {
                    items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = itemResponse });
                }
            }
#pragma warning disable CA1031 // Every failure of an item becomes a per-item fault, as on the platform.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = Faults.ToFault(exception) });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        var response = new ExecuteMultipleResponse();
        response.Results["Responses"] = items;
        response.Results["IsFaulted"] = faulted;
        return response;
    }

    private static bool HasNestedBatch(OrganizationRequestCollection requests)
    {
        foreach (var item in requests)
        {
            if (item.RequestName is "ExecuteMultiple")
            {
                return true;
            }
        }

        return false;
    }
}
