using System;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator;

/// <summary>
/// The one place the emulator builds platform faults: <see cref="FaultException{TDetail}"/> of
/// <see cref="OrganizationServiceFault"/> with Dataverse error codes.
/// </summary>
/// <remarks>
/// Codes marked "doc" are from Microsoft's "Web service error codes" list
/// (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/includes/data-service-error-codes.md).
/// Codes marked "best guess" were not found there; the comment says why the value was chosen.
/// Message texts follow the platform's wording where it is well known, otherwise the documented message.
/// </remarks>
internal static class Faults
{
    /// <summary>ObjectDoesNotExist 0x80040217 (doc; text "X With Id = … Does Not Exist" is the platform's usual wording).</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>InvalidArgument 0x80040203 (doc, also quoted in Microsoft's solution-import troubleshooting article).</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>QueryBuilderNoEntity 0x80041102 (doc: "The specified entity was not found.").</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);

    /// <summary>QueryBuilderNoAttribute 0x80041103 (doc: "The specified attribute does not exist on this entity.").</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);

    /// <summary>DuplicateRecord 0x80040237 (doc: "Operation failed due to a SQL integrity violation."); used for a duplicate primary key.</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>InvalidStateCodeStatusCode 0x80048408 (doc).</summary>
    public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);

    /// <summary>PicklistValueOutOfRange 0x8004431A (doc: "The picklist value is out of the range.").</summary>
    public const int PicklistValueOutOfRange = unchecked((int)0x8004431A);

    /// <summary>StringLengthTooLong 0x80044331 (doc: "A validation error occurred. A string value provided is too long.").</summary>
    public const int StringLengthTooLong = unchecked((int)0x80044331);

    /// <summary>NotImplemented 0x80040219 (doc: "The requested functionality is not yet implemented."); used for messages without a handler.</summary>
    public const int NotImplemented = unchecked((int)0x80040219);

    /// <summary>IsvAborted 0x80040265 (value from public error-code lists; the pipeline maps plug-in exceptions to it).</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>InvalidState 0x80040233 (doc: "The object is not in a valid state to perform this operation.").</summary>
    public const int InvalidState = unchecked((int)0x80040233);

    /// <summary>"lead With Id = {id} Does Not Exist".</summary>
    public static FaultException<OrganizationServiceFault> RecordNotFound(string table, Guid id) =>
        Create(ObjectDoesNotExist, Format("{0} With Id = {1} Does Not Exist", table, id));

    /// <summary>
    /// The table is unknown. The platform's code and message are kept; the trace text adds the emulator's hint (close
    /// names in <paramref name="schema"/>, else among the standard tables, and how to declare a table).
    /// </summary>
    public static FaultException<OrganizationServiceFault> UnknownTable(string? table, EmulatorSchema? schema = null) =>
        Create(
            QueryBuilderNoEntity,
            Format("The entity with a name = '{0}' with namemapping = 'Logical' was not found in the MetadataCache.", table),
            "Emulator hint:" + NearMiss.Hint(table, schema?.Tables.Select(t => t.LogicalName) ?? MetadataCatalog.Tables.Select(t => t.LogicalName))
            + " Tables the emulator does not ship must be declared before use: emulator.Schema.Table(\"new_project\", t => t.PrimaryNameColumn(\"new_name\", 100, \"Name\")).");

    /// <summary>The column is unknown on the table; the trace text names close columns of <paramref name="definition"/> (else the standard table's).</summary>
    public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column, TableDefinition? definition = null)
    {
        var known = (definition ?? MetadataCatalog.Find(table))?.Attributes.Keys ?? Enumerable.Empty<string>();
        return Create(
            QueryBuilderNoAttribute,
            Format("'{0}' entity doesn't contain attribute with Name = '{1}' and NameMapping = 'Logical'.", table, column),
            "Emulator hint:" + NearMiss.Hint(column, known)
            + Format(" Columns the emulator does not ship must be declared before use: emulator.Schema.Table(\"{0}\", t => t.String(\"{1}\", 100, \"Label\")).", table, column));
    }

    /// <summary>The value's .NET type does not match the column type (best guess: InvalidArgument, platform wording).</summary>
    public static FaultException<OrganizationServiceFault> WrongValueType(string table, string column, string expected, object value) =>
        Create(InvalidArgument, Format(
            "Incorrect type of attribute value {0} for attribute '{1}' of entity '{2}'; expected {3}.",
            value.GetType().FullName, column, table, expected));

    /// <summary>A string exceeds the column's maximum length.</summary>
    public static FaultException<OrganizationServiceFault> StringTooLong(string table, string column, int maxLength) =>
        Create(StringLengthTooLong, Format(
            "A validation error occurred. The length of the '{0}' attribute of the '{1}' entity exceeded the maximum allowed length of '{2}'.",
            column, table, maxLength));

    /// <summary>An option value is not in the column's option set.</summary>
    public static FaultException<OrganizationServiceFault> OptionOutOfRange(string table, string column, int value) =>
        Create(PicklistValueOutOfRange, Format(
            "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range.", value, column, table));

    /// <summary>
    /// The status does not belong to the state, or the state is unknown. Worded as the platform words it, e.g.
    /// "1 is not a valid status code for state code LeadState.Qualified on lead with Id …" (the state by its English
    /// name, prefixed with the table's schema name).
    /// </summary>
    public static FaultException<OrganizationServiceFault> InvalidStateStatus(Metadata.TableDefinition table, int state, int status, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var stateName = table.StateAttribute?.FindOption(state)?.Label.English.Replace(" ", string.Empty, StringComparison.Ordinal)
            ?? state.ToString(CultureInfo.InvariantCulture);
        var record = id is { } known ? Format("{0} with Id {1}", table.LogicalName, known) : table.LogicalName;
        return Create(InvalidStateCodeStatusCode, Format(
            "{0} is not a valid status code for state code {1}State.{2} on {3}.", status, table.SchemaName, stateName, record));
    }

    /// <summary>statecode set on Create (best guess: InvalidArgument; the platform sets the initial state itself).</summary>
    public static FaultException<OrganizationServiceFault> StateOnCreate(string table) =>
        Create(InvalidArgument, Format("statecode cannot be set on Create of '{0}'. Create the record, then change its state.", table));

    /// <summary>A lookup points at a table that is not among its targets (best guess: InvalidArgument).</summary>
    public static FaultException<OrganizationServiceFault> InvalidLookupTarget(string table, string column, string target) =>
        Create(InvalidArgument, Format("The entity '{0}' is not a valid target of lookup attribute '{1}' of entity '{2}'.", target, column, table));

    /// <summary>Create with an id that is already used.</summary>
    public static FaultException<OrganizationServiceFault> DuplicateId(string table, Guid id) =>
        Create(DuplicateRecord, Format("Cannot insert duplicate key. A record of type '{0}' with id {1} already exists.", table, id));

    /// <summary>A required request parameter is missing or malformed.</summary>
    public static FaultException<OrganizationServiceFault> InvalidArgumentFault(string message) => Create(InvalidArgument, message);

    /// <summary>No handler is registered for the message.</summary>
    public static FaultException<OrganizationServiceFault> UnknownMessage(string? messageName, System.Collections.Generic.IEnumerable<string>? known = null) =>
        Create(
            NotImplemented,
            Format("The emulator has no handler for message '{0}'. Declare it with emulator.RegisterMessage(name, request => response).", messageName),
            "Emulator hint:" + NearMiss.Hint(messageName, known ?? []));

    /// <summary>Delete refused by a Restrict relationship (best guess: InvalidState).</summary>
    public static FaultException<OrganizationServiceFault> DeleteRestricted(string table, Guid id, string relationship) =>
        Create(InvalidState, Format("The {0} with id {1} cannot be deleted because it is referenced through relationship '{2}'.", table, id, relationship));

    /// <summary>Builds a fault with <paramref name="code"/> and <paramref name="message"/>.</summary>
    public static FaultException<OrganizationServiceFault> Create(int code, string message) =>
        Wrap(new OrganizationServiceFault { ErrorCode = code, Message = message, Timestamp = DateTime.UtcNow });

    /// <summary>Builds a fault whose TraceText carries the emulator's own explanation; code and message stay the platform's.</summary>
    public static FaultException<OrganizationServiceFault> Create(int code, string message, string traceText) =>
        Wrap(new OrganizationServiceFault { ErrorCode = code, Message = message, TraceText = traceText, Timestamp = DateTime.UtcNow });

    /// <summary>Wraps an existing fault detail (also used for <see cref="ExecuteTransactionFault"/>).</summary>
    public static FaultException<OrganizationServiceFault> Wrap(OrganizationServiceFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message ?? string.Empty));
    }

    /// <summary>The fault detail for any exception: a platform fault as is, a plug-in exception as IsvAborted.</summary>
    public static OrganizationServiceFault ToFault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FaultException<OrganizationServiceFault> fault => fault.Detail,
            InvalidPluginExecutionException plugin => new OrganizationServiceFault { ErrorCode = IsvAborted, Message = plugin.Message, Timestamp = DateTime.UtcNow },
            _ => new OrganizationServiceFault { ErrorCode = IsvAborted, Message = exception.Message, Timestamp = DateTime.UtcNow },
        };
    }

    /// <summary>
    /// DateTime outside what the platform stores, 0x80040239: the code a public platform response carries for
    /// "DateTime is less than minumum value supported by CrmDateTime … Minimum value supported: 01/01/1753 00:00:00"
    /// (microsoft/coe-starter-kit#6417); the wording here is ours.
    /// </summary>
    public const int DateTimeOutOfRange = unchecked((int)0x80040239);

    /// <summary>The earliest date the platform stores (DateTimeAttributeMetadata.MinSupportedValue).</summary>
    public static readonly DateTime EarliestDate = new(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The latest date the platform stores (DateTimeAttributeMetadata.MaxSupportedValue).</summary>
    public static readonly DateTime LatestDate = new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>The largest magnitude a money column holds: ±922,337,203,685,477 (Dataverse's documented currency range).</summary>
    public const decimal MaxMoney = 922_337_203_685_477m;

    /// <summary>A date before 1753-01-01 or after 9999-12-31.</summary>
    public static FaultException<OrganizationServiceFault> DateOutOfRange(string table, string column, DateTime value) =>
        Create(DateTimeOutOfRange, Format(
            "The value {0:yyyy-MM-dd HH:mm:ss} of '{1}' on record of type '{2}' is outside the dates the platform stores: 1753-01-01 00:00:00 to 9999-12-31 23:59:59.",
            value, column, table));

    /// <summary>A money or number value outside the column's range (best guess: InvalidArgument; wording as for options).</summary>
    public static FaultException<OrganizationServiceFault> NumberOutOfRange(string table, string column, decimal value, decimal min, decimal max) =>
        Create(InvalidArgument, Format(
            "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range. Accepted range: {3} to {4}.",
            value, column, table, min, max));

    /// <summary>A money value with more decimal places than the column keeps (best guess: InvalidArgument).</summary>
    public static FaultException<OrganizationServiceFault> TooPrecise(string table, string column, decimal value, int precision) =>
        Create(InvalidArgument, Format(
            "A validation error occurred. The value {0} of '{1}' on record of type '{2}' has more than {3} decimal places.",
            value, column, table, precision));

    /// <summary>A batch (ExecuteMultiple, ExecuteTransaction) holds a null request (best guess: InvalidArgument, before any item runs).</summary>
    public static FaultException<OrganizationServiceFault> NullBatchItem(string message, int index) =>
        Create(InvalidArgument, Format("{0}: the request at index {1} is null; every item must be a request.", message, index));

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
