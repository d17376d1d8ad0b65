using System;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins;

/// <summary>
/// What one execution of a plug-in step sees: the platform's context, services named for whose rights they
/// carry, the tracer, the matched registration, and the user's language for messages.
/// </summary>
public sealed class PluginContext
{
    private readonly IOrganizationServiceFactory _factory;
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;
    private int? _userLanguage;

    internal PluginContext(IServiceProvider services, IPluginExecutionContext execution, ITracingService trace, PluginStepAttribute step)
    {
        _factory = (IOrganizationServiceFactory)services.GetService(typeof(IOrganizationServiceFactory));
        Execution = execution;
        Trace = trace;
        Step = step;
    }

    /// <summary>The platform's execution context.</summary>
    public IPluginExecutionContext Execution { get; }

    /// <summary>Writes to the plug-in trace log.</summary>
    public ITracingService Trace { get; }

    /// <summary>The registration this execution matched.</summary>
    public PluginStepAttribute Step { get; }

    /// <summary>A service acting with the rights of the user the step runs as.</summary>
    // Stryker disable once all : equivalent: "=" makes a new service of the same user on each access.
    public IOrganizationService UserService => _userService ??= _factory.CreateOrganizationService(Execution.UserId);

    /// <summary>A service acting with system rights, for reads the user may not be allowed to make.</summary>
    // Stryker disable once all : equivalent: "=" makes a new system service on each access.
    public IOrganizationService SystemService => _systemService ??= _factory.CreateOrganizationService(null);

    /// <summary>The Target input parameter, or null when the message has none of that type.</summary>
    public T? GetTarget<T>()
        where T : class =>
        Execution.InputParameters.TryGetValue(ParameterNames.Target, out var value) ? value as T : null;

    /// <summary>The Target input parameter; a <see cref="RegistrationException"/> when it is missing.</summary>
    public T GetRequiredTarget<T>()
        where T : class =>
        GetTarget<T>() ?? throw new RegistrationException($"The step expects a {typeof(T).Name} in the Target input parameter.");

    /// <summary>The pre-image registered under <paramref name="alias"/>, or null.</summary>
    public Entity? GetPreImage(string alias) =>
        Execution.PreEntityImages.TryGetValue(alias, out var image) ? image : null;

    /// <summary>The pre-image registered under <paramref name="alias"/>; a <see cref="RegistrationException"/> when missing.</summary>
    public Entity GetRequiredPreImage(string alias) =>
        GetPreImage(alias) ?? throw new RegistrationException($"The step expects a pre-image named '{alias}'.");

    /// <summary>
    /// The initiating user's interface language (usersettings.uilanguageid). Read only when a message is
    /// about to be shown, so a successful execution costs no call for it.
    /// </summary>
    public int UserLanguage => _userLanguage ??= Localization.UserLanguage.Read(SystemService, Execution.InitiatingUserId, Trace);

    /// <summary>Formats <paramref name="text"/> in the user's language.</summary>
    public string Text(UserText text, params object[] args) => text.Format(UserLanguage, args);
}
