using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.OData;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi;

/// <summary>What an operation answers: 204 without a body, or a JSON object of properties.</summary>
internal sealed record OperationResult(Action<Utf8JsonWriter>? Body);

/// <summary>
/// The Dataverse actions and functions this package needs, each mapped to the organization-service message behind it
/// (QualifyLead, SetProcess, RetrieveProcessInstances, RetrieveActivePath) or, for ImportSolution(Async), to the
/// emulator's import with the asyncoperation and importjob rows a deployment tool polls.
/// </summary>
internal sealed class Operations
{
    private readonly XrmEmulator _emulator;
    private readonly ServedMetadata _metadata;

    public Operations(XrmEmulator emulator, ServedMetadata metadata)
    {
        _emulator = emulator;
        _metadata = metadata;
    }

    public OperationResult Run(ActionRoute route, string method, JsonElement? body, IOrganizationService service, Uri serviceRoot)
    {
        var isPost = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
        return (route.Name, isPost) switch
        {
            ("QualifyLead", true) => QualifyLead(route, Required(body), service, serviceRoot),
            ("SetProcess", true) => SetProcess(Required(body), service),
            ("ImportSolution", true) => ImportSolution(Required(body), asynchronous: false),
            ("ImportSolutionAsync", true) => ImportSolution(Required(body), asynchronous: true),
            ("RetrieveProcessInstances", false) => RetrieveProcessInstances(route, service, serviceRoot),
            ("RetrieveActivePath", false) => RetrieveActivePath(route, service, serviceRoot),
            ("RetrieveUserPrivilegeByPrivilegeName", false) => UserPrivilege(route, serviceRoot),
            _ => throw new ODataException($"'{route.Name}' is an {(isPost ? "function: use GET" : "action: use POST")}."),
        };
    }

    private OperationResult QualifyLead(ActionRoute route, JsonElement body, IOrganizationService service, Uri serviceRoot)
    {
        if (route.EntitySet != "leads" || route.Id is not { } leadId)
        {
            throw new ODataException("QualifyLead is bound to a lead: POST leads(<id>)/Microsoft.Dynamics.CRM.QualifyLead.");
        }

        var request = new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", leadId),
            CreateAccount = Boolean(body, "CreateAccount", required: true),
            CreateContact = Boolean(body, "CreateContact", required: true),
            CreateOpportunity = Boolean(body, "CreateOpportunity", required: true),
            Status = new OptionSetValue(Integer(body, "Status")),
        };
        if (Reference(body, "OpportunityCurrencyId") is { } currency)
        {
            request.OpportunityCurrencyId = currency;
        }

        if (Reference(body, "OpportunityCustomerId") is { } customer)
        {
            request.OpportunityCustomerId = customer;
        }

        if (Reference(body, "SourceCampaignId") is { } campaign)
        {
            request.SourceCampaignId = campaign;
        }

        if (Reference(body, "ProcessInstanceId") is { } instance)
        {
            request.ProcessInstanceId = instance;
        }

