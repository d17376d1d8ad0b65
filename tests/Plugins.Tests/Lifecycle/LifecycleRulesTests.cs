using System;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Lifecycle;

[TestClass]
public sealed class LifecycleRulesTests
{
    private static readonly EntityReference LeadRef = new(Lead.EntityName, Guid.NewGuid());

    [TestMethod]
    public void From_UpdateWithStateAndStatus_ReadsBoth()
    {
        var target = new Entity(Lead.EntityName, LeadRef.Id);
        target[Lead.Fields.StateCode] = new OptionSetValue(2);
        target[Lead.Fields.StatusCode] = new OptionSetValue(6);

        var change = LeadStateChange.From(MessageNames.Update, new ParameterCollection { [ParameterNames.Target] = target })!;

        Assert.AreEqual(LeadRef.Id, change.Lead!.Id);
        Assert.AreEqual(2, change.State);
        Assert.AreEqual(6, change.Status);
        Assert.AreEqual(LeadState.Disqualified, change.TargetState);
    }

    [TestMethod]
    public void From_UpdateWithoutStateColumns_IsNull()
    {
        var target = new Entity(Lead.EntityName, LeadRef.Id);
        target[Lead.Fields.Subject] = "x";

        var change = LeadStateChange.From(MessageNames.Update, new ParameterCollection { [ParameterNames.Target] = target });

        Assert.IsNull(change);
    }

    [TestMethod]
    [DataRow(MessageNames.SetState)]
    [DataRow(MessageNames.SetStateDynamicEntity)]
    public void From_SetState_ReadsMonikerStateAndStatus(string message)
    {
        var input = new ParameterCollection
        {
            [ParameterNames.EntityMoniker] = LeadRef,
            [ParameterNames.State] = new OptionSetValue(0),
            [ParameterNames.Status] = new OptionSetValue(-1),
        };

        var change = LeadStateChange.From(message, input)!;

        Assert.AreEqual(LeadRef, change.Lead);
        Assert.AreEqual(LeadState.Open, change.TargetState);
        Assert.AreEqual(-1, change.Status);
    }

    [TestMethod]
    public void TargetState_StatusOnly_FollowsTheStatusReason()
    {
        var change = new LeadStateChange(LeadRef, null, 5);

        Assert.AreEqual(LeadState.Disqualified, change.TargetState);
        Assert.IsTrue(LifecycleRules.IsDisqualify(change));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow(-1)]
    [DataRow(4)]
    [DataRow(5)]
    [DataRow(6)]
    [DataRow(7)]
    public void CheckDisqualifyReason_DisqualifyReasonOrDefault_Passes(int? status)
    {
        var refusal = LifecycleRules.CheckDisqualifyReason(new LeadStateChange(LeadRef, 2, status));

        Assert.IsNull(refusal);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    [DataRow(8)]
    public void CheckDisqualifyReason_OtherReason_Refuses(int status)
    {
        var refusal = LifecycleRules.CheckDisqualifyReason(new LeadStateChange(LeadRef, 2, status));

        Assert.AreSame(LifecycleTexts.DisqualifyReasonInvalid, refusal!.Text);
    }

    [TestMethod]
    public void CheckDisqualify_OpenLeadWithOpportunity_NamesTheOpportunity()
    {
        var opportunity = new Entity(Opportunity.EntityName, Guid.NewGuid());
        opportunity[Opportunity.Fields.Name] = "50 bikes";

        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, LeadIn(LeadState.Open), opportunity)!;

        Assert.AreEqual(Texts.Format(LifecycleTexts.English.DisqualifyWithOpportunity, "50 bikes"), refusal.Render(UserText.EnglishLcid));
        Assert.AreEqual(Texts.Format(LifecycleTexts.German.DisqualifyWithOpportunity, "50 bikes"), refusal.Render(UserText.GermanLcid));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public void CheckDisqualify_OpportunityTheUserCannotRead_BlocksWithoutNameOrState(int opportunityState)
    {
        var opportunity = new Entity(Opportunity.EntityName, Guid.NewGuid());
        opportunity[Opportunity.Fields.Name] = "Secret deal";
        opportunity[Opportunity.Fields.StateCode] = new OptionSetValue(opportunityState);

        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, LeadIn(LeadState.Open), opportunity, opportunityVisible: false)!;

        Assert.AreEqual(LifecycleTexts.English.DisqualifyWithHiddenOpportunity, refusal.Render(UserText.EnglishLcid));
        Assert.AreEqual(LifecycleTexts.German.DisqualifyWithHiddenOpportunity, refusal.Render(UserText.GermanLcid));
    }

