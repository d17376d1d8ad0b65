using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator;

/// <summary>
/// An in-memory Dataverse organization for tests: metadata-validated CRUD, messages through one dispatch point,
/// atomic requests, a controllable clock. Each instance is independent and cheap to create.
/// </summary>
public sealed class XrmEmulator
{
    /// <summary>Id of the seeded organization row.</summary>
    public static readonly Guid DefaultOrganizationId = new("0a5c9b7e-1d2f-4e3a-9b8c-7d6e5f4a3b21");

    /// <summary>Id of the seeded root business unit.</summary>
    public static readonly Guid DefaultBusinessUnitId = new("1b6dac8f-2e3a-4f4b-8c9d-8e7f6a5b4c32");

    /// <summary>Id of the seeded administrator (systemuser and usersettings).</summary>
    public static readonly Guid DefaultAdministratorId = new("2c7ebd9a-3f4b-4a5c-9dae-9f8a7b6c5d43");

    /// <summary>Id of the seeded base currency (USD).</summary>
    public static readonly Guid DefaultBaseCurrencyId = new("3d8fcea0-4a5c-4b6d-8ebf-a09b8c7d6e54");

    private long _version = 1000;

    // Top-level requests, seeding and reads of the store take this lock, so any number of threads may share one emulator:
    // each request runs alone, from its first stage to its commit (reentrant, so nested calls pass straight through).
    private readonly System.Threading.Lock _gate = new();

    /// <summary>A fresh organization with its system rows: organization, root business unit, administrator, USD, sdkmessage.</summary>
    public XrmEmulator()
    {
        Store = new EntityStore(new EmulatorSchema());
        Handlers = new Handlers();
        Executor = new RequestExecutor(this);
        Security = new Security.SecurityModel(this);
        SeedSystemRows();
        Security.AssignRoles(AdministratorId, Emulator.Security.StandardRoles.SystemAdministrator);
    }

    /// <summary>
    /// Security roles, teams and business units: what each user may do. The built-in administrator holds System
    /// Administrator; a user created without roles holds none (see <see cref="CreateUser"/>).
    /// </summary>
    public Security.SecurityModel Security { get; }

    /// <summary>The stored rows (read them through <see cref="All"/> / <see cref="Get"/>, which clone).</summary>
    internal EntityStore Store { get; }

    /// <summary>The tables and columns this emulator knows: the standard ones plus your own (see <see cref="EmulatorSchema"/>).</summary>
    public EmulatorSchema Schema => Store.Schema;

    /// <summary>The emulator clock used for createdon/modifiedon and relative-date queries.</summary>
    public EmulatorClock Clock { get; } = new();

    /// <summary>Message handlers by name (<see cref="RegisterMessage"/> adds yours).</summary>
    internal Handlers Handlers { get; }

    /// <summary>The dispatch point every request goes through.</summary>
    internal RequestExecutor Executor { get; }

    /// <summary>Calls per message name through the dispatch point (nested calls included).</summary>
    public CallCounter Calls { get; } = new();

    /// <summary>The lock that serializes top-level requests (held by the thread running one; reentrant).</summary>
    internal System.Threading.Lock Gate => _gate;

    /// <summary>The seeded administrator.</summary>
    public Guid AdministratorId { get; } = DefaultAdministratorId;

    /// <summary>The root business unit.</summary>
    public Guid BusinessUnitId { get; } = DefaultBusinessUnitId;

    /// <summary>The organization.</summary>
    public Guid OrganizationId { get; } = DefaultOrganizationId;

    /// <summary>The organization's name, as execution contexts report it.</summary>
    public string OrganizationName
    {
        get
        {
            // Read from the stored row: every plug-in context carries the name, a copy of the row per context is waste.
            lock (_gate)
            {
                return Store.Get("organization", OrganizationId)?.GetAttributeValue<string>("name") ?? string.Empty;
            }
        }
    }

    /// <summary>The organization's base currency (USD, exchange rate 1).</summary>
    public Guid BaseCurrencyId { get; } = DefaultBaseCurrencyId;

    /// <summary>An organization service acting as the administrator.</summary>
    public IOrganizationService GetOrganizationService() => GetOrganizationService(AdministratorId);

    /// <summary>
    /// An organization service signed in as <paramref name="userId"/> that impersonates <paramref name="callerId"/>, as
    /// CallerId / MSCRMCallerID do: <paramref name="userId"/> needs prvActOnBehalfOfAnotherUser, and each operation must be
    /// allowed to both users.
    /// </summary>
    public IOrganizationService GetOrganizationService(Guid userId, Guid callerId) => new EmulatorOrganizationService(this, userId, parent: null, callerId);

    /// <summary>An organization service acting as <paramref name="userId"/>.</summary>
    public IOrganizationService GetOrganizationService(Guid userId) => new EmulatorOrganizationService(this, userId, parent: null);

    /// <summary>An organization service whose calls nest inside <paramref name="parent"/> (depth + 1), as a plug-in's service does.</summary>
    internal IOrganizationService GetOrganizationService(Guid userId, RequestContext parent) => new EmulatorOrganizationService(this, userId, parent);

