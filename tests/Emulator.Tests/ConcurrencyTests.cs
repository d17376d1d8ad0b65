using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Threading;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Sales;
using LeadQualifyExtensions.Emulator.Tests.Pipeline;
using LeadQualifyExtensions.Emulator.Tests.Sales;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    [TestMethod]
    public void QualifyLead_TwoThreadsOnOneLead_OneSucceedsOtherGetsClosedLeadFault()
    {
        var fixture = new SalesFixture();
        var leads = Enumerable.Range(0, 10).Select(_ => fixture.CreateLead()).ToList();

        var outcomes = leads.SelectMany(lead => OnThreads(2, () => fixture.Execute(SalesFixture.Qualify(lead, account: false, contact: false)))).ToList();

        Assert.AreEqual(leads.Count, outcomes.Count(o => o is null));
        foreach (var failure in outcomes.Where(o => o is not null))
        {
            var fault = Assert.IsInstanceOfType<FaultException<OrganizationServiceFault>>(failure);
            Assert.AreEqual(SalesFaults.LeadAlreadyInClosedState, fault.Detail.ErrorCode);
            Assert.AreEqual(SalesFaults.LeadClosedMessage, fault.Detail.Message);
        }

        Assert.HasCount(leads.Count, fixture.All("opportunity"));
        Assert.IsTrue(leads.All(lead => fixture.All("opportunity").Count(o => o.GetAttributeValue<EntityReference>("originatingleadid").Id == lead) == 1));
    }

    [TestMethod]
    public void Execute_ManyThreadsWithNestingPlugin_DepthPerCallTreeAndNestedWritesInTheirTransaction()
    {
        var emulator = new XrmEmulator();
        var depths = new ConcurrentBag<(string Table, int Depth)>();
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (context, provider) =>
        {
            depths.Add(("account", context.Depth));
            provider.Service().Create(new Entity("contact") { ["lastname"] = "Nested" });
            if (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("name") == "refuse")
            {
                throw new InvalidPluginExecutionException("Refused.");
            }
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "contact", PipelineStage.PostOperation, (context, _) => depths.Add(("contact", context.Depth))));
        var service = emulator.GetOrganizationService();

        var outcomes = OnThreads(Threads, () =>
        {
            for (var i = 0; i < 25; i++)
            {
                service.Create(new Entity("account") { ["name"] = "kept" });
                Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Create(new Entity("account") { ["name"] = "refuse" }));
            }
        });

        Assert.IsTrue(outcomes.All(o => o is null), string.Join("\n", outcomes.Where(o => o is not null)));
        Assert.HasCount(Threads * 25, emulator.All("account"));
        Assert.IsTrue(emulator.All("account").All(a => a.GetAttributeValue<string>("name") == "kept"));
        Assert.HasCount(Threads * 25, emulator.All("contact"));
        Assert.IsTrue(depths.Where(d => d.Table == "account").All(d => d.Depth == 1));
        Assert.IsTrue(depths.Where(d => d.Table == "contact").All(d => d.Depth == 2));
        Assert.AreEqual(0, emulator.Store.Depth);
    }

    [TestMethod]
    public void Update_ManyThreadsOnOneRow_NoUpdateLostAndVersionsGrow()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(new Entity("account") { ["name"] = "Counter", ["description"] = "0" });
        var before = emulator.Get("account", id)!.GetAttributeValue<long>("versionnumber");

        // Read-modify-write inside one request (a plug-in on Update), so only isolation keeps every increment.
        emulator.RegisterStep(DelegatePlugin.Step("Update", "account", PipelineStage.PreOperation, (context, provider) =>
        {
            var current = provider.Service().Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("description"));
            var count = int.Parse(current.GetAttributeValue<string>("description"), CultureInfo.InvariantCulture);
            ((Entity)context.InputParameters["Target"])["description"] = (count + 1).ToString(CultureInfo.InvariantCulture);
        }));
        var outcomes = OnThreads(Threads, () =>
        {
            for (var i = 0; i < 20; i++)
            {
                service.Update(new Entity("account", id) { ["name"] = "Counter" });
            }
        });

        Assert.IsTrue(outcomes.All(o => o is null), string.Join("\n", outcomes.Where(o => o is not null)));
        var after = emulator.Get("account", id)!;
        Assert.AreEqual((Threads * 20).ToString(CultureInfo.InvariantCulture), after.GetAttributeValue<string>("description"));
        Assert.IsGreaterThan(before, after.GetAttributeValue<long>("versionnumber"));
    }

    // Runs body on n threads released together; returns each thread's exception (null when it finished).
    private static Exception?[] OnThreads(int count, Action body)
    {
        var outcomes = new Exception?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                body();
            }
#pragma warning disable CA1031 // The test inspects every exception a thread ends with.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                outcomes[i] = exception;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return outcomes;
    }
}