    [TestMethod]
    public void CheckDisqualify_OpportunityWithoutName_SaysNoTopic()
    {
        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, LeadIn(LeadState.Open), new Entity(Opportunity.EntityName, Guid.NewGuid()))!;

        Assert.AreEqual(Texts.Format(LifecycleTexts.German.DisqualifyWithOpportunity, LifecycleTexts.German.UnnamedOpportunity), refusal.Render(UserText.GermanLcid));
    }

    [TestMethod]
    public void CheckDisqualify_BlockOff_AllowsWithOpportunity()
    {
        var policy = Some.Policy("""{"blockDisqualifyWithOpportunity":false}""");

        var refusal = LifecycleRules.CheckDisqualify(policy, LeadIn(LeadState.Open), new Entity(Opportunity.EntityName, Guid.NewGuid()));

        Assert.IsNull(refusal);
        Assert.IsFalse(LifecycleRules.NeedsOpportunityCheck(policy, LeadIn(LeadState.Open)));
    }

    [TestMethod]
    public void CheckDisqualify_QualifiedLead_RefusesClosed()
    {
        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, LeadIn(LeadState.Qualified), null);

        Assert.AreSame(LifecycleTexts.DisqualifyClosedLead, refusal!.Text);
    }

    [TestMethod]
    public void CheckDisqualify_MissingLead_RefusesNotFound()
    {
        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, null, null);

        Assert.AreSame(LifecycleTexts.LeadNotFound, refusal!.Text);
    }

    [TestMethod]
    public void CheckDisqualify_AlreadyDisqualified_MayChangeReason()
    {
        var refusal = LifecycleRules.CheckDisqualify(QualificationPolicy.Default, LeadIn(LeadState.Disqualified), null);

        Assert.IsNull(refusal);
        Assert.IsFalse(LifecycleRules.NeedsOpportunityCheck(QualificationPolicy.Default, LeadIn(LeadState.Disqualified)));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow(-1)]
    [DataRow(1)]
    [DataRow(2)]
    public void CheckReactivationReason_OpenReasonOrDefault_Passes(int? status)
    {
        var refusal = LifecycleRules.CheckReactivationReason(new LeadStateChange(LeadRef, 0, status));

        Assert.IsNull(refusal);
    }

    [TestMethod]
    [DataRow(3)]
    [DataRow(4)]
    public void CheckReactivationReason_ClosedReason_Refuses(int status)
    {
        var refusal = LifecycleRules.CheckReactivationReason(new LeadStateChange(LeadRef, 0, status));

        Assert.AreSame(LifecycleTexts.ReactivationReasonInvalid, refusal!.Text);
    }

    [TestMethod]
    public void DefaultReactivationStatus_UpdateWithoutStatus_SetsNew()
    {
        var target = new Entity(Lead.EntityName, LeadRef.Id);
        target[Lead.Fields.StateCode] = new OptionSetValue(0);
        var input = new ParameterCollection { [ParameterNames.Target] = target };

        var changed = LifecycleRules.DefaultReactivationStatus(MessageNames.Update, input);

        Assert.IsTrue(changed);
        Assert.AreEqual(new OptionSetValue((int)LeadStatusReason.New), target[Lead.Fields.StatusCode]);
    }

    [TestMethod]
    public void DefaultReactivationStatus_SetStateWithDefault_SetsNew()
    {
        var input = new ParameterCollection
        {
            [ParameterNames.EntityMoniker] = LeadRef,
            [ParameterNames.State] = new OptionSetValue(0),
            [ParameterNames.Status] = new OptionSetValue(-1),
        };

        LifecycleRules.DefaultReactivationStatus(MessageNames.SetState, input);

        Assert.AreEqual(new OptionSetValue((int)LeadStatusReason.New), input[ParameterNames.Status]);
    }

    [TestMethod]
    public void DefaultReactivationStatus_StatusGiven_KeepsIt()
    {
        var target = new Entity(Lead.EntityName, LeadRef.Id);
        target[Lead.Fields.StateCode] = new OptionSetValue(0);
        target[Lead.Fields.StatusCode] = new OptionSetValue(2);

        var changed = LifecycleRules.DefaultReactivationStatus(MessageNames.Update, new ParameterCollection { [ParameterNames.Target] = target });

        Assert.IsFalse(changed);
        Assert.AreEqual(new OptionSetValue(2), target[Lead.Fields.StatusCode]);
    }

    [TestMethod]
    [DataRow(LeadState.Qualified)]
    [DataRow(LeadState.Disqualified)]
    public void CheckDelete_ClosedLeadProtected_Refuses(LeadState state)
    {
        var refusal = LifecycleRules.CheckDelete(QualificationPolicy.Default, LeadIn(state));

        Assert.AreSame(LifecycleTexts.DeleteClosedLead, refusal!.Text);
    }

    [TestMethod]
    public void CheckDelete_OpenLeadOrProtectionOff_Passes()
    {
        var off = Some.Policy("""{"protectClosedLeads":false}""");

        Assert.IsNull(LifecycleRules.CheckDelete(QualificationPolicy.Default, LeadIn(LeadState.Open)));
        Assert.IsNull(LifecycleRules.CheckDelete(off, LeadIn(LeadState.Qualified)));
    }

    [TestMethod]
    public void BackToQualify_FinishedInstanceOnPropose_ReactivatesFirstThenStepsBackOneStageAtATime()
    {
        // Issue 20 item 5: no stage move on an inactive instance; moves only to the next or the previous stage.
        var stages = LeadToOpportunitySalesProcess.Stages.InOrder;
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Propose, "a,b,c", ProcessInstanceState.Inactive, ProcessInstanceStatus.Finished);

        var updates = ProcessInstances.BackToQualify(instance);

        Assert.HasCount(3, updates);
        Assert.AreEqual(new OptionSetValue(0), updates[0][LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue(1), updates[0][LeadToOpportunitySalesProcess.Fields.StatusCode]);
        Assert.IsFalse(updates[0].Contains(LeadToOpportunitySalesProcess.Fields.ActiveStageId));
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Develop, updates[1].GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId).Id);
        Assert.AreEqual($"{stages[0]},{stages[1]}", updates[1][LeadToOpportunitySalesProcess.Fields.TraversedPath]);
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, updates[2].GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId).Id);
        Assert.AreEqual("f99b4d48-7aad-456e-864a-8e7d543f7495", updates[2][LeadToOpportunitySalesProcess.Fields.TraversedPath]);
    }

    [TestMethod]
    public void BackToQualify_AlreadyOnQualify_WritesNothing()
    {
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "f99b4d48-7aad-456e-864a-8e7d543f7495", ProcessInstanceState.Active, ProcessInstanceStatus.Active);

        var updates = ProcessInstances.BackToQualify(instance);

        Assert.IsEmpty(updates);
    }

    [TestMethod]
    public void BackToQualify_OnQualifyWithLongerPath_OnlyCutsThePath()
    {
        var stages = LeadToOpportunitySalesProcess.Stages.InOrder;
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Qualify, $"{stages[0]},{stages[1]}", ProcessInstanceState.Active, ProcessInstanceStatus.Active);

        var updates = ProcessInstances.BackToQualify(instance);

        Assert.HasCount(1, updates);
        Assert.AreEqual(instance.Id, updates[0].Id);
        Assert.HasCount(1, updates[0].Attributes);
        Assert.AreEqual("f99b4d48-7aad-456e-864a-8e7d543f7495", updates[0][LeadToOpportunitySalesProcess.Fields.TraversedPath]);
    }

    [TestMethod]
    public void BackToQualify_OnQualifyWithThePathInUpperCase_WritesNothing()
    {
        // The path is compared without regard to case: a Guid written in upper case is the same stage.
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "F99B4D48-7AAD-456E-864A-8E7D543F7495", ProcessInstanceState.Active, ProcessInstanceStatus.Active);

        Assert.IsEmpty(ProcessInstances.BackToQualify(instance));
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void BackToQualify_NoStageOrAStageOffTheProcess_PutsItOnQualifyInOneStep(bool unknownStage)
    {
        // A row read without its stage, or standing on a stage the process does not have (edited by hand).
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "x", ProcessInstanceState.Active, ProcessInstanceStatus.Active);
        instance[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = unknownStage ? new EntityReference(ProcessStage.EntityName, Guid.NewGuid()) : null!;

        var updates = ProcessInstances.BackToQualify(instance);

        Assert.HasCount(1, updates);
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, updates[0].GetAttributeValue<EntityReference>(LeadToOpportunitySalesProcess.Fields.ActiveStageId).Id);
        Assert.AreEqual("f99b4d48-7aad-456e-864a-8e7d543f7495", updates[0][LeadToOpportunitySalesProcess.Fields.TraversedPath]);
        Assert.IsFalse(updates[0].Contains(LeadToOpportunitySalesProcess.Fields.StateCode));
    }

    [TestMethod]
    public void BackToQualify_AbortedOnQualify_OnlyReactivates()
    {
        var instance = Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "f99b4d48-7aad-456e-864a-8e7d543f7495", ProcessInstanceState.Inactive, ProcessInstanceStatus.Aborted);

        var updates = ProcessInstances.BackToQualify(instance);

        Assert.HasCount(1, updates);
        Assert.HasCount(2, updates[0].Attributes);
        Assert.AreEqual(new OptionSetValue(0), updates[0][LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue(1), updates[0][LeadToOpportunitySalesProcess.Fields.StatusCode]);
    }

    [TestMethod]
    public void End_ActiveInstanceOnQualify_SetsInactiveAborted()
    {
        // Issue 20 item 5: Finished only on the last stage, so a process left on Qualify ends as Aborted.
        var update = ProcessInstances.End(Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "x", ProcessInstanceState.Active, ProcessInstanceStatus.Active))!;

        Assert.AreEqual(new OptionSetValue(1), update[LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue(3), update[LeadToOpportunitySalesProcess.Fields.StatusCode]);
        Assert.HasCount(2, update.Attributes);
    }

    [TestMethod]
    public void End_ActiveInstanceOnClose_SetsInactiveFinished()
    {
        var update = ProcessInstances.End(Instance(LeadToOpportunitySalesProcess.Stages.Close, "x", ProcessInstanceState.Active, ProcessInstanceStatus.Active))!;

        Assert.AreEqual(new OptionSetValue(1), update[LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue(2), update[LeadToOpportunitySalesProcess.Fields.StatusCode]);
    }

    [TestMethod]
    public void End_InactiveInstance_WritesNothing()
    {
        var update = ProcessInstances.End(Instance(LeadToOpportunitySalesProcess.Stages.Qualify, "x", ProcessInstanceState.Inactive, ProcessInstanceStatus.Aborted));

        Assert.IsNull(update);
    }

    private static Entity LeadIn(LeadState state)
    {
        var lead = new Entity(Lead.EntityName, LeadRef.Id);
        lead[Lead.Fields.StateCode] = new OptionSetValue((int)state);
        return lead;
    }

    private static Entity Instance(Guid stage, string path, ProcessInstanceState state, ProcessInstanceStatus status)
    {
        var instance = new Entity(LeadToOpportunitySalesProcess.EntityName, Guid.NewGuid());
        instance[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, stage);
        instance[LeadToOpportunitySalesProcess.Fields.TraversedPath] = path;
        instance[LeadToOpportunitySalesProcess.Fields.StateCode] = new OptionSetValue((int)state);
        instance[LeadToOpportunitySalesProcess.Fields.StatusCode] = new OptionSetValue((int)status);
        return instance;
    }
}
