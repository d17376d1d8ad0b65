using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Qualification;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>The zip the tests import is the zip that ships, and what its steps cost (behaviour 8 of issue 5).</summary>
[TestClass]
public sealed class PackedSolutionShipsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory(ComparesDllBytes)]
    public void Zip_PluginAssembly_IsByteForByteTheBuiltDll()
    {
        var built = ShippedAssemblyPaths.Single(p => Path.GetFileName(p) == "LeadQualifyExtensions.Plugins.dll");
        var parts = LeadQualifyExtensions.Packaging.PackedSolution.Read(Zip).Parts;
        var assembly = parts.Single(p => p.Key.EndsWith("/LeadQualifyExtensionsPlugins.dll", StringComparison.Ordinal) || p.Key.EndsWith("LeadQualifyExtensions.Plugins.dll", StringComparison.Ordinal));

        var zipped = assembly.Value;

        CollectionAssert.AreEqual(File.ReadAllBytes(built), zipped);
        CollectionAssert.AreEqual(File.ReadAllBytes(typeof(QualificationTexts).Assembly.Location), zipped);
    }

    [TestMethod]
    public void Zip_Import_RegistersEveryDeclaredStepIncludingQualifyLead()
    {
        Organization(null, out var imported);

        Assert.AreEqual(Result.Steps.Count, imported.Steps.Count);
        Assert.AreEqual(2, imported.Steps.Count(s => s.Step.Message == MessageNames.QualifyLead));
        CollectionAssert.Contains(imported.EnvironmentVariables.ToList(), EnvironmentVariableNames.LeadQualificationPolicy);
        var definition = XElement.Parse(System.Text.Encoding.UTF8.GetString(LeadQualifyExtensions.Packaging.PackedSolution.Read(Zip).Parts
            .Single(p => p.Key.EndsWith("lqx_LeadQualificationPolicy/environmentvariabledefinition.xml", StringComparison.Ordinal)).Value));
        StringAssert.Contains((string?)definition.Element("description")?.Attribute("default"), "refuse deleting qualified or disqualified leads", StringComparison.Ordinal);
    }

    [TestMethod]
    public void CallCounts_QualifyDisqualifyReactivate_AreTheMeasuredNumbers()
    {
        var (fullQualify, fullTotal) = Measure(service => QualifyNewLead(service, parentAccount: null));
        var (reuseQualify, reuseTotal) = Measure(service =>
        {
            var accountId = service.Create(new Entity(Account.EntityName) { [Account.Fields.Name] = "Fabrikam" });
            return QualifyNewLead(service, new EntityReference(Account.EntityName, accountId));
        });
        var (disqualify, disqualifyTotal) = Measure(service =>
        {
            var leadId = service.Create(QualifiableLead());
            return () => service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Lead.EntityName, leadId), State = new OptionSetValue(2), Status = new OptionSetValue(4) });
        });
        var (reactivate, reactivateTotal) = Measure(service =>
        {
            var leadId = service.Create(QualifiableLead());
            service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));
            return () => service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Lead.EntityName, leadId), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        });

        TestContext.WriteLine($"QualifyLead create all: {fullQualify} (total {fullTotal})");
        TestContext.WriteLine($"QualifyLead reusing account: {reuseQualify} (total {reuseTotal})");
        TestContext.WriteLine($"Disqualify (SetState): {disqualify} (total {disqualifyTotal})");
        TestContext.WriteLine($"Reactivate (SetState): {reactivate} (total {reactivateTotal})");
        // Issue 15: our plug-ins add 3 calls to a QualifyLead that creates everything (the policy, the lead joined to its
        // matching accounts and contacts, the lead Update); the opportunity gets its values in its own Create. Update=4
        // counts the platform's account Update that makes the new contact its primary contact (issue 20 item 3), its lead
        // and process-instance Updates, and ours of the lead. Without our plug-ins the same QualifyLead makes 7 calls.
        Assert.AreEqual("QualifyLead=1, SetState=0, Create=3, Update=4, Retrieve=0, RetrieveMultiple=2", fullQualify);
        Assert.AreEqual(10, fullTotal);
        Assert.AreEqual("QualifyLead=1, SetState=0, Create=2, Update=3, Retrieve=0, RetrieveMultiple=2", reuseQualify);
        Assert.AreEqual(8, reuseTotal);
        Assert.AreEqual("QualifyLead=0, SetState=1, Create=0, Update=0, Retrieve=0, RetrieveMultiple=2", disqualify);
        Assert.AreEqual(3, disqualifyTotal);
        Assert.AreEqual("QualifyLead=0, SetState=1, Create=0, Update=1, Retrieve=0, RetrieveMultiple=2", reactivate);
        Assert.AreEqual(4, reactivateTotal);
    }

    private static Action QualifyNewLead(IOrganizationService service, EntityReference? parentAccount)
    {
        var lead = QualifiableLead();
        if (parentAccount is not null)
        {
            lead[Lead.Fields.ParentAccountId] = parentAccount;
        }

        var leadId = service.Create(lead);
        return () => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));
    }

    private static (string PerMessage, int Total) Measure(Func<IOrganizationService, Action> arrange)
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var act = arrange(service);
        emulator.Calls.Reset();

        act();

        var names = new[] { "QualifyLead", "SetState", "Create", "Update", "Retrieve", "RetrieveMultiple" };
        return (string.Join(", ", names.Select(n => n + "=" + emulator.Calls[n].ToString(System.Globalization.CultureInfo.InvariantCulture))), emulator.Calls.Total);
    }
}
