using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.ServiceModel;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using LeadQualifyExtensions.Emulator.Workflows;
using LeadQualifyExtensions.Testing;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Workflows.Tests.ShippedWorkflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>
/// The activities as they ship: the Workflows assembly inside the packed solution zip, and QualifyLeadWithPolicy
/// running against the zip's own plug-ins and policy variable imported into the organization.
/// </summary>
[TestClass]
public sealed class PackedSolutionTests
{
    private const string ActivityGroup = "Lead Qualification";
    private const string QualificationMessagesType = "LeadQualifyExtensions.Plugins.Qualification.QualificationTexts";

    [TestMethod]
    [TestCategory(ShippedSolution.ComparesDllBytes)]
    public void PackedZip_WorkflowsDll_IsByteForByteTheBuiltDllAndTheOneTheTestsRun()
    {
        var built = File.ReadAllBytes(BuiltPath(WorkflowsAssemblyName));
        var fileName = PluginAssemblyElement(Customizations(), WorkflowsAssemblyName).Element("FileName")!.Value;

        var packed = Entry(fileName);

        CollectionAssert.AreEqual(built, packed);
        Assert.AreSame(PluginAssemblyLoader.Load(built), Assembly);
        Assert.AreNotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(Assembly));
    }

    [TestMethod]
    public void PackedZip_Customizations_RegisterExactlyTheThreeActivitiesInTheLeadQualificationGroup()
    {
        var customizations = Customizations();

        var activityTypes = customizations.Descendants("PluginType")
            .Where(t => t.Element("WorkflowActivityGroupName") is not null)
            .ToList();
        var workflowsTypes = PluginAssemblyElement(customizations, WorkflowsAssemblyName).Elements("PluginTypes").Elements("PluginType").ToList();

        // Name is the designer's menu text; the type itself is named by AssemblyQualifiedName.
        var typeNames = activityTypes.Select(t => ((string)t.Attribute("AssemblyQualifiedName")!).Split(',')[0]).ToArray();
        CollectionAssert.AreEquivalent(new[] { AdvanceProcessStage, CompleteLeadProcess, QualifyLeadWithPolicy }, typeNames);
        Assert.IsTrue(activityTypes.All(t => t.Element("WorkflowActivityGroupName")!.Value == ActivityGroup));
        CollectionAssert.AreEquivalent(activityTypes, workflowsTypes);
        CollectionAssert.AreEquivalent(
            typeNames.Select(n => Assembly.GetType(n, throwOnError: true)!.AssemblyQualifiedName).ToArray(),
            activityTypes.Select(t => (string)t.Attribute("AssemblyQualifiedName")!).ToArray());
    }

    [TestMethod]
    public void PackedSolution_QualifyLeadWithPolicyFromZip_RunsWithImportedPluginsOneLevelDeeper()
    {
        var support = new TestSupport(ShippedSolution.Organization(null, out var import));
        var lead = support.CreateQualifiableLead();
        support.Emulator.TraceLog.Clear();

        var result = support.Emulator.RunActivity(Assembly, "QualifyLeadWithPolicy", new WorkflowRunOptions
        {
            Inputs = new Dictionary<string, object?> { ["Lead"] = lead },
        });

        Assert.Contains(Assembly, import.Assemblies.ToList());
        Assert.IsNotNull(result.Output<EntityReference>("Opportunity"));
        var leadUpdates = support.Emulator.TraceLog.Entries.Where(e => e.Message == "Update" && e.PrimaryEntity == "lead").ToList();
        Assert.IsNotEmpty(leadUpdates, "The imported plug-ins' Update steps on lead fire for QualifyLead's lead update.");
        Assert.IsTrue(leadUpdates.All(e => e.Depth == 3), "Process depth 1, QualifyLead depth 2, its lead update depth 3.");
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_LeadWithExistingAccount_ReusesItAndLinksTheNewOpportunity()
    {
        var support = new TestSupport(withSolution: true);
        var existing = support.CreateAccount("Fabrikam");
        var lead = support.CreateQualifiableLead(company: "Contoso", existingAccount: existing);

        var result = support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead });

        var account = result.Output<EntityReference>("Account");
        var opportunity = result.Output<EntityReference>("Opportunity");
        Assert.IsNotNull(account);
        Assert.IsNotNull(opportunity);
        Assert.AreEqual(existing.Id, account.Id);
        Assert.AreEqual(existing.Id, support.Emulator.All("account").Single().Id, "No new account was created.");
        var created = support.Emulator.All("opportunity").Single();
        Assert.AreEqual(created.Id, opportunity.Id);
        Assert.AreEqual(existing.Id, created.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
        Assert.AreEqual(lead.Id, created.GetAttributeValue<EntityReference>("originatingleadid")?.Id);
    }

    [TestMethod]
    public void QualifyLeadWithPolicy_ActiveAccountNamedLikeTheCompany_ReturnsTheMatchedAccount()
    {
        var support = new TestSupport(withSolution: true);
        var matched = support.CreateAccount("Contoso");
        support.CreateAccount("Fabrikam");
        var lead = support.CreateQualifiableLead(company: "Contoso");

        var result = support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead });

        Assert.AreEqual(matched.Id, result.Output<EntityReference>("Account")?.Id);
        Assert.HasCount(2, support.Emulator.All("account"), "No new account was created.");
        var opportunity = support.Emulator.Get("opportunity", result.Output<EntityReference>("Opportunity")!.Id)!;
        Assert.AreEqual(matched.Id, opportunity.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
    }

    /// <remarks>
    /// The enforcer's refusal reaches the activity as the IsvAborted fault of its QualifyLead call, with the German
    /// text; the activity's exception policy (LeadQualificationActivity) passes plug-in refusals through, so the
    /// process shows exactly that text and keeps the fault as the inner exception.
    /// </remarks>
    [TestMethod]
    public void QualifyLeadWithPolicy_RequiredFieldEmptyForGermanUser_GermanRefusalReachesTheCallerAndNothingIsWritten()
    {
        var support = new TestSupport(withSolution: true);
        var german = support.CreateUser(TestSupport.German);
        var lead = support.CreateQualifiableLead(omit: "budgetamount");
        var before = support.Snapshot();
        var refusal = PluginMessage(QualificationMessagesType, TestSupport.German, "MissingFields", LeadColumnDisplayName("budgetamount", TestSupport.German));

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() =>
            support.Run(QualifyLeadWithPolicy, new Dictionary<string, object?> { ["Lead"] = lead }, userId: german));

        Assert.AreEqual("Füllen Sie diese Felder aus, bevor Sie den Lead qualifizieren: Budgetbetrag.", refusal);
        var fault = Assert.IsInstanceOfType<FaultException<OrganizationServiceFault>>(exception.InnerException);
        Assert.AreEqual(PipelineFaults.IsvAborted, fault.Detail.ErrorCode);
        Assert.AreEqual(refusal, fault.Detail.Message);
        Assert.AreEqual(refusal, exception.Message);
        Assert.AreEqual(before, support.Snapshot());
        Assert.AreEqual(0, support.Emulator.Get("lead", lead.Id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    private static XElement PluginAssemblyElement(XDocument customizations, string assemblyName) =>
        customizations.Descendants("PluginAssembly")
            .Single(a => ((string?)a.Attribute("FullName"))?.StartsWith(assemblyName + ",", StringComparison.Ordinal) == true);
}
