using System.Activities;
using LeadQualifyExtensions.Plugins.Localization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadQualifyExtensions.Workflows;

/// <summary>
/// What one run of an activity sees: the workflow context, a service with the rights of the user the process
/// runs as, the tracer, and the user's language for messages.
/// </summary>
public sealed class ActivityRun
{
    private readonly IOrganizationServiceFactory _factory;
    private IOrganizationService? _service;
    private int? _userLanguage;

    internal ActivityRun(CodeActivityContext activityContext)
    {
        ActivityContext = activityContext;
        Workflow = activityContext.GetExtension<IWorkflowContext>();
        _factory = activityContext.GetExtension<IOrganizationServiceFactory>();
        Trace = activityContext.GetExtension<ITracingService>();
    }

    /// <summary>The workflow engine's context, for reading and writing arguments.</summary>
    public CodeActivityContext ActivityContext { get; }

    /// <summary>The platform's workflow context.</summary>
    public IWorkflowContext Workflow { get; }

    /// <summary>Writes to the trace log.</summary>
    public ITracingService Trace { get; }

    /// <summary>A service acting as the user the process runs as.</summary>
    // Stryker disable once all : equivalent: "=" makes a new service of the same user on each access.
    public IOrganizationService Service => _service ??= _factory.CreateOrganizationService(Workflow.UserId);

    /// <summary>The initiating user's interface language, read only when a message is about to be shown.</summary>
    public int UserLanguage => _userLanguage ??= Plugins.Localization.UserLanguage.Read(_factory.CreateOrganizationService(null), Workflow.InitiatingUserId, Trace);

    /// <summary>Formats <paramref name="text"/> in the user's language.</summary>
    public string Text(UserText text, params object[] args) => text.Format(UserLanguage, args);

    /// <summary>A user error in the user's language; the caller throws it.</summary>
    public InvalidPluginExecutionException UserError(UserText text, params object[] args) =>
        new(OperationStatus.Failed, Text(text, args));
}
