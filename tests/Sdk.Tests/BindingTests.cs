using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Sdk.Tests;

/// <summary>
/// The shipped net462 assemblies reference exactly Microsoft's SDK identities, are signed with our key, and run
/// on .NET 10 against the clean-room SDK: the binaries that ship are the binaries that are tested.
/// </summary>
[TestClass]
public sealed class BindingTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    // Token of LeadQualifyExtensions.snk; changing the key changes every plug-in's identity in Dataverse.
    private const string OurToken = "cec87b6680c81a69";

    public TestContext TestContext { get; set; } = null!;

    private static string PluginsPath => ShippedAssembly("PluginsAssembly");

    private static string WorkflowsPath => ShippedAssembly("WorkflowsAssembly");

    [TestMethod]
    public void Plugins_SdkReferences_AreMicrosoftIdentities()
    {
        var references = AssemblyReferences(PluginsPath);

        AssertSdkReference(references, "Microsoft.Xrm.Sdk");
        AssertEverySdkReferenceIsMicrosofts(references);
        Assert.IsFalse(references.ContainsKey("netstandard"), "A netstandard reference would not resolve in the Dataverse sandbox.");
    }

    [TestMethod]
    public void Workflows_SdkReferences_AreMicrosoftAndFrameworkIdentities()
    {
        var references = AssemblyReferences(WorkflowsPath);

        AssertSdkReference(references, "Microsoft.Xrm.Sdk");
        AssertSdkReference(references, "Microsoft.Xrm.Sdk.Workflow");
        AssertEverySdkReferenceIsMicrosofts(references);
        Assert.AreEqual(new Version(4, 0, 0, 0), references["System.Activities"].Version);
        Assert.AreEqual(MicrosoftToken, Token(references["System.Activities"]));
        Assert.IsFalse(references.ContainsKey("netstandard"), "A netstandard reference would not resolve in the Dataverse sandbox.");
    }

    [TestMethod]
    [DataRow("PluginsAssembly")]
    [DataRow("WorkflowsAssembly")]
    public void ShippedAssembly_IsStrongNamedWithOurKeyForNet462(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(ShippedAssembly(assembly)));
        var metadata = pe.GetMetadataReader();
        var definition = metadata.GetAssemblyDefinition();
        var publicKey = metadata.GetBlobBytes(definition.PublicKey);
        var framework = metadata.CustomAttributes
            .Select(metadata.GetCustomAttribute)
            .Select(attribute => attribute.DecodeValue(new StringOnlyProvider()))
            .Where(value => value.FixedArguments.Length == 1 && value.FixedArguments[0].Value is string text && text.StartsWith(".NETFramework", StringComparison.Ordinal))
            .Select(value => (string)value.FixedArguments[0].Value!)
            .SingleOrDefault();

        Assert.AreEqual(OurToken, TokenOf(publicKey));
        Assert.IsTrue(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), "The assembly must carry a strong-name signature.");
        Assert.AreEqual(".NETFramework,Version=v4.6.2", framework);
    }

    [TestMethod]
    [DataRow("PluginsAssembly")]
    [DataRow("WorkflowsAssembly")]
    public void ShippedAssembly_ReferencesOnlySdkAndNet462Framework(string assembly)
    {
        // The sandbox offers the SDK and .NET Framework 4.6.2 itself, nothing else: no facade, no
        // System.ValueTuple, no NuGet library.
        var framework = Path.Combine(MetadataValue("Net462ReferenceAssemblies"), "build", ".NETFramework", "v4.6.2");
        var sdk = new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };

        var strangers = AssemblyReferences(ShippedAssembly(assembly)).Keys
            .Where(name => !sdk.Contains(name) && !File.Exists(Path.Combine(framework, name + ".dll")))
            .ToList();

        Assert.IsEmpty(strangers, string.Join(", ", strangers));
    }

    [TestMethod]
    public void Plugins_EveryPluginType_RunsOnNet10AgainstCleanRoomSdk()
    {
        var plugins = Assembly.LoadFrom(PluginsPath).GetTypes()
            .Where(type => typeof(IPlugin).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();
        Assert.IsNotEmpty(plugins, "The Plugins assembly declares no plug-in.");

        foreach (var type in plugins)
        {
            var plugin = (IPlugin)Activator.CreateInstance(type, null, null)!;
            var services = new Services("NoSuchMessage");

            plugin.Execute(services);

            // An undeclared step is skipped, traced and touches no data: the base ran end to end.
            Assert.IsTrue(services.Trace.Lines.Any(line => line.StartsWith("Skipped:", StringComparison.Ordinal)), type.FullName);
            Assert.AreEqual(0, services.Calls, type.FullName);
            TestContext.WriteLine($"{type.FullName}: ran on .NET 10");
        }
    }

    [TestMethod]
    public void Workflows_AdvanceProcessStage_RunsOnNet10ThroughActivitiesStandIn()
    {
        var type = Assembly.LoadFrom(WorkflowsPath).GetType("LeadQualifyExtensions.Workflows.Activities.AdvanceProcessStage", throwOnError: true)!;
        var activity = (System.Activities.Activity)Activator.CreateInstance(type)!;
        var services = new Services("ExecuteWorkflow");
        var invoker = new System.Activities.WorkflowInvoker(activity);
        invoker.Extensions.Add<IWorkflowContext>(() => services.WorkflowContext);
        invoker.Extensions.Add<IOrganizationServiceFactory>(() => services);
        invoker.Extensions.Add<ITracingService>(() => services.Trace);

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => invoker.Invoke(new Dictionary<string, object>
        {
            ["Lead"] = new EntityReference("lead", Guid.NewGuid()),
        }));

        // No process instance exists, so the activity asked for one and reported it in the user's words.
        Assert.StartsWith("This record has no Lead to Opportunity business process.", error.Message);
        Assert.AreEqual(1, services.Calls);
    }

    private static void AssertSdkReference(Dictionary<string, AssemblyName> references, string name)
    {
        Assert.IsTrue(references.TryGetValue(name, out var reference), $"No reference to {name}.");
        Assert.AreEqual(new Version(9, 0, 0, 0), reference.Version, name);
        Assert.AreEqual(MicrosoftToken, Token(reference), name);
        Assert.IsTrue(string.IsNullOrEmpty(reference.CultureName), name);
    }

    private static void AssertEverySdkReferenceIsMicrosofts(Dictionary<string, AssemblyName> references)
    {
        foreach (var name in references.Keys.Where(name => name.StartsWith("Microsoft.Xrm.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Crm.", StringComparison.Ordinal)))
        {
            AssertSdkReference(references, name);
        }
    }

    private static Dictionary<string, AssemblyName> AssemblyReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName())
            .ToDictionary(name => name.Name!, StringComparer.Ordinal);
    }

    private static string Token(AssemblyName name) => Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []);

    // A public key token is by definition the last 8 bytes of the key's SHA-1 hash, reversed.
