using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Tests;

/// <summary>What every plug-in does before and around its rule: the error paths of the base class and the context.</summary>
[TestClass]
public sealed class PluginBaseTests
{
    [TestMethod]
    public void Execute_WithoutServiceProvider_ThrowsTheGenericMessageInEnglish()
    {
        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => new LeadReactivation().Execute(null!));

        Assert.AreEqual(CommonTexts.English.Unexpected, error.Message);
        Assert.AreEqual(OperationStatus.Failed, error.Status);
    }

    [TestMethod]
    public void RequiredPreImage_Missing_TheInnerErrorNamesTheAlias()
    {
        var harness = PluginHarness.For<ClosedLeadDeleteGuard>(MessageNames.Delete);
        harness.Context.InputParameters[ParameterNames.Target] = new EntityReference(Lead.EntityName, Guid.NewGuid());

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(harness.Run<ClosedLeadDeleteGuard>);

        Assert.AreEqual($"The step expects a pre-image named '{ClosedLeadDeleteGuard.PreImageAlias}'.", error.InnerException!.Message);
    }

    [TestMethod]
    public void UserLanguage_SettingsCannotBeRead_EnglishAndTheReasonTraced()
    {
        var trace = new Tracer();

        var language = UserLanguage.Read(new Refusing(), Guid.NewGuid(), trace);

        Assert.AreEqual(UserText.EnglishLcid, language);
        Assert.HasCount(1, trace.Lines);
        StringAssert.Contains(trace.Lines[0], "no settings row", StringComparison.Ordinal);
    }

    [TestMethod]
    public void UserLanguage_SettingsWithoutLanguage_English()
    {
        var service = new FakeOrganizationService();
        var settings = new Entity(UserSettings.EntityName, Guid.NewGuid());

        Assert.AreEqual(UserText.EnglishLcid, UserLanguage.Read(new Answering(settings), settings.Id, new Tracer()));
        service.UserLanguage = UserText.GermanLcid;
        Assert.AreEqual(UserText.GermanLcid, UserLanguage.Read(service, settings.Id, new Tracer()));
    }

    private sealed class Tracer : ITracingService
    {
        public List<string> Lines { get; } = [];

        public void Trace(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    /// <summary>Answers every Retrieve with one row.</summary>
    private sealed class Answering(Entity row) : Refusing
    {
        public override Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => row;
    }

    /// <summary>Fails every call, as a service does for a user without a settings row.</summary>
    private class Refusing : IOrganizationService
    {
        public virtual Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new InvalidOperationException("no settings row");

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();
    }
}
