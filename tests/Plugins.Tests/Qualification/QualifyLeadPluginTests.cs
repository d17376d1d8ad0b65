using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Registration;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Qualification;

[TestClass]
public sealed class QualifyLeadPluginTests
{
    private readonly Entity _lead = Some.QualifiableLead();

    [TestMethod]
    public void Enforcer_DefaultPolicyNothingExisting_ReadsPolicyAndLeadWithItsMatchesInTwoCalls()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);

        harness.Run<QualificationPolicyEnforcer>();

        // Issue 15: the account and contact lookups are outer joins of the lead query, not queries of their own.
        CollectionAssert.AreEqual(
            new[] { "RetrieveMultiple environmentvariabledefinition", "RetrieveMultiple lead" },
            harness.Service.Calls);
        var leadQuery = harness.Service.Queries.Single(q => q.EntityName == Lead.EntityName);
        CollectionAssert.AreEqual(
            new[] { "account:companyname=name:LeftOuter", "contact:emailaddress1=emailaddress1:LeftOuter" },
            leadQuery.LinkEntities.Select(l => $"{l.LinkToEntityName}:{l.LinkFromAttributeName}={l.LinkToAttributeName}:{l.JoinOperator}").ToArray());
        Assert.IsTrue(leadQuery.LinkEntities.All(l => l.LinkCriteria.Conditions.Single() is { AttributeName: "statecode" } c && (int)c.Values[0] == 0), "active records only");
        Assert.IsTrue((bool)harness.Context.InputParameters[ParameterNames.CreateAccount]);
        Assert.IsTrue((bool)harness.Context.InputParameters[ParameterNames.CreateContact]);
        Assert.IsNotNull(QualificationHandoff.ReadFrom(harness.Context.SharedVariables));
    }

    [TestMethod]
    public void Enforcer_LeadQuery_AsksOnlyForNeededColumns()
    {
        var harness = PreOperation(_lead, createAccount: false, createContact: false, createOpportunity: false);

        harness.Run<QualificationPolicyEnforcer>();

        var leadQuery = harness.Service.Queries.Single(q => q.EntityName == Lead.EntityName);
        Assert.IsFalse(leadQuery.ColumnSet.AllColumns);
        CollectionAssert.AreEquivalent(QualificationPlanner.ColumnsToRead(QualificationPolicy.Default), leadQuery.ColumnSet.Columns.ToArray());
    }

    [TestMethod]
    public void Enforcer_ExistingAccountAndContact_LinksThemWithoutMatchQueries()
    {
        var account = Some.AccountRef();
        var contact = Some.ContactRef();
        _lead[Lead.Fields.ParentAccountId] = account;
        _lead[Lead.Fields.ParentContactId] = contact;
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);

        harness.Run<QualificationPolicyEnforcer>();

        Assert.AreEqual(2, harness.Service.DataCalls);
        Assert.IsFalse((bool)harness.Context.InputParameters[ParameterNames.CreateAccount]);
        Assert.IsFalse((bool)harness.Context.InputParameters[ParameterNames.CreateContact]);
        Assert.AreEqual(account, harness.Context.InputParameters[ParameterNames.OpportunityCustomerId]);
    }

    [TestMethod]
    public void Enforcer_MatchingActiveAccount_LinksItAsCustomer()
    {
        var matched = new Entity(Account.EntityName, Guid.NewGuid());
        matched[Account.Fields.Name] = " CONTOSO ";
        var harness = PreOperation(_lead, createAccount: true, createContact: false, createOpportunity: true);
        harness.Service.Answer(Account.EntityName, matched);

        harness.Run<QualificationPolicyEnforcer>();

        Assert.AreEqual(2, harness.Service.DataCalls, "the match came with the lead");

        Assert.IsFalse((bool)harness.Context.InputParameters[ParameterNames.CreateAccount]);
        Assert.AreEqual(new EntityReference(Account.EntityName, matched.Id), harness.Context.InputParameters[ParameterNames.OpportunityCustomerId]);
        Assert.AreEqual(matched.Id, QualificationHandoff.ReadFrom(harness.Context.SharedVariables)!.LinkedAccountId);
    }

    [TestMethod]
    public void Enforcer_TwoMatchingAccounts_TheOldestJoinedOneIsLinked()
    {
        var newer = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Fields.Name] = "Contoso", ["createdon"] = new DateTime(2030, 1, 2, 0, 0, 0, DateTimeKind.Utc) };
        var older = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Fields.Name] = "contoso", ["createdon"] = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var other = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Fields.Name] = "Contoso Ltd", ["createdon"] = new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var harness = PreOperation(_lead, createAccount: true, createContact: false, createOpportunity: true);
        harness.Service.Answer(Account.EntityName, newer, other, older);

        harness.Run<QualificationPolicyEnforcer>();

        Assert.AreEqual(older.Id, QualificationHandoff.ReadFrom(harness.Context.SharedVariables)!.LinkedAccountId);
    }

    [TestMethod]
    public void Enforcer_LeadCompanyWithSurroundingSpaces_LooksTheTrimmedNameUpAlone()
    {
        _lead[Lead.Fields.CompanyName] = "  Contoso ";
        var matched = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Fields.Name] = "Contoso" };
        var harness = PreOperation(_lead, createAccount: true, createContact: false, createOpportunity: true);
        harness.Service.Answer(Account.EntityName, matched);

        harness.Run<QualificationPolicyEnforcer>();

        // A join compares stored values, so " Contoso " would miss "Contoso": the trimmed name gets its own query.
        CollectionAssert.AreEqual(
            new[] { "RetrieveMultiple environmentvariabledefinition", "RetrieveMultiple lead", "RetrieveMultiple account" },
            harness.Service.Calls);
        Assert.AreEqual("Contoso", harness.Service.Queries.Last().Criteria.Conditions.Single(c => c.AttributeName == Account.Fields.Name).Values[0]);
        Assert.AreEqual(matched.Id, QualificationHandoff.ReadFrom(harness.Context.SharedVariables)!.LinkedAccountId);
    }

    [TestMethod]
    public void Enforcer_MatchingOff_LeadQueryJoinsNothing()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Service.WithPolicy("""{"matchExisting":false}""");

        harness.Run<QualificationPolicyEnforcer>();

        Assert.AreEqual(2, harness.Service.DataCalls);
        var leadQuery = harness.Service.Queries.Single(q => q.EntityName == Lead.EntityName);
        Assert.IsEmpty(leadQuery.LinkEntities);
        Assert.AreEqual(1, leadQuery.TopCount);
    }

    [TestMethod]
    public void Enforcer_MissingFieldsForGermanUser_RefusesInGermanWithoutChangingTheRequest()
    {
        _lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        _lead.Attributes.Remove(Lead.Fields.PurchaseTimeframe);
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Service.UserLanguage = 1031;

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(Texts.Format(QualificationTexts.German.MissingFields, "Budgetbetrag, Kaufzeitrahmen"), error.Message);
        Assert.AreEqual(OperationStatus.Failed, error.Status);
        Assert.IsFalse(harness.Context.SharedVariables.ContainsKey("lqx.qualify.plan"));
        Assert.IsEmpty(harness.Service.Updates);
    }

    [TestMethod]
    public void Enforcer_MalformedPolicy_FailsClosedBeforeReadingTheLead()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Service.WithPolicy("""{"account":"sometimes"}""");

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(Texts.Format(PolicyTexts.English.Invalid, Texts.Format(PolicyTexts.English.UnknownMode, "account", "sometimes")), error.Message);
        Assert.AreEqual(1, harness.Service.DataCalls);
    }

    [TestMethod]
    public void Enforcer_ValueOverridesDefault_DefaultUsedWhenValueEmpty()
    {
        var withValue = PreOperation(_lead, createAccount: false, createContact: false, createOpportunity: false);
        withValue.Service.WithPolicy("""{"account":"always"}""");
        var withEmptyValue = PreOperation(_lead, createAccount: false, createContact: false, createOpportunity: false);
        withEmptyValue.Service.WithPolicy(" ", """{"contact":"always"}""");

        withValue.Run<QualificationPolicyEnforcer>();
        withEmptyValue.Run<QualificationPolicyEnforcer>();

        Assert.IsTrue((bool)withValue.Context.InputParameters[ParameterNames.CreateAccount]);
        Assert.IsFalse((bool)withValue.Context.InputParameters[ParameterNames.CreateContact]);
        Assert.IsTrue((bool)withEmptyValue.Context.InputParameters[ParameterNames.CreateContact]);
        Assert.IsFalse((bool)withEmptyValue.Context.InputParameters[ParameterNames.CreateAccount]);
    }

    [TestMethod]
    public void Enforcer_UnknownLead_RefusesNotFound()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Service.Answer(Lead.EntityName);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(QualificationTexts.English.LeadNotFound, error.Message);
    }

    [TestMethod]
    public void Enforcer_ClosedLead_RefusesClosed()
    {
        _lead[Lead.Fields.StateCode] = new OptionSetValue((int)LeadState.Disqualified);
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(QualificationTexts.English.LeadClosed, error.Message);
    }

    [TestMethod]
    public void Enforcer_DisqualifyStatus_RefusedWithoutAnyDataCall()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true, status: 4);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(QualificationTexts.English.StatusNotQualified, error.Message);
        Assert.AreEqual(0, harness.Service.DataCalls);
    }

    [TestMethod]
    public void Enforcer_NoLeadId_RefusesLeadMissing()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Context.InputParameters.Remove(ParameterNames.LeadId);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(QualificationTexts.English.LeadMissing, error.Message);
    }

    [TestMethod]
    public void Enforcer_OpportunityWithoutCustomer_Refuses()
    {
        var harness = PreOperation(_lead, createAccount: false, createContact: false, createOpportunity: true);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<QualificationPolicyEnforcer>);

        Assert.AreEqual(QualificationTexts.English.CustomerRequired, error.Message);
    }

    [TestMethod]
    public void PreThenPost_ReusedAccountCreatedContact_LinksEverythingWithTwoUpdates()
    {
        var account = Some.AccountRef();
        _lead[Lead.Fields.ParentAccountId] = account;
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Run<QualificationPolicyEnforcer>();
        var opportunity = new EntityReference(Opportunity.EntityName, Guid.NewGuid());
        var contact = Some.ContactRef();
        harness.Context.Stage = (int)Stage.PostOperation;
        harness.Context.OutputParameters[ParameterNames.CreatedEntities] = new EntityReferenceCollection { contact, opportunity };
        harness.Service.Calls.Clear();

        harness.Run<QualifiedRecordsLinker>();

        CollectionAssert.AreEqual(new[] { "Update opportunity", "Update lead" }, harness.Service.Calls);
        var opportunityUpdate = harness.Service.Updates[0];
        Assert.AreEqual(opportunity.Id, opportunityUpdate.Id);
        Assert.AreEqual(account, opportunityUpdate[Opportunity.Fields.ParentAccountId]);
        Assert.AreEqual(contact, opportunityUpdate[Opportunity.Fields.ParentContactId]);
        Assert.AreEqual(account, opportunityUpdate[Opportunity.Fields.CustomerId]);
        Assert.AreEqual(new Money(5000m), opportunityUpdate[Opportunity.Fields.BudgetAmount]);
        Assert.AreEqual(new OptionSetValue(1), opportunityUpdate[Opportunity.Fields.PurchaseTimeframe]);
        Assert.AreEqual(new OptionSetValue(0), opportunityUpdate[Opportunity.Fields.PurchaseProcess]);
        Assert.IsTrue((bool)opportunityUpdate[Opportunity.Fields.DecisionMaker]);
        Assert.AreEqual(new OptionSetValue(2), opportunityUpdate[Opportunity.Fields.Need]);
        var leadUpdate = harness.Service.Updates[1];
        Assert.AreEqual(_lead.Id, leadUpdate.Id);
        Assert.AreEqual(new EntityReference(Opportunity.EntityName, opportunity.Id), leadUpdate[Lead.Fields.QualifyingOpportunityId]);
        Assert.AreEqual(contact, leadUpdate[Lead.Fields.ParentContactId]);
        Assert.IsFalse(leadUpdate.Contains(Lead.Fields.ParentAccountId));
    }

    [TestMethod]
    public void PreThenPost_LeadAlreadyHasQualifyingOpportunity_LeavesIt()
    {
        _lead[Lead.Fields.QualifyingOpportunityId] = new EntityReference(Opportunity.EntityName, Guid.NewGuid());
        _lead[Lead.Fields.ParentAccountId] = Some.AccountRef();
        var harness = PreOperation(_lead, createAccount: false, createContact: false, createOpportunity: true);
        harness.Run<QualificationPolicyEnforcer>();
        harness.Context.Stage = (int)Stage.PostOperation;
        harness.Context.OutputParameters[ParameterNames.CreatedEntities] = new EntityReferenceCollection { new EntityReference(Opportunity.EntityName, Guid.NewGuid()) };
        harness.Service.Calls.Clear();

        harness.Run<QualifiedRecordsLinker>();

        CollectionAssert.AreEqual(new[] { "Update opportunity" }, harness.Service.Calls);
    }

    [TestMethod]
    public void PreThenPost_FinishProcessWithoutOpportunity_EndsTheActiveInstanceOnQualifyAsAborted()
    {
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: false);
        harness.Service.WithPolicy("""{"finishProcessWithoutOpportunity":true}""");
        var instance = new Entity(LeadToOpportunitySalesProcess.EntityName, Guid.NewGuid());
        instance[LeadToOpportunitySalesProcess.Fields.ActiveStageId] = new EntityReference(ProcessStage.EntityName, LeadToOpportunitySalesProcess.Stages.Qualify);
        instance[LeadToOpportunitySalesProcess.Fields.StateCode] = new OptionSetValue((int)ProcessInstanceState.Active);
        instance[LeadToOpportunitySalesProcess.Fields.StatusCode] = new OptionSetValue((int)ProcessInstanceStatus.Active);
        harness.Service.Answer(LeadToOpportunitySalesProcess.EntityName, instance);
        harness.Run<QualificationPolicyEnforcer>();
        harness.Context.Stage = (int)Stage.PostOperation;
        harness.Context.OutputParameters[ParameterNames.CreatedEntities] = new EntityReferenceCollection { Some.AccountRef(), Some.ContactRef() };
        harness.Service.Calls.Clear();

        harness.Run<QualifiedRecordsLinker>();

        CollectionAssert.AreEqual(new[] { "Update lead", "RetrieveMultiple leadtoopportunitysalesprocess", "Update leadtoopportunitysalesprocess" }, harness.Service.Calls);
        var finish = harness.Service.Updates.Last();
        Assert.AreEqual(instance.Id, finish.Id);
        Assert.AreEqual(new OptionSetValue(1), finish[LeadToOpportunitySalesProcess.Fields.StateCode]);
        Assert.AreEqual(new OptionSetValue((int)ProcessInstanceStatus.Aborted), finish[LeadToOpportunitySalesProcess.Fields.StatusCode]);
    }

    [TestMethod]
    public void PreThenShaperThenPost_MatchedAccountCreatedContact_OpportunityShapedAtCreationOnlyTheLeadUpdated()
    {
        var matched = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Fields.Name] = "Contoso" };
        var harness = PreOperation(_lead, createAccount: true, createContact: true, createOpportunity: true);
        harness.Service.Answer(Account.EntityName, matched);
        harness.Run<QualificationPolicyEnforcer>();
        var qualifyContext = harness.Context;
        var contact = Some.ContactRef();
        var target = new Entity(Opportunity.EntityName) { [Opportunity.Fields.ParentContactId] = contact, [Opportunity.Fields.Name] = "Contoso deal" };
        var shaper = PluginHarness.For<QualifiedOpportunityShaper>(MessageNames.Create);
        shaper.Context.PrimaryEntityName = Opportunity.EntityName;
        shaper.Context.Stage = (int)Stage.PreOperation;
        shaper.Context.ParentContext = qualifyContext;
        shaper.Context.InputParameters[ParameterNames.Target] = target;

        shaper.Run<QualifiedOpportunityShaper>();

        Assert.IsEmpty(shaper.Service.Calls, "shaping the Target costs no call");
        Assert.AreEqual(new EntityReference(Account.EntityName, matched.Id), target[Opportunity.Fields.ParentAccountId]);
        Assert.AreEqual(contact, target[Opportunity.Fields.ParentContactId]);
        Assert.AreEqual(new EntityReference(Account.EntityName, matched.Id), target[Opportunity.Fields.CustomerId]);
        Assert.AreEqual(new Money(5000m), target[Opportunity.Fields.BudgetAmount]);
        Assert.AreEqual(new OptionSetValue(1), target[Opportunity.Fields.PurchaseTimeframe]);
        Assert.AreEqual(new OptionSetValue(0), target[Opportunity.Fields.PurchaseProcess]);
        Assert.IsTrue((bool)target[Opportunity.Fields.DecisionMaker]);
        Assert.AreEqual(new OptionSetValue(2), target[Opportunity.Fields.Need]);
        Assert.AreEqual("Contoso deal", target[Opportunity.Fields.Name]);

        var opportunity = new EntityReference(Opportunity.EntityName, Guid.NewGuid());
        harness.Context.Stage = (int)Stage.PostOperation;
        harness.Context.OutputParameters[ParameterNames.CreatedEntities] = new EntityReferenceCollection { contact, opportunity };
        harness.Service.Calls.Clear();
        harness.Run<QualifiedRecordsLinker>();

        CollectionAssert.AreEqual(new[] { "Update lead" }, harness.Service.Calls);
        CollectionAssert.Contains(harness.TraceLines, TraceTexts.OpportunityShaped);
        Assert.AreEqual(new EntityReference(Account.EntityName, matched.Id), harness.Service.Updates.Single()[Lead.Fields.ParentAccountId]);
    }

    [TestMethod]
    public void Shaper_OpportunityCreatedOutsideQualifyLead_LeavesTheTargetAlone()
    {
        var target = new Entity(Opportunity.EntityName) { [Opportunity.Fields.Name] = "Direct" };
        var shaper = PluginHarness.For<QualifiedOpportunityShaper>(MessageNames.Create);
        shaper.Context.PrimaryEntityName = Opportunity.EntityName;
        shaper.Context.Stage = (int)Stage.PreOperation;
        shaper.Context.InputParameters[ParameterNames.Target] = target;

        shaper.Run<QualifiedOpportunityShaper>();

        Assert.HasCount(1, target.Attributes);
        Assert.IsEmpty(shaper.Service.Calls);
        CollectionAssert.Contains(shaper.TraceLines, TraceTexts.NotFromQualifyLead);
    }

    [TestMethod]
    public void Linker_WithoutHandoff_DoesNothing()
    {
        var harness = PluginHarness.For<QualifiedRecordsLinker>(MessageNames.QualifyLead);
        harness.Context.InputParameters[ParameterNames.LeadId] = new EntityReference(Lead.EntityName, Guid.NewGuid());

        harness.Run<QualifiedRecordsLinker>();

        Assert.IsEmpty(harness.Service.Calls);
        CollectionAssert.Contains(harness.TraceLines, TraceTexts.NoQualificationPlan);
    }

    private static PluginHarness PreOperation(Entity lead, bool createAccount, bool createContact, bool createOpportunity, int status = -1)
    {
        var harness = PluginHarness.For<QualificationPolicyEnforcer>(MessageNames.QualifyLead);
        harness.Service.WithPolicy(null).Answer(Lead.EntityName, lead);
        var input = harness.Context.InputParameters;
        input[ParameterNames.LeadId] = new EntityReference(Lead.EntityName, lead.Id);
        input[ParameterNames.CreateAccount] = createAccount;
        input[ParameterNames.CreateContact] = createContact;
        input[ParameterNames.CreateOpportunity] = createOpportunity;
        input[ParameterNames.Status] = new OptionSetValue(status);
        return harness;
    }
}
