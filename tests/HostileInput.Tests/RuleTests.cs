using System;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Testing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>
/// Issue 14 items 1-3: the same rules on every path. Qualifying by a state change obeys the policy; QualifyLead's
/// flags are never defaulted; the disqualify guard reads every request shape and words its refusal by the
/// opportunity's state. Each refusal leaves every row as it was.
/// </summary>
[TestClass]
public sealed class RuleTests
{
    private const int English = UserText.EnglishLcid;
    private const int German = UserText.GermanLcid;
    private const int Qualified = 1;
    private const int QualifiedStatus = 3;

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Update_ToQualifiedWithEmptyRequiredFields_RefusedNamingThem(int language)
    {
        var (emulator, service, leadId) = OrganizationWithLead(language: language);
        var before = Snapshots.Of(emulator);

        var message = Refused(() => service.Update(QualifiedTarget(leadId)));

        StringAssert.StartsWith(message, QualificationTexts.MissingFields.For(language)[..20], StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void SetState_ToQualifiedWithEmptyRequiredFields_Refused()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var before = Snapshots.Of(emulator);

        var message = Refused(() => service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", leadId),
            State = new OptionSetValue(Qualified),
            Status = new OptionSetValue(QualifiedStatus),
        }));

        StringAssert.StartsWith(message, "Fill in these fields before you qualify the lead", StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void SetStateDynamicEntity_ToQualifiedWithEmptyRequiredFields_Refused()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var before = Snapshots.Of(emulator);
        var request = new OrganizationRequest("SetStateDynamicEntity")
        {
            ["EntityMoniker"] = new EntityReference("lead", leadId),
            ["State"] = new OptionSetValue(Qualified),
            ["Status"] = new OptionSetValue(-1),
        };

        var message = Refused(() => service.Execute(request));

        StringAssert.StartsWith(message, "Fill in these fields before you qualify the lead", StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Update_ToQualifiedWhilePolicyIsMalformed_FailsClosed()
    {
        var (emulator, service, leadId) = OrganizationWithLead(policy: "{ not json", filled: true);
        var before = Snapshots.Of(emulator);

        var message = Refused(() => service.Update(QualifiedTarget(leadId)));

        StringAssert.StartsWith(message, PolicyTexts.English.Invalid[..40], StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Update_ToQualifiedWhenPolicyAlwaysCreatesRecords_RefusedSayingUseQualify(int language)
    {
        var (emulator, service, leadId) = OrganizationWithLead(policy: """{"opportunity":"always"}""", filled: true, language: language);
        var before = Snapshots.Of(emulator);

        var message = Refused(() => service.Update(QualifiedTarget(leadId)));

        Assert.AreEqual(LifecycleTexts.UseQualify.For(language), message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void ExecuteMultiple_UpdateToQualified_ItemRefusedAndLeadUnchanged()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var before = Snapshots.Of(emulator);

        var response = (ExecuteMultipleResponse)service.Execute(new ExecuteMultipleRequest
        {
            Requests = [new UpdateRequest { Target = QualifiedTarget(leadId) }],
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        });

        StringAssert.StartsWith(response.Responses!.Single().Fault!.Message, "Fill in these fields before you qualify the lead", StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void ExecuteTransaction_SetStateToQualified_RefusedAndNothingWritten()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var before = Snapshots.Of(emulator);
        var request = new ExecuteTransactionRequest
        {
            Requests =
            [
                new UpdateRequest { Target = new Entity("lead", leadId) { ["subject"] = "changed first" } },
                new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(Qualified), Status = new OptionSetValue(-1) },
            ],
        };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Execute(request));

        Assert.AreEqual(1, ((ExecuteTransactionFault)fault.Detail).FaultedRequestIndex);
        StringAssert.StartsWith(fault.Message, "Fill in these fields before you qualify the lead", StringComparison.Ordinal);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Update_ToQualifiedFillingTheRequiredFieldsInTheSameSave_IsAllowed()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var target = QualifiedTarget(leadId);
        target["budgetamount"] = new Money(5000);
        target["purchasetimeframe"] = new OptionSetValue(1);
        target["purchaseprocess"] = new OptionSetValue(0);

        service.Update(target);

        var lead = emulator.Get("lead", leadId)!;
        Assert.AreEqual(Qualified, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(QualifiedStatus, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void QualifyLead_GenericRequestWithoutCreateAccount_FaultsAndCreatesNothing()
    {
        var (emulator, service, leadId) = OrganizationWithLead(filled: true);
        var before = Snapshots.Of(emulator);
        var request = new OrganizationRequest("QualifyLead")
        {
            ["LeadId"] = new EntityReference("lead", leadId),
            ["CreateContact"] = true,
            ["CreateOpportunity"] = true,
            ["Status"] = new OptionSetValue(-1),
        };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Execute(request));

        Assert.Contains("CreateAccount", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void QualifyLead_CreateAccountAsText_FaultsAndCreatesNothing()
    {
        var (emulator, service, leadId) = OrganizationWithLead(filled: true);
        var before = Snapshots.Of(emulator);
        var request = new OrganizationRequest("QualifyLead")
        {
            ["LeadId"] = new EntityReference("lead", leadId),
            ["CreateAccount"] = "true",
            ["CreateContact"] = true,
            ["CreateOpportunity"] = true,
            ["Status"] = new OptionSetValue(-1),
        };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Execute(request));

        Assert.Contains("CreateAccount", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Enforcer_FlagMissing_RefusesInsteadOfTakingFalse()
    {
        var input = new ParameterCollection
        {
            ["LeadId"] = new EntityReference("lead", Guid.NewGuid()),
            ["CreateContact"] = true,
            ["CreateOpportunity"] = "true",
            ["Status"] = new OptionSetValue(-1),
        };

        var refusal = QualificationPlanner.CheckRequest(QualificationRequest.From(input));

        Assert.IsNotNull(refusal);
        Assert.AreEqual(new Refusal(QualificationTexts.RequestIncomplete, "CreateAccount, CreateOpportunity").Render(English), refusal.Render(English));
    }

    [TestMethod]
    [DataRow(English, 0)]
    [DataRow(English, 1)]
    [DataRow(German, 0)]
    [DataRow(German, 2)]
    public void Disqualify_LeadWithOpportunity_TextFollowsTheOpportunitysState(int language, int opportunityState)
    {
        var (emulator, service, leadId) = OrganizationWithLead(language: language);
        emulator.Seed(new Entity("opportunity", Guid.NewGuid())
        {
            ["name"] = "50 bikes",
            ["originatingleadid"] = new EntityReference("lead", leadId),
            ["statecode"] = new OptionSetValue(opportunityState),
            ["statuscode"] = new OptionSetValue(opportunityState switch { 0 => 1, 1 => 3, _ => 4 }),
        });
        var before = Snapshots.Of(emulator);

        var message = Refused(() => service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) }));

        var text = opportunityState == 0 ? LifecycleTexts.DisqualifyWithOpportunity : LifecycleTexts.DisqualifyWithClosedOpportunity;
        Assert.AreEqual(new Refusal(text, "50 bikes").Render(language), message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Disqualify_UpdateNamingTheLeadOnlyByLeadIdColumn_IsReadAsThatLead()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var target = new Entity("lead") { ["leadid"] = leadId, ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) };

        service.Update(target);

        Assert.AreEqual(2, emulator.Get("lead", leadId)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void Disqualify_StatecodeAsPlainInteger_MeetsThePlatformsTypeFaultBeforeAnyStep()
    {
        var (emulator, service, leadId) = OrganizationWithLead();
        var before = Snapshots.Of(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => service.Update(new Entity("lead", leadId) { ["statecode"] = 2, ["statuscode"] = new OptionSetValue(4) }));

        Assert.AreEqual(unchecked((int)0x80040203), fault.Detail.ErrorCode);
        Assert.Contains("System.Int32", fault.Message);
        Assert.IsFalse(emulator.TraceLog.Entries.Any(e => e.Message == "Update"), "a step ran before the type fault");
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    private static Entity QualifiedTarget(Guid leadId) =>
        new("lead", leadId) { ["statecode"] = new OptionSetValue(Qualified), ["statuscode"] = new OptionSetValue(QualifiedStatus) };

    /// <summary>The shipped solution, a seller of <paramref name="language"/>, and an open lead (required fields filled or empty).</summary>
    private static (XrmEmulator Emulator, IOrganizationService Service, Guid LeadId) OrganizationWithLead(
        string? policy = null, bool filled = false, int language = English)
    {
        var emulator = ShippedSolution.Organization(policy);
        var seller = emulator.GetOrganizationService(emulator.CreateUser("Kim", "Berg", uiLanguageId: language, roles: ["Salesperson"]));
        var lead = new Entity("lead") { ["subject"] = "50 bikes", ["lastname"] = "Berg", ["companyname"] = "Contoso" };
        if (filled)
        {
            lead["budgetamount"] = new Money(5000);
            lead["purchasetimeframe"] = new OptionSetValue(1);
            lead["purchaseprocess"] = new OptionSetValue(0);
        }

        return (emulator, seller, emulator.GetOrganizationService().Create(lead));
    }

    private static string Refused(Action action) =>
        Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action).Message;
}
