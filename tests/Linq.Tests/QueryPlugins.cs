using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Linq.Tests;

/// <summary>
/// A plug-in written the way much plug-in code is: LINQ over an <see cref="OrganizationServiceContext"/> with early-bound
/// classes. The unsecure configuration names the query case; the rows go to the output parameter "Rows".
/// </summary>
public sealed class LinqQueryPlugin(string unsecureConfiguration) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, service) = QueryPluginServices.From(serviceProvider);
        using var orgContext = new OrganizationServiceContext(service);
        var rows = QueryCases.All.Single(c => c.Name == unsecureConfiguration).Linq(orgContext);
        context.OutputParameters["Rows"] = string.Join("\n", rows);
    }
}

/// <summary>The twin of <see cref="LinqQueryPlugin"/>: the same cases written with QueryExpression.</summary>
public sealed class QueryExpressionQueryPlugin(string unsecureConfiguration) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, service) = QueryPluginServices.From(serviceProvider);
        var rows = QueryCases.All.Single(c => c.Name == unsecureConfiguration).Twin(service);
        context.OutputParameters["Rows"] = string.Join("\n", rows);
    }
}

internal static class QueryPluginServices
{
    public static (IPluginExecutionContext Context, IOrganizationService Service) From(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        return (context, factory.CreateOrganizationService(context.UserId));
    }
}
