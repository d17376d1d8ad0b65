using System;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Registration;

namespace LeadQualifyExtensions.Plugins.Tests;

[TestClass]
public sealed class RegistrationTests
{
    private static readonly Type[] PluginTypes = typeof(PluginBase).Assembly.GetTypes()
        .Where(t => typeof(PluginBase).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    [TestMethod]
    public void Plugins_AllOfThem_AreSealedStatelessAndDeclareSteps()
    {
        var offenders = PluginTypes.Where(t =>
            !t.IsSealed
            || t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Length > 0
            || !t.GetCustomAttributes<PluginStepAttribute>().Any()
            || t.GetConstructor(Type.EmptyTypes) is null
            || t.GetConstructor([typeof(string), typeof(string)]) is null);

        Assert.IsEmpty(offenders);
        Assert.HasCount(7, PluginTypes); // issue 15 added QualifiedOpportunityShaper
    }

    [TestMethod]
    public void Steps_FilteringAttributes_OnlyOnUpdate()
    {
        var steps = PluginTypes.SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>());

        var offenders = steps.Where(s => s.FilteringAttributes.Length > 0 && s.Message != MessageNames.Update);

        Assert.IsEmpty(offenders);
    }

    [TestMethod]
    public void Steps_QualifyLead_UseNoImages()
    {
        var steps = PluginTypes.SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>()).Where(s => s.Message == MessageNames.QualifyLead);

        Assert.IsTrue(steps.All(s => s.PreImage is null && s.PostImage is null));
    }

    [TestMethod]
    [DataRow(typeof(QualificationPolicyEnforcer), "QualifyLead/lead/20")]
    [DataRow(typeof(QualifiedRecordsLinker), "QualifyLead/lead/40")]
    [DataRow(typeof(QualifiedOpportunityShaper), "Create/opportunity/20")]
    [DataRow(typeof(DisqualifyGuard), "SetState/lead/10/pre:PreImage=statecode,qualifyingopportunityid SetStateDynamicEntity/lead/10/pre:PreImage=statecode,qualifyingopportunityid Update/lead/10/statecode,statuscode/pre:PreImage=statecode,qualifyingopportunityid")]
    [DataRow(typeof(LeadReactivation), "SetState/lead/20/pre:PreImage=statecode SetStateDynamicEntity/lead/20/pre:PreImage=statecode Update/lead/20/statecode,statuscode/pre:PreImage=statecode")]
    [DataRow(typeof(ClosedLeadDeleteGuard), "Delete/lead/10/pre:PreImage=statecode")]
    public void Steps_EachPlugin_HasTheExpectedRegistrations(Type plugin, string expected)
    {
        var steps = plugin.GetCustomAttributes<PluginStepAttribute>().Select(Describe).OrderBy(s => s, StringComparer.Ordinal);

        Assert.AreEqual(expected, string.Join(" ", steps));
    }

    [TestMethod]
    public void Steps_Images_OnlyOnMessagesThatSupportThem()
    {
        var steps = PluginTypes.SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>());

        var offenders = steps.Where(s => (s.PreImage is not null || s.PostImage is not null)
            && s.Message is not (MessageNames.Update or MessageNames.SetState or MessageNames.SetStateDynamicEntity or MessageNames.Delete or MessageNames.Create));

        Assert.IsEmpty(offenders);
    }

    [TestMethod]
    public void Assembly_IsStrongNamed()
    {
        var token = typeof(PluginBase).Assembly.GetName().GetPublicKeyToken();

        Assert.AreEqual("cec87b6680c81a69", Convert.ToHexStringLower(token!));
    }

    private static string Describe(PluginStepAttribute step) =>
        $"{step.Message}/{step.PrimaryEntity}/{(int)step.Stage}"
        + (step.Mode == ExecutionMode.Synchronous ? string.Empty : "/async")
        + (step.FilteringAttributes.Length == 0 ? string.Empty : "/" + string.Join(",", step.FilteringAttributes))
        + (step.PreImage is null ? string.Empty : $"/pre:{step.PreImage}={string.Join(",", step.PreImageAttributes)}");
}
