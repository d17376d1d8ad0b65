using System;
using System.Diagnostics;
using System.Globalization;
using System.ServiceModel;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins;

/// <summary>
/// The one base of our plug-ins. It checks the service provider, traces entry and exit, matches the executing
/// step against the class's <see cref="PluginStepAttribute"/> declarations and applies the exception policy:
/// <see cref="InvalidPluginExecutionException"/> and the platform's privilege faults pass through unchanged; anything
/// else is traced in full and
/// replaced by a generic message in the user's language, keeping the original as inner exception.
/// </summary>
/// <remarks>
/// Dataverse caches plug-in instances and runs them on several threads at once, so a plug-in holds no state
/// beyond what its constructor receives.
/// </remarks>
public abstract class PluginBase : IPlugin
{
    private readonly PluginStepAttribute[] _steps;

    /// <summary>Receives the step's configuration, as the platform passes it to the constructor.</summary>
    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        UnsecureConfiguration = unsecureConfiguration;
        SecureConfiguration = secureConfiguration;
        // Stryker disable once Boolean : equivalent: the plug-in classes are sealed and PluginStepAttribute says Inherited = false.
        _steps = (PluginStepAttribute[])GetType().GetCustomAttributes(typeof(PluginStepAttribute), inherit: false);
    }

    /// <summary>The step's unsecure configuration.</summary>
    protected string? UnsecureConfiguration { get; }

    /// <summary>The step's secure configuration; never trace it.</summary>
    protected string? SecureConfiguration { get; }

    /// <inheritdoc />
    public void Execute(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new InvalidPluginExecutionException(OperationStatus.Failed, CommonTexts.English.Unexpected);
        }

        var execution = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
        var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
        var started = Stopwatch.GetTimestamp();
        trace.Trace(
            "Entered {0}: {1} of {2}, stage {3}, depth {4}, correlation {5}",
            GetType().Name,
            execution.MessageName,
            execution.PrimaryEntityName,
            execution.Stage,
            execution.Depth,
            execution.CorrelationId);

        var step = Array.Find(_steps, s => s.Matches(execution.MessageName, execution.PrimaryEntityName, execution.Stage, execution.Mode));
        if (step is null)
        {
            trace.Trace(TraceTexts.NoMatchingStep);
            return;
        }

        var context = new PluginContext(serviceProvider, execution, trace, step);
        try
        {
            Execute(context);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (FaultException<OrganizationServiceFault> fault) when (IsPrivilegeFault(fault))
        {
            // Our calls run with the user's rights; a right the user lacks is the platform's answer to give, naming
            // the privilege an administrator can grant, not "something went wrong".
            trace.Trace("Refused by the platform's security: {0}", fault.Detail.Message ?? string.Empty);
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            trace.Trace("Unexpected error: {0}", exception);
            throw new InvalidPluginExecutionException(context.Text(CommonTexts.Unexpected), exception);
        }
        finally
        {
            trace.Trace("Exited {0} after {1} ms", GetType().Name, ((Stopwatch.GetTimestamp() - started) * 1000 / Stopwatch.Frequency).ToString(CultureInfo.InvariantCulture));
        }
    }

    // PrivilegeDenied (0x80040220) and the access-right fault (0x80048306) of the platform's error-code list.
    private static bool IsPrivilegeFault(FaultException<OrganizationServiceFault> fault) =>
        fault.Detail is { } detail && (detail.ErrorCode == unchecked((int)0x80040220) || detail.ErrorCode == unchecked((int)0x80048306));

    /// <summary>Runs the business rule for the matched step: guard, read, decide, write.</summary>
    protected abstract void Execute(PluginContext context);
}