        var created = ((QualifyLeadResponse)service.Execute(request)).CreatedEntities;
        return new OperationResult(writer =>
        {
            writer.WriteString("@odata.context", $"{serviceRoot}$metadata#Collection({ServedMetadata.Namespace}.crmbaseentity)");
            writer.WriteStartArray("value");
            foreach (var reference in created)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.type", $"#{ServedMetadata.Namespace}.{reference.LogicalName}");
                writer.WriteString(_metadata.ByTable(reference.LogicalName)?.Table.PrimaryIdAttribute ?? reference.LogicalName + "id", reference.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private OperationResult SetProcess(JsonElement body, IOrganizationService service)
    {
        var request = new SetProcessRequest
        {
            Target = Reference(body, "Target") ?? throw new ODataException("SetProcess needs Target."),
        };
        if (Reference(body, "NewProcess") is { } process)
        {
            request.NewProcess = process;
        }

        if (Reference(body, "NewProcessInstance") is { } instance)
        {
            request.NewProcessInstance = instance;
        }

        service.Execute(request);
        return new OperationResult(null);
    }

    private static OperationResult RetrieveProcessInstances(ActionRoute route, IOrganizationService service, Uri serviceRoot)
    {
        var request = new RetrieveProcessInstancesRequest
        {
            EntityLogicalName = Argument(route, "EntityLogicalName"),
            EntityId = ParseGuid(Argument(route, "EntityId"), "EntityId"),
        };
        var processes = ((RetrieveProcessInstancesResponse)service.Execute(request)).Processes;
        return Collection(serviceRoot, "RetrieveProcessInstancesResponse", "Processes", processes);
    }

    // Answered from the security model: one RolePrivilege per role (held directly or through an owner team) that grants
    // the privilege, Depth named as the SDK's PrivilegeDepth; System Administrator grants every privilege at Global.
    private OperationResult UserPrivilege(ActionRoute route, Uri serviceRoot)
    {
        if (route.EntitySet != "systemusers" || route.Id is not { } userId)
        {
            throw new ODataException("RetrieveUserPrivilegeByPrivilegeName is bound to a user: GET systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivilegeByPrivilegeName(PrivilegeName='…').");
        }

        var privilege = Argument(route, "PrivilegeName");
        var user = _emulator.Get("systemuser", userId) ?? throw new ODataException($"systemuser With Id = {userId} Does Not Exist");
        var businessUnit = user.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? _emulator.BusinessUnitId;
        var security = _emulator.Security;
        var levels = security.RolesOf(userId)
            .Concat(security.TeamsOf(userId).SelectMany(security.RolesOf))
            .Select(role => role.LevelOf(privilege))
            .Where(level => level != AccessLevel.None)
            .ToList();
        return new OperationResult(writer =>
        {
            writer.WriteString("@odata.context", $"{serviceRoot}$metadata#{ServedMetadata.Namespace}.RetrieveUserPrivilegeByPrivilegeNameResponse");
            writer.WriteStartArray("RolePrivileges");
            foreach (var level in levels)
            {
                writer.WriteStartObject();
                writer.WriteString("Depth", Depth(level));
                writer.WriteString("BusinessUnitId", businessUnit);
                writer.WriteString("PrivilegeName", privilege);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static string Depth(AccessLevel level) => level switch
    {
        AccessLevel.User => "Basic",
        AccessLevel.BusinessUnit => "Local",
        AccessLevel.ParentChildBusinessUnits => "Deep",
        _ => "Global",
    };

    private static OperationResult RetrieveActivePath(ActionRoute route, IOrganizationService service, Uri serviceRoot)
    {
        var request = new RetrieveActivePathRequest { ProcessInstanceId = ParseGuid(Argument(route, "ProcessInstanceId"), "ProcessInstanceId") };
        var stages = ((RetrieveActivePathResponse)service.Execute(request)).ProcessStages;
        return Collection(serviceRoot, "RetrieveActivePathResponse", "ProcessStages", stages);
    }

    // Dataverse runs the import as a system job: the caller gets the job's id at once and polls asyncoperations(id) and
    // importjobs(id). The emulator imports at once, so the job is complete when the response arrives.
    private OperationResult ImportSolution(JsonElement body, bool asynchronous)
    {
        var file = body.TryGetProperty("CustomizationFile", out var customization) && customization.ValueKind == JsonValueKind.String
            ? customization.GetBytesFromBase64()
            : throw new ODataException("ImportSolution needs CustomizationFile (the solution zip, base64).");
        var importJobId = body.TryGetProperty("ImportJobId", out var given) && given.ValueKind == JsonValueKind.String ? given.GetGuid() : Guid.NewGuid();
        var asyncOperationId = Guid.NewGuid();
        var started = _emulator.Clock.UtcNow;
        string? failure = null;
        string solutionName = string.Empty;
        try
        {
            solutionName = SolutionName(file);
            using var stream = new MemoryStream(file, writable: false);
            _emulator.ImportSolution(stream);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or System.Xml.XmlException)
        {
            failure = exception.Message;
        }

        _emulator.Seed(ImportJobRow(importJobId, solutionName, started, failure));
        if (asynchronous)
        {
            _emulator.Seed(new Entity("asyncoperation", asyncOperationId)
            {
                ["name"] = "Import Solution",
                ["startedon"] = started,
                ["completedon"] = _emulator.Clock.UtcNow,
                ["statecode"] = new OptionSetValue(3),
                ["statuscode"] = new OptionSetValue(failure is null ? 30 : 31),
                ["message"] = failure ?? string.Empty,
                ["friendlymessage"] = failure ?? string.Empty,
            });
            return new OperationResult(writer =>
            {
                writer.WriteString("AsyncOperationId", asyncOperationId);
                writer.WriteString("ImportJobKey", importJobId.ToString());
            });
        }

        if (failure is not null)
        {
            throw new System.ServiceModel.FaultException<OrganizationServiceFault>(
                new OrganizationServiceFault { ErrorCode = unchecked((int)0x80048068), Message = failure }, new System.ServiceModel.FaultReason(failure));
        }

        return new OperationResult(null);
    }

    // The import log the platform keeps in importjob.data: the solution, then the result, success or failure with the reason.
    private Entity ImportJobRow(Guid id, string solutionName, DateTime started, string? failure) =>
        new("importjob", id)
        {
            ["name"] = "Customizations",
            ["solutionname"] = solutionName,
            ["progress"] = 100d,
            ["startedon"] = started,
            ["completedon"] = _emulator.Clock.UtcNow,
            ["data"] = new XElement(
                "importexportxml",
                new XElement(
                    "solutionManifests",
                    new XElement(
                        "solutionManifest",
                        new XAttribute("languagecode", "1033"),
                        new XElement("UniqueName", solutionName),
                        new XElement(
                            "result",
                            new XAttribute("result", failure is null ? "success" : "failure"),
                            new XAttribute("errorcode", failure is null ? "0" : "0x80048068"),
                            new XAttribute("errortext", failure ?? string.Empty))))).ToString(SaveOptions.DisableFormatting),
        };

    private static string SolutionName(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip, writable: false));
        var manifest = archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, "solution.xml", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException("The solution zip has no solution.xml.");
        using var stream = manifest.Open();
        return XDocument.Load(stream).Root?.Element("SolutionManifest")?.Element("UniqueName")?.Value ?? string.Empty;
    }

    private EntityReference? Reference(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("@odata.type", out var type))
        {
            throw new ODataException($"{name} must be an entity: {{\"@odata.type\":\"Microsoft.Dynamics.CRM.<table>\",\"<table>id\":\"<id>\"}}.");
        }

        var logicalName = (type.GetString() ?? string.Empty).TrimStart('#').Replace(ServedMetadata.Namespace + ".", string.Empty, StringComparison.Ordinal);
        var table = _metadata.ByTable(logicalName) ?? throw new ODataException($"{name}: there is no table '{logicalName}'.");
        return value.TryGetProperty(table.Table.PrimaryIdAttribute, out var id) && id.ValueKind == JsonValueKind.String
            ? new EntityReference(logicalName, ParseGuid(id.GetString(), name))
            : throw new ODataException($"{name} needs {table.Table.PrimaryIdAttribute}.");
    }

    private static OperationResult Collection(Uri serviceRoot, string responseType, string property, EntityCollection rows) =>
        new(writer =>
        {
            writer.WriteString("@odata.context", $"{serviceRoot}$metadata#{ServedMetadata.Namespace}.{responseType}");
            writer.WriteStartArray(property);
            foreach (var row in rows.Entities)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.type", $"#{ServedMetadata.Namespace}.{(string.IsNullOrEmpty(row.LogicalName) ? "expando" : row.LogicalName)}");
                foreach (var (name, value) in row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(value is EntityReference ? ServedMetadata.LookupProperty(name) : name);
                    EntityJson.WriteValue(writer, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static JsonElement Required(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } value ? value : throw new ODataException("The action needs a JSON object body with its parameters.");

    private static bool Boolean(JsonElement body, string name, bool required) =>
        body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : required ? throw new ODataException($"The parameter '{name}' (Edm.Boolean) is missing.") : false;

    private static int Integer(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ODataException($"The parameter '{name}' (Edm.Int32) is missing.");

    private static string Argument(ActionRoute route, string name) =>
        route.Arguments.TryGetValue(name, out var value) ? value : throw new ODataException($"The function needs the argument {name}.");

    private static Guid ParseGuid(string? text, string name) =>
        Guid.TryParse(text, out var id) ? id : throw new ODataException($"{name} must be a GUID, not '{text}'.");
}
