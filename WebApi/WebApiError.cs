using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi;

/// <summary>An error as the Web API answers it: HTTP status and <c>{"error":{"code":"0x…","message":"…"}}</c>.</summary>
internal sealed record WebApiError(int Status, string Code, string Message)
{
    /// <summary>The code Dataverse gives URL and payload errors that OData's parser reports.</summary>
    public const string ODataErrorCode = "0x80060888";

    private const int ObjectDoesNotExist = unchecked((int)0x80040217);
    private const int PrivilegeDenied = unchecked((int)0x80040220);
    private const int CallerNotEnabled = unchecked((int)0x8004140C);
    private const int AccessDenied = unchecked((int)0x80048306);
    private const int CannotActOnBehalfOfAnotherUser = unchecked((int)0x8004A110);
    private const int DuplicateRecord = unchecked((int)0x80040237);
    private const int UnexpectedError = unchecked((int)0x80040216);

    /// <summary>A platform fault keeps its code; the status follows what it means (missing row 404, privilege 403, ...).</summary>
    public static WebApiError From(FaultException<OrganizationServiceFault> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var code = fault.Detail.ErrorCode;
        var status = code switch
        {
            ObjectDoesNotExist => 404,
            PrivilegeDenied or AccessDenied or CannotActOnBehalfOfAnotherUser or CallerNotEnabled => 403,
            DuplicateRecord => 412,
            UnexpectedError => 500,
            _ => 400,
        };
        return new WebApiError(status, Hex(code), fault.Detail.Message ?? fault.Message);
    }

    /// <summary>A URL or payload OData cannot take: 404 for an unknown segment, 400 otherwise.</summary>
    public static WebApiError From(ODataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new WebApiError(exception is ODataUnrecognizedPathException ? 404 : 400, ODataErrorCode, exception.Message);
    }

    public static string Hex(int code) => "0x" + code.ToString("x8", CultureInfo.InvariantCulture);
}
