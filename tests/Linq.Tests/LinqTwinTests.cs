using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using Linq.Tests.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Linq.Tests;

/// <summary>
/// The LINQ plug-in and its QueryExpression twin run in the emulator (through the pipeline, their queries through the
/// dispatch point) and must return the same rows, case by case; each case must also return rows, so no case passes empty.
/// </summary>
[TestClass]
public sealed class LinqTwinTests
{
    public static IEnumerable<object[]> Cases => QueryCases.All.Select(c => new object[] { c.Name });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void LinqPlugin_Case_ReturnsWhatItsQueryExpressionTwinReturns(string name)
    {
        var emulator = SalesData.NewEmulator();

        var linq = Run<LinqQueryPlugin>(emulator, name);
        var twin = Run<QueryExpressionQueryPlugin>(emulator, name);

        Assert.AreEqual(twin, linq, $"case {name}");
        Assert.AreNotEqual(string.Empty, twin, $"case {name} returns no row, so it proves nothing");
    }

    [TestMethod]
    public void LinqPlugin_Query_RunsRetrieveMultipleThroughTheDispatchPoint()
    {
        var emulator = SalesData.NewEmulator();
        emulator.Calls.Reset();

        Run<LinqQueryPlugin>(emulator, "EqualString");

        Assert.AreEqual(1, emulator.Calls["RetrieveMultiple"]);
    }

    [TestMethod]
    public void LinqQuery_RetrieveMultipleStepNarrowsTheQuery_ResultsFollowTheStep()
    {
        var emulator = SalesData.NewEmulator();
        emulator.RegisterStep<SeattleOnlyPlugin>("RetrieveMultiple", "lead", PipelineStage.PreOperation);
        using var context = new OrganizationServiceContext(emulator.GetOrganizationService());

        var cities = context.CreateQuery<Lead>().Select(l => l.Address1_City).ToList();

        Assert.HasCount(3, cities);
        Assert.IsTrue(cities.All(c => c == "Seattle"));
    }

    private static string Run<TPlugin>(XrmEmulator emulator, string name)
        where TPlugin : IPlugin
    {
        var context = emulator.ExecutePlugin<TPlugin>(
            new PluginRun { Message = "new_RunQuery", Stage = PipelineStage.PostOperation },
            unsecureConfiguration: name);
        return (string)context.OutputParameters["Rows"];
    }
}

/// <summary>A PreOperation RetrieveMultiple step that narrows every lead query to Seattle, as a security-trimming step might.</summary>
public sealed class SeattleOnlyPlugin : IPlugin
{
    public void Execute(System.IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var query = (QueryExpression)context.InputParameters["Query"];
        query.Criteria.AddCondition("address1_city", ConditionOperator.Equal, "Seattle");
    }
}
