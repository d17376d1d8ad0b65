using System;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>
/// A test plug-in: traces the depth it runs at; its unsecure configuration "fail" makes it throw an
/// InvalidPluginExecutionException, "crash" an InvalidOperationException.
/// </summary>
public sealed class ProbePlugin : IPlugin
{
    public const string Refusal = "probe refused";

    private readonly string _behaviour;

    public ProbePlugin(string unsecureConfiguration, string secureConfiguration)
    {
        _behaviour = unsecureConfiguration ?? string.Empty;
        _ = secureConfiguration;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace("probe depth {0}", context.Depth);
        switch (_behaviour)
        {
            case "fail":
                throw new InvalidPluginExecutionException(Refusal);
            case "crash":
                throw new InvalidOperationException("probe crashed");
            default:
                break;
        }
    }
}