    /// <summary>A context for a call from outside (depth 1, new correlation id).</summary>
    internal RequestContext CreateContext(Guid userId) => new(this, userId, userId, 1, Guid.NewGuid(), null);

    /// <summary>A context for a call from outside made by <paramref name="authenticatedUserId"/> on behalf of <paramref name="userId"/>.</summary>
    internal RequestContext CreateContext(Guid userId, Guid authenticatedUserId) =>
        new(this, userId, userId, 1, Guid.NewGuid(), null) { AuthenticatedUserId = authenticatedUserId };

    /// <summary>
    /// Stores rows directly, without messages or plug-ins. Columns and value types are validated; system columns,
    /// statecode/statuscode and owner may be given (defaults fill what is missing). Lookups are not checked, so rows
    /// may be seeded in any order.
    /// </summary>
    public void Seed(params Entity[] entities) => Seed((IEnumerable<Entity>)entities);

    /// <summary>Stores rows directly, as <see cref="Seed(Entity[])"/> does; for a list or a query built elsewhere.</summary>
    public void Seed(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        lock (_gate)
        {
            foreach (var entity in entities)
            {
                SeedOne(entity);
            }
        }
    }

    /// <summary>
    /// Declares a message of your own, such as a custom API, with its core operation: a request of that name runs
    /// <paramref name="execute"/> inside the pipeline, so steps can be registered on it and it is counted in
    /// <see cref="Calls"/>. A built-in message's name replaces its operation.
    /// </summary>
    public void RegisterMessage(string messageName, Func<OrganizationRequest, OrganizationResponse> execute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageName);
        ArgumentNullException.ThrowIfNull(execute);
        Handlers.Register(messageName, (request, _) => execute(request));
    }

    /// <summary>
    /// Sets the current value of the environment variable <paramref name="schemaName"/> (as an administrator does in
    /// the maker portal), creating or replacing its value row; null removes the current value so the definition's
    /// default applies. Stored directly, like <see cref="Seed(Entity[])"/>: no plug-in runs. The definition must exist (import
    /// the solution that declares it first).
    /// </summary>
    public void SetEnvironmentVariable(string schemaName, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaName);
        lock (_gate)
        {
            var definition = Store.Rows("environmentvariabledefinition")
                .FirstOrDefault(row => string.Equals(row.GetAttributeValue<string>("schemaname"), schemaName, StringComparison.Ordinal))
                ?? throw new ArgumentException($"The organization has no environment variable '{schemaName}'; import the solution that declares it first.", nameof(schemaName));
            var current = Store.Rows("environmentvariablevalue")
                .Where(row => row.GetAttributeValue<EntityReference>("environmentvariabledefinitionid")?.Id == definition.Id)
                .Select(row => row.Id)
                .ToList();
            foreach (var id in current)
            {
                Store.Remove("environmentvariablevalue", id);
            }

            if (value is not null)
            {
                SeedOne(new Entity("environmentvariablevalue")
                {
                    ["schemaname"] = schemaName,
                    ["value"] = value,
                    ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition.Id),
                });
            }
        }
    }

    /// <summary>
    /// Gives a message another id, for tests of what happens when an environment's sdkmessage table differs from the
    /// one a solution was packed with (the import is refused). The emulator seeds the published system ids, so the
    /// shipped solution imports without this.
    /// </summary>
    public void UseSdkMessageId(string messageName, Guid sdkMessageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageName);
        lock (_gate)
        {
            UseSdkMessageIdLocked(messageName, sdkMessageId);
        }
    }

    private void UseSdkMessageIdLocked(string messageName, Guid sdkMessageId)
    {
        var current = Store.Rows("sdkmessage").FirstOrDefault(row => string.Equals(row.GetAttributeValue<string>("name"), messageName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The emulator has no message named '{messageName}'.", nameof(messageName));
        if (current.Id == sdkMessageId)
        {
            return;
        }

        if (Store.Exists("sdkmessage", sdkMessageId))
        {
            throw new ArgumentException($"The id {sdkMessageId} already belongs to another message.", nameof(sdkMessageId));
        }

        Store.Remove("sdkmessage", current.Id);
        Seed(new Entity("sdkmessage", sdkMessageId) { ["name"] = messageName });
    }

    /// <summary>
    /// Creates a user (systemuser + usersettings) in the root business unit, or <paramref name="businessUnitId"/>, holding
    /// <paramref name="roles"/> (security role names, e.g. <c>Salesperson</c>); returns its id. Without roles the user holds
    /// none, as a new Dataverse user does until an administrator assigns some, and every data operation is refused.
    /// </summary>
    public Guid CreateUser(string firstName, string lastName, int uiLanguageId = 1033, Guid? id = null, Guid? businessUnitId = null, string[]? roles = null)
    {
        var userId = id ?? Guid.NewGuid();
        Seed(
            new Entity("systemuser", userId)
            {
                ["firstname"] = firstName,
                ["lastname"] = lastName,
                ["domainname"] = $"{firstName}.{lastName}@emulator.local".ToLowerInvariant(),
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? BusinessUnitId),
            },
            new Entity("usersettings", userId)
            {
                ["uilanguageid"] = uiLanguageId,
                ["localeid"] = uiLanguageId,
                ["helplanguageid"] = uiLanguageId,
            });
        if (roles is { Length: > 0 })
        {
            Security.AssignRoles(userId, roles);
        }

        return userId;
    }

    /// <summary>Copies of all stored rows of <paramref name="table"/>, in insertion order.</summary>
    public IReadOnlyList<Entity> All(string table)
    {
        DataOperations.Table(Schema, table);
        lock (_gate)
        {
            var result = new List<Entity>(Store.Count(table));
            foreach (var row in Store.Rows(table))
            {
                result.Add(EntityCloner.Clone(row));
            }

            return result;
        }
    }

    /// <summary>Copies of all stored rows of the early-bound type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Query<T>()
        where T : Entity, new()
    {
        var table = new T().LogicalName;
        var result = new List<T>();
        foreach (var row in All(table))
        {
            var typed = new T { Id = row.Id };
            foreach (var pair in row.Attributes)
            {
                typed.Attributes[pair.Key] = pair.Value;
            }

            result.Add(typed);
        }

        return result;
    }

    /// <summary>A copy of the stored row, or null.</summary>
    public Entity? Get(string table, Guid id)
    {
        lock (_gate)
        {
            return Store.Get(table, id) is { } row ? EntityCloner.Clone(row) : null;
        }
    }

    /// <summary>The business unit of <paramref name="userId"/> (root business unit when unknown).</summary>
    public Guid BusinessUnitOf(Guid userId)
    {
        lock (_gate)
        {
            return Store.Get("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? BusinessUnitId;
        }
    }

    internal long NextVersion() => ++_version;

    private void SeedOne(Entity entity)
    {
        var table = DataOperations.Table(Schema, entity.LogicalName);
        var id = DataOperations.NewRowId(table, entity, Store);

        var row = new Entity(table.LogicalName) { Id = id };
        foreach (var pair in entity.Attributes)
        {
            var attribute = DataOperations.Column(table, pair.Key);
            row.Attributes[pair.Key] = attribute.IsReference
                ? EntityCloner.CloneValue(pair.Value)!
                : RowValidator.Validate(table, attribute, pair.Value, Store)!;
        }

        DataOperations.FillCreateDefaults(table, row, AdministratorId, this);
        if (table.InitialState is { } initial)
        {
            var state = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? initial.Value;
            row["statecode"] = new OptionSetValue(state);
            if (row.GetAttributeValue<OptionSetValue>("statuscode") is null)
            {
                row["statuscode"] = new OptionSetValue(table.DefaultStatusFor(state) ?? 1);
            }
        }

        DataOperations.Computed(table, row, Store, BaseCurrencyId, currencyChanged: true);
        var admin = new EntityReference("systemuser", AdministratorId);
        row[table.PrimaryIdAttribute] = id;
        SetIfMissing(row, "createdon", Clock.UtcNow);
        SetIfMissing(row, "modifiedon", row["createdon"]!);
        SetIfMissing(row, "createdby", admin);
        SetIfMissing(row, "modifiedby", EntityCloner.CloneReference(admin));
        row["versionnumber"] = NextVersion();
        Store.Insert(row);
    }

    private static void SetIfMissing(Entity row, string column, object value)
    {
        if (!row.Attributes.TryGetValue(column, out var existing) || existing is null)
        {
            row[column] = value;
        }
    }

    private void SeedSystemRows()
    {
        var rows = new List<Entity>
        {
            new("transactioncurrency", BaseCurrencyId)
            {
                ["isocurrencycode"] = "USD",
                ["currencyname"] = "US Dollar",
                ["currencysymbol"] = "$",
                ["exchangerate"] = 1m,
                ["currencyprecision"] = 2,
            },
            new("businessunit", BusinessUnitId) { ["name"] = "Emulator" },
            new("organization", OrganizationId)
            {
                ["name"] = "Emulator",
                ["basecurrencyid"] = new EntityReference("transactioncurrency", BaseCurrencyId),
                ["languagecode"] = 1033,
            },
            new("systemuser", AdministratorId)
            {
                ["firstname"] = "System",
                ["lastname"] = "Administrator",
                ["domainname"] = "admin@emulator.local",
                ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId),
            },
            new("usersettings", AdministratorId) { ["uilanguageid"] = 1033, ["localeid"] = 1033, ["helplanguageid"] = 1033 },
        };
        foreach (var (name, id) in SdkMessages.All)
        {
            rows.Add(new Entity("sdkmessage", id) { ["name"] = name });
        }

        rows.AddRange(Sales.Bpf.BpfCatalog.SeedRows());
        rows.AddRange(Solutions.InstalledSolutions.SeedRows());
        Seed(rows.ToArray());
    }
}