#pragma warning disable CA5350
    private static string TokenOf(byte[] publicKey) =>
        Convert.ToHexStringLower(SHA1.HashData(publicKey).TakeLast(8).Reverse().ToArray());
#pragma warning restore CA5350

    private static string MetadataValue(string key) =>
        typeof(BindingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string ShippedAssembly(string key)
    {
        var path = MetadataValue(key);
        Assert.IsTrue(File.Exists(path), $"Build the solution first: {path} is missing.");
        return path;
    }

    /// <summary>Decodes custom attributes whose arguments are strings, which is all TargetFrameworkAttribute has.</summary>
    private sealed class StringOnlyProvider : ICustomAttributeTypeProvider<object?>
    {
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode;

        public object? GetSystemType() => null;

        public object? GetSZArrayType(object? elementType) => null;

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetTypeFromSerializedName(string name) => null;

        public PrimitiveTypeCode GetUnderlyingEnumType(object? type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(object? type) => false;
    }

    /// <summary>The platform's services for one execution, recording the trace and counting service calls.</summary>
    private sealed class Services(string message) : IServiceProvider, IOrganizationServiceFactory, IOrganizationService
    {
        private readonly Guid _userId = Guid.NewGuid();

        public Tracer Trace { get; } = new();

        public int Calls { get; private set; }

        public IWorkflowContext WorkflowContext => new WorkflowContext(Context);

        private RemoteExecutionContext Context => new()
        {
            MessageName = message,
            PrimaryEntityName = "lead",
            PrimaryEntityId = Guid.NewGuid(),
            Stage = 20,
            Depth = 1,
            UserId = _userId,
            InitiatingUserId = _userId,
            CorrelationId = Guid.NewGuid(),
        };

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) ? Context
            : serviceType == typeof(ITracingService) ? Trace
            : serviceType == typeof(IOrganizationServiceFactory) ? this
            : null;

        public IOrganizationService CreateOrganizationService(Guid? userId) => this;

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            Calls++;
            if (request is RetrieveProcessInstancesRequest)
            {
                var response = new RetrieveProcessInstancesResponse();
                response.Results["Processes"] = new EntityCollection();
                return response;
            }

            throw new NotSupportedException(request.RequestName);
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            // usersettings: the user has English, the fallback, so the count of business calls stays exact.
            return new Entity(entityName, id) { ["uilanguageid"] = 1033 };
        }

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
    }

    /// <summary>A real-time workflow's context over the same execution facts.</summary>
    private sealed class WorkflowContext(RemoteExecutionContext execution) : IWorkflowContext
    {
        public IWorkflowContext ParentContext => null!;

        public string StageName => string.Empty;

        public int WorkflowCategory => 0;

        public int WorkflowMode => 1;

        public int Mode => execution.Mode;

        public int IsolationMode => execution.IsolationMode;

        public int Depth => execution.Depth;

        public string MessageName => execution.MessageName;

        public string PrimaryEntityName => execution.PrimaryEntityName;

        public Guid? RequestId => execution.RequestId;

        public string SecondaryEntityName => execution.SecondaryEntityName ?? string.Empty;

        public ParameterCollection InputParameters => execution.InputParameters;

        public ParameterCollection OutputParameters => execution.OutputParameters;

        public ParameterCollection SharedVariables => execution.SharedVariables;

        public Guid UserId => execution.UserId;

        public Guid InitiatingUserId => execution.InitiatingUserId;

        public Guid BusinessUnitId => execution.BusinessUnitId;

        public Guid OrganizationId => execution.OrganizationId;

        public string OrganizationName => execution.OrganizationName;

        public Guid PrimaryEntityId => execution.PrimaryEntityId;

        public EntityImageCollection PreEntityImages => execution.PreEntityImages;

        public EntityImageCollection PostEntityImages => execution.PostEntityImages;

        public EntityReference OwningExtension => execution.OwningExtension!;

        public Guid CorrelationId => execution.CorrelationId;

        public bool IsExecutingOffline => execution.IsExecutingOffline;

        public bool IsOfflinePlayback => execution.IsOfflinePlayback;

        public bool IsInTransaction => execution.IsInTransaction;

        public Guid OperationId => execution.OperationId;

        public DateTime OperationCreatedOn => execution.OperationCreatedOn;
    }

    private sealed class Tracer : ITracingService
    {
        public List<string> Lines { get; } = [];

        public void Trace(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
