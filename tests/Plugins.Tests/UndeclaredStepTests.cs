using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests;

/// <summary>
/// A plug-in registered by hand on a step it does not declare (another message, table, stage or mode) does nothing
/// but say so: the base class matches the executing step against the declarations, each part of it.
/// </summary>
[TestClass]
public sealed class UndeclaredStepTests
{
    [TestMethod]
    [DataRow(MessageNames.Update, Lead.EntityName, 20, 0)]
    [DataRow(MessageNames.QualifyLead, Opportunity.EntityName, 20, 0)]
    [DataRow(MessageNames.QualifyLead, Lead.EntityName, 10, 0)]
    [DataRow(MessageNames.QualifyLead, Lead.EntityName, 20, 1)]
    public void Enforcer_OnAStepItDoesNotDeclare_ReadsAndWritesNothingAndTracesWhy(string message, string table, int stage, int mode)
    {
        var harness = PluginHarness.For<QualificationPolicyEnforcer>(MessageNames.QualifyLead);
        harness.Context.MessageName = message;
        harness.Context.PrimaryEntityName = table;
        harness.Context.Stage = stage;
        harness.Context.Mode = mode;
        harness.Context.InputParameters[ParameterNames.LeadId] = new EntityReference(Lead.EntityName, System.Guid.NewGuid());

        harness.Run<QualificationPolicyEnforcer>();

        Assert.IsEmpty(harness.Service.Calls);
        CollectionAssert.Contains(harness.TraceLines, TraceTexts.NoMatchingStep);
    }
}
