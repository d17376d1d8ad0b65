using System;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Registration;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Lifecycle;

[TestClass]
public sealed class LifecyclePluginTests
{
    private readonly Guid _leadId = Guid.NewGuid();

    [TestMethod]
    public void DisqualifyGuard_UpdateOnLeadWithOpportunity_RefusesNamingItInGerman()
    {
        var harness = Disqualify(MessageNames.Update, status: 5);
        harness.Service.UserLanguage = 1031;
        harness.Service.Answer(Opportunity.EntityName, Named("50 Fahrräder"));

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<DisqualifyGuard>);

        Assert.AreEqual(Texts.Format(LifecycleTexts.German.DisqualifyWithOpportunity, "50 Fahrräder"), error.Message);
        Assert.AreEqual(4, harness.Service.DataCalls, "policy, lead, opportunity and whether the user can read it");
    }

    [TestMethod]
    public void DisqualifyGuard_OpportunityTheUserCannotRead_StillRefusesWithoutNamingIt()
    {
        var harness = Disqualify(MessageNames.Update, status: 5);
        harness.Service.UserLanguage = 1031;
        harness.Service.PrincipalAccess = 0;
        harness.Service.Answer(Opportunity.EntityName, Named("Geheim"));

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<DisqualifyGuard>);

        Assert.AreEqual(LifecycleTexts.German.DisqualifyWithHiddenOpportunity, error.Message);
        Assert.DoesNotContain("Geheim", error.Message);
        CollectionAssert.Contains(harness.Service.Calls, "RetrievePrincipalAccess opportunity");
    }

    [TestMethod]
    [DataRow(MessageNames.SetState)]
    [DataRow(MessageNames.SetStateDynamicEntity)]
    public void DisqualifyGuard_SetStateWithoutOpportunity_Allows(string message)
    {
        var harness = Disqualify(message, status: -1);

        harness.Run<DisqualifyGuard>();

        CollectionAssert.AreEqual(
            new[] { "RetrieveMultiple environmentvariabledefinition", "RetrieveMultiple lead", "RetrieveMultiple opportunity" },
            harness.Service.Calls);
    }

    [TestMethod]
    public void DisqualifyGuard_OpportunityQuery_CoversOriginatingAndQualifyingOpportunity()
    {
        var qualifying = Guid.NewGuid();
        var harness = Disqualify(MessageNames.Update, status: 4);
        harness.Service.Answer(Lead.EntityName, LeadIn(LeadState.Open, qualifying));

        harness.Run<DisqualifyGuard>();

        var query = harness.Service.Queries[2];
        var either = query.Criteria.Filters[0];
        Assert.AreEqual(Microsoft.Xrm.Sdk.Query.LogicalOperator.Or, either.FilterOperator);
        Assert.AreEqual(_leadId, either.Conditions[0].Values[0]);
        Assert.AreEqual(qualifying, either.Conditions[1].Values[0]);
    }

    [TestMethod]
    public void DisqualifyGuard_WithPreImage_SkipsReadingTheLead()
    {
        var harness = Disqualify(MessageNames.Update, status: 4);
        harness.Context.PreEntityImages[DisqualifyGuard.PreImageAlias] = LeadIn(LeadState.Open);

        harness.Run<DisqualifyGuard>();

        CollectionAssert.AreEqual(new[] { "RetrieveMultiple environmentvariabledefinition", "RetrieveMultiple opportunity" }, harness.Service.Calls);
    }

    [TestMethod]
    public void DisqualifyGuard_NonDisqualifyReason_RefusesWithoutDataCalls()
    {
        var harness = Disqualify(MessageNames.SetState, status: 2);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<DisqualifyGuard>);

        Assert.AreEqual(LifecycleTexts.English.DisqualifyReasonInvalid, error.Message);
        Assert.AreEqual(0, harness.Service.DataCalls);
    }

    [TestMethod]
    public void DisqualifyGuard_QualifiedLead_RefusesClosed()
    {
        var harness = Disqualify(MessageNames.Update, status: 4);
        harness.Service.Answer(Lead.EntityName, LeadIn(LeadState.Qualified));

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<DisqualifyGuard>);

        Assert.AreEqual(LifecycleTexts.English.DisqualifyClosedLead, error.Message);
        Assert.AreEqual(2, harness.Service.DataCalls);
    }

    [TestMethod]
    public void DisqualifyGuard_Reactivation_IsNotItsBusiness()
    {
        var harness = PluginHarness.For<DisqualifyGuard>(MessageNames.Update);
        harness.Context.InputParameters[ParameterNames.Target] = Target(0, null);

        harness.Run<DisqualifyGuard>();

        Assert.IsEmpty(harness.Service.Calls);
        CollectionAssert.Contains(harness.TraceLines, TraceTexts.NotInScope);
    }

    [TestMethod]
    public void DisqualifyGuard_MalformedPolicy_FailsClosed()
    {
        var harness = Disqualify(MessageNames.Update, status: 4);
        harness.Service.WithPolicy("[]");

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<DisqualifyGuard>);

        Assert.AreEqual(Texts.Format(PolicyTexts.English.Invalid, PolicyTexts.English.NotAnObject), error.Message);
    }

    [TestMethod]
    public void Reactivation_UpdateWithoutStatus_SetsNewAndPutsProcessBackOnQualify()
    {
        var harness = PluginHarness.For<LeadReactivation>(MessageNames.Update);
        var target = Target(0, null);
        harness.Context.InputParameters[ParameterNames.Target] = target;
        var instance = new Entity(LeadToOpportunitySalesProcess.EntityName, Guid.NewGuid());
        instance[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, LeadToOpportunitySalesProcess.Stages.Develop);
        instance[LeadToOpportunitySalesProcess.Fields.StateCode] = new OptionSetValue(1);
        instance[LeadToOpportunitySalesProcess.Fields.StatusCode] = new OptionSetValue(2);
        harness.Service.WithPolicy(null).Answer(LeadToOpportunitySalesProcess.EntityName, instance);

        harness.Run<LeadReactivation>();

        Assert.AreEqual(new OptionSetValue((int)LeadStatusReason.New), target[Lead.Fields.StatusCode]);
        CollectionAssert.AreEqual(
            new[] { "RetrieveMultiple environmentvariabledefinition", "RetrieveMultiple leadtoopportunitysalesprocess", "Update leadtoopportunitysalesprocess", "Update leadtoopportunitysalesprocess" },
            harness.Service.Calls);
        var reactivate = harness.Service.Updates[0];
        Assert.AreEqual(new OptionSetValue(0), reactivate[LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue(1), reactivate[LeadToOpportunitySalesProcess.Fields.StatusCode]);
        var moveBack = harness.Service.Updates[1];
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, moveBack.GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId).Id);
    }

    [TestMethod]
    public void Reactivation_OpenLeadChangingReason_IsNotAReactivation()
    {
        var harness = PluginHarness.For<LeadReactivation>(MessageNames.Update);
        harness.Context.InputParameters[ParameterNames.Target] = Target(0, 2);
        harness.Context.PreEntityImages[LeadReactivation.PreImageAlias] = LeadIn(LeadState.Open);

        harness.Run<LeadReactivation>();

        Assert.IsEmpty(harness.Service.Calls);
    }

    [TestMethod]
    public void Reactivation_SetStateWithClosedReason_Refuses()
    {
        var harness = PluginHarness.For<LeadReactivation>(MessageNames.SetState);
        harness.Context.InputParameters[ParameterNames.EntityMoniker] = new EntityReference(Lead.EntityName, _leadId);
        harness.Context.InputParameters[ParameterNames.State] = new OptionSetValue(0);
        harness.Context.InputParameters[ParameterNames.Status] = new OptionSetValue(4);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<LeadReactivation>);

        Assert.AreEqual(LifecycleTexts.English.ReactivationReasonInvalid, error.Message);
    }

    [TestMethod]
    public void Reactivation_Disqualify_IsNotItsBusiness()
    {
        var harness = PluginHarness.For<LeadReactivation>(MessageNames.Update);
        harness.Context.InputParameters[ParameterNames.Target] = Target(2, 4);

        harness.Run<LeadReactivation>();

        Assert.IsEmpty(harness.Service.Calls);
    }

    [TestMethod]
    [DataRow(LeadState.Qualified)]
    [DataRow(LeadState.Disqualified)]
    public void DeleteGuard_ClosedLead_RefusesWithOnePolicyRead(LeadState state)
    {
        var harness = Delete(state);
        harness.Service.UserLanguage = 1031;

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<ClosedLeadDeleteGuard>);

        Assert.AreEqual(LifecycleTexts.German.DeleteClosedLead, error.Message);
        Assert.AreEqual(1, harness.Service.DataCalls);
    }

    [TestMethod]
    public void DeleteGuard_OpenLead_Allows()
    {
        var harness = Delete(LeadState.Open);

        harness.Run<ClosedLeadDeleteGuard>();

        Assert.AreEqual(1, harness.Service.DataCalls);
    }

    [TestMethod]
    public void DeleteGuard_ProtectionOff_AllowsClosedLead()
    {
        var harness = Delete(LeadState.Qualified);
        harness.Service.WithPolicy("""{"protectClosedLeads":false}""");

        harness.Run<ClosedLeadDeleteGuard>();

        Assert.IsEmpty(harness.Service.Updates);
    }

    [TestMethod]
    public void DeleteGuard_WithoutPreImage_ShowsOnlyTheGenericMessage()
    {
        var harness = PluginHarness.For<ClosedLeadDeleteGuard>(MessageNames.Delete);
        harness.Context.InputParameters[ParameterNames.Target] = new EntityReference(Lead.EntityName, _leadId);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<ClosedLeadDeleteGuard>);

        Assert.AreEqual(CommonTexts.English.Unexpected, error.Message);
        Assert.IsInstanceOfType<RegistrationException>(error.InnerException);
    }

    private PluginHarness Disqualify(string message, int status)
    {
        var harness = PluginHarness.For<DisqualifyGuard>(message, Stage.PreValidation);
        if (message == MessageNames.Update)
        {
            harness.Context.InputParameters[ParameterNames.Target] = Target(2, status);
        }
        else
        {
            harness.Context.InputParameters[ParameterNames.EntityMoniker] = new EntityReference(Lead.EntityName, _leadId);
            harness.Context.InputParameters[ParameterNames.State] = new OptionSetValue(2);
            harness.Context.InputParameters[ParameterNames.Status] = new OptionSetValue(status);
        }

        harness.Service.WithPolicy(null).Answer(Lead.EntityName, LeadIn(LeadState.Open));
        return harness;
    }

    private PluginHarness Delete(LeadState state)
    {
        var harness = PluginHarness.For<ClosedLeadDeleteGuard>(MessageNames.Delete);
        harness.Context.InputParameters[ParameterNames.Target] = new EntityReference(Lead.EntityName, _leadId);
        harness.Context.PreEntityImages[ClosedLeadDeleteGuard.PreImageAlias] = LeadIn(state);
        harness.Service.WithPolicy(null);
        return harness;
    }

    private Entity Target(int state, int? status)
    {
        var target = new Entity(Lead.EntityName, _leadId);
        target[Lead.Fields.StateCode] = new OptionSetValue(state);
        if (status is { } value)
        {
            target[Lead.Fields.StatusCode] = new OptionSetValue(value);
        }

        return target;
    }

    private Entity LeadIn(LeadState state, Guid? qualifyingOpportunity = null)
    {
        var lead = new Entity(Lead.EntityName, _leadId);
        lead[Lead.Fields.StateCode] = new OptionSetValue((int)state);
        if (qualifyingOpportunity is { } id)
        {
            lead[Lead.Fields.QualifyingOpportunityId] = new EntityReference(Opportunity.EntityName, id);
        }

        return lead;
    }

    private static Entity Named(string name)
    {
        var opportunity = new Entity(Opportunity.EntityName, Guid.NewGuid());
        opportunity[Opportunity.Fields.Name] = name;
        return opportunity;
    }
}
