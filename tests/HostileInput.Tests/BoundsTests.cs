using System;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Testing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Issue 14 item 8: policy quotes are short and escaped; null batch items, money and dates out of range fault.</summary>
[TestClass]
public sealed class BoundsTests
{
    private const int InvalidArgument = unchecked((int)0x80040203);

    [TestMethod]
    public void Policy_LongKeyWithRightToLeftOverride_QuotedShortAndEscaped()
    {
        // As long as the value column takes (2,000 characters); the quote stops at 200.
        var key = "\u202E" + new string('k', 1900);
        var emulator = ShippedSolution.Organization("{\"" + key + "\": true}");
        var service = emulator.GetOrganizationService();
        var leadId = service.Create(new Entity("lead") { ["lastname"] = "Berg", ["companyname"] = "Contoso" });
        var before = Snapshots.Of(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", leadId),
            CreateAccount = true,
            CreateContact = false,
            CreateOpportunity = false,
            Status = new OptionSetValue(-1),
        }));

        Assert.IsLessThan(600, fault.Message.Length, "the administrator's text was echoed unbounded");
        Assert.DoesNotContain("\u202E", fault.Message);
        Assert.Contains("\\u202e" + new string('k', 199) + "…", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void ExecuteMultiple_NullItem_FaultsBeforeAnyItemRuns()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var request = new ExecuteMultipleRequest
        {
            Requests = [new CreateRequest { Target = new Entity("lead") { ["lastname"] = "First" } }, null!],
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Execute(request));

        Assert.AreEqual(InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("index 1 is null", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void ExecuteTransaction_NullItem_FaultsBeforeAnyItemRuns()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var request = new ExecuteTransactionRequest { Requests = [null!, new CreateRequest { Target = new Entity("lead") { ["lastname"] = "Second" } }] };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Execute(request));

        Assert.AreEqual(InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("index 0 is null", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Money_DecimalMaxValue_FaultsAndNothingIsCreated()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Create(
            new Entity("lead") { ["lastname"] = "Berg", ["budgetamount"] = new Money(decimal.MaxValue) }));

        Assert.AreEqual(InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("outside the valid range. Accepted range: 0 to 1000000000000", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Money_BeyondThePlatformsCurrencyRange_FaultsOnUpdateAndTheRowIsUnchanged()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var accountId = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var before = Snapshots.Of(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.Update(
            new Entity("account", accountId) { ["creditlimit"] = new Money(-922_337_203_685_478m) }));

        Assert.Contains("Accepted range: ", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Money_MoreDecimalsThanTheColumnKeeps_Faults()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Create(
            new Entity("lead") { ["lastname"] = "Berg", ["budgetamount"] = new Money(10.125m) }));

        Assert.Contains("more than 2 decimal places", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Date_OutsideTheStoredRange_FaultsWithThePlatformsCode(bool latest)
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var date = latest ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().Create(
            new Entity("lead") { ["lastname"] = "Berg", ["estimatedclosedate"] = date }));

        Assert.AreEqual(unchecked((int)0x80040239), fault.Detail.ErrorCode);
        Assert.Contains("1753-01-01", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }
}
