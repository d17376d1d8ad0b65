using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>The core operation of one message: takes the request, returns the response. No pipeline logic here.</summary>
internal interface IRequestHandler
{
    /// <summary>The message name, e.g. <c>Create</c>.</summary>
    string MessageName { get; }

    /// <summary>Runs the core operation. The executor has already opened a transaction scope.</summary>
    OrganizationResponse Execute(OrganizationRequest request, RequestContext context);
}

/// <summary>
/// A handler whose message has a fixed parameter shape: the dispatch point checks it before the pipeline, so a request
/// lacking a required parameter, or holding one of the wrong type, faults before any plug-in step runs (as the
/// platform validates a request against the message definition first).
/// </summary>
internal interface IRequestValidator
{
    /// <summary>Throws the platform's fault when a required parameter is missing or a parameter has the wrong type.</summary>
    void Validate(OrganizationRequest request);
}

/// <summary>
/// Wraps every handler call (the plug-in pipeline hooks in here: stages 10/20/40 around the core operation).
/// </summary>
internal interface IRequestPipeline
{
    /// <summary>Runs <paramref name="core"/> for <paramref name="request"/>, with whatever should happen around it.</summary>
    OrganizationResponse Execute(OrganizationRequest request, RequestContext context, IRequestHandler core);
}
