using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests;

[TestClass]
public sealed class ValidationTests
{
    [TestMethod]
    public void Create_UnknownTable_FaultsQueryBuilderNoEntity()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Create(new Entity("nosuchtable")));

        Assert.AreEqual(Faults.QueryBuilderNoEntity, code);
        Assert.AreEqual(unchecked((int)0x80041102), code);
    }

    [TestMethod]
    public void Create_UnknownColumn_FaultsQueryBuilderNoAttribute()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["nosuchcolumn"] = "x";

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(unchecked((int)0x80041103), code);
    }

    [TestMethod]
    public void Create_WrongValueType_FaultsInvalidArgument()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["leadsourcecode"] = 3;

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(unchecked((int)0x80040203), code);
    }

    [TestMethod]
    public void Create_StringTooLong_FaultsStringLengthTooLong()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead(firstName: new string('a', 51));

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(Faults.StringLengthTooLong, code);
    }

    [TestMethod]
    public void Create_OptionNotInSet_FaultsPicklistValueOutOfRange()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["leadsourcecode"] = new OptionSetValue(42);

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(unchecked((int)0x8004431A), code);
    }

    [TestMethod]
    public void Create_StatusOfOtherState_FaultsInvalidStateCodeStatusCode()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["statuscode"] = new OptionSetValue(3);

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(unchecked((int)0x80048408), code);
    }

    [TestMethod]
    public void Update_StatusNotValidForState_FaultsInvalidStateCodeStatusCode()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        var code = TestSupport.FaultCode(() => service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(4) }));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
    }

    [TestMethod]
    public void Update_StateWithoutStatus_UsesDefaultStatus()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2) });

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(4, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Create_WithStateCode_FaultsInvalidArgument()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["statecode"] = new OptionSetValue(0);

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void Create_LookupToMissingRecord_FaultsObjectDoesNotExist()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var lead = TestSupport.Lead();
        lead["parentaccountid"] = new EntityReference("account", Guid.NewGuid());

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(unchecked((int)0x80040217), code);
    }

    [TestMethod]
    public void Create_LookupToWrongTable_FaultsInvalidArgument()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var contactId = service.Create(new Entity("contact") { ["lastname"] = "C" });
        var lead = TestSupport.Lead();
        lead["parentaccountid"] = new EntityReference("contact", contactId);

        var code = TestSupport.FaultCode(() => service.Create(lead));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void Create_CustomerLookupToContact_IsAccepted()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var contactId = service.Create(new Entity("contact") { ["lastname"] = "C" });

        var id = service.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("contact", contactId) });

        Assert.AreEqual(contactId, emulator.Get("opportunity", id)!.GetAttributeValue<EntityReference>("customerid").Id);
    }

    [TestMethod]
    public void Create_DuplicateId_FaultsDuplicateRecord()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = Guid.NewGuid();
        service.Create(new Entity("account", id) { ["name"] = "First" });

        var code = TestSupport.FaultCode(() => service.Create(new Entity("account", id) { ["name"] = "Second" }));

        Assert.AreEqual(unchecked((int)0x80040237), code);
    }

    [TestMethod]
    public void Retrieve_MissingRecord_FaultsWithPlatformMessage()
    {
        var service = new XrmEmulator().GetOrganizationService();
        var id = Guid.NewGuid();

        var fault = Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => service.Retrieve("lead", id, new ColumnSet(true)));

        Assert.AreEqual(Faults.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.AreEqual($"lead With Id = {id} Does Not Exist", fault.Detail.Message);
    }

    [TestMethod]
    public void Update_MissingRecord_FaultsObjectDoesNotExist()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Update(new Entity("lead", Guid.NewGuid()) { ["subject"] = "x" }));

        Assert.AreEqual(Faults.ObjectDoesNotExist, code);
    }

    [TestMethod]
    public void Delete_MissingRecord_FaultsObjectDoesNotExist()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Delete("lead", Guid.NewGuid()));

        Assert.AreEqual(Faults.ObjectDoesNotExist, code);
    }

    [TestMethod]
    public void Update_ReadOnlyColumn_IsIgnored()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());

        service.Update(new Entity("lead", id) { ["fullname"] = "Someone Else", ["createdon"] = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        var row = emulator.Get("lead", id)!;
        Assert.AreEqual("Ada Lovelace", row.GetAttributeValue<string>("fullname"));
        Assert.AreEqual(emulator.Clock.UtcNow, row.GetAttributeValue<DateTime>("createdon"));
    }

    [TestMethod]
    public void Execute_UnknownMessage_FaultsNotImplemented()
    {
        var service = new XrmEmulator().GetOrganizationService();

        var code = TestSupport.FaultCode(() => service.Execute(new OrganizationRequest("NoSuchMessage")));

        Assert.AreEqual(Faults.NotImplemented, code);
    }
}
