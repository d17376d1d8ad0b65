using System;
using System.Globalization;
using System.Text.Json;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.WebApi;

/// <summary>
/// The instance annotations <c>Prefer: odata.include-annotations</c> asks for: formatted values
/// (<c>@OData.Community.Display.V1.FormattedValue</c>: option labels in the caller's language, money with its currency
/// symbol, numbers and dates in the caller's locale, a lookup's name) and, for lookups,
/// <c>@Microsoft.Dynamics.CRM.lookuplogicalname</c> and <c>associatednavigationproperty</c>. Written before the value.
/// </summary>
internal sealed class Annotations
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string NavigationProperty = "Microsoft.Dynamics.CRM.associatednavigationproperty";

    private readonly XrmEmulator _emulator;
    private readonly bool _formatted;
    private readonly bool _lookups;
    private readonly int _language;
    private readonly CultureInfo _culture;

    private Annotations(XrmEmulator emulator, bool formatted, bool lookups, int language, int locale)
    {
        _emulator = emulator;
        _formatted = formatted;
        _lookups = lookups;
        _language = language;
        _culture = CultureInfo.GetCultureInfo(locale);
    }

    /// <summary>The annotations <paramref name="preference"/> names ("*", a list, or wildcards like Microsoft.Dynamics.CRM.*), or null for none.</summary>
    public static Annotations? For(string? preference, XrmEmulator emulator, Guid userId)
    {
        if (string.IsNullOrWhiteSpace(preference))
        {
            return null;
        }

        var formatted = false;
        var lookups = false;
        foreach (var name in preference.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formatted |= name is "*" or FormattedValue or "OData.Community.Display.V1.*";
            lookups |= name is "*" or "Microsoft.Dynamics.CRM.*" or LookupLogicalName or NavigationProperty;
        }

        if (!formatted && !lookups)
        {
            return null;
        }

        var settings = emulator.Get("usersettings", userId);
        return new Annotations(
            emulator,
            formatted,
            lookups,
            settings?.GetAttributeValue<int?>("uilanguageid") ?? 1033,
            settings?.GetAttributeValue<int?>("localeid") ?? 1033);
    }

    public void Write(Utf8JsonWriter writer, string property, AttributeDefinition column, Entity row, object value, ServedTable table)
    {
        if (_formatted && Format(column, row, value) is { } text)
        {
            writer.WriteString($"{property}@{FormattedValue}", text);
        }

        if (_lookups && value is EntityReference reference)
        {
            var navigation = table.NavigationFor(column.LogicalName, reference.LogicalName);
            if (navigation is not null)
            {
                writer.WriteString($"{property}@{NavigationProperty}", navigation);
            }

            writer.WriteString($"{property}@{LookupLogicalName}", reference.LogicalName);
        }
    }

    private string? Format(AttributeDefinition column, Entity row, object value) => value switch
    {
        OptionSetValue option => column.FindOption(option.Value)?.Label.For(_language) ?? option.Value.ToString(_culture),
        bool flag => column.Options.Count == 2 ? column.FindOption(flag ? 1 : 0)?.Label.For(_language) : YesNo(flag),
        Money money => CurrencySymbol(row) + money.Value.ToString("N" + (column.Precision ?? 2).ToString(CultureInfo.InvariantCulture), _culture),
        DateTime moment => moment.ToString("g", _culture),
        int number => number.ToString("N0", _culture),
        long number => number.ToString("N0", _culture),
        decimal number => number.ToString("N" + (column.Precision ?? 2).ToString(CultureInfo.InvariantCulture), _culture),
        double number => number.ToString("N" + (column.Precision ?? 2).ToString(CultureInfo.InvariantCulture), _culture),
        EntityReference reference => reference.Name ?? PrimaryName(reference),
        _ => null,
    };

    private string YesNo(bool flag) => (flag, _language) switch
    {
        (true, 1031) => "Ja",
        (false, 1031) => "Nein",
        (true, _) => "Yes",
        _ => "No",
    };

    private string CurrencySymbol(Entity row)
    {
        var currency = row.GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id ?? _emulator.BaseCurrencyId;
        return _emulator.Get("transactioncurrency", currency)?.GetAttributeValue<string>("currencysymbol") ?? string.Empty;
    }

    private string? PrimaryName(EntityReference reference)
    {
        var table = _emulator.Schema.Find(reference.LogicalName);
        return table?.PrimaryNameAttribute is { } name ? _emulator.Get(reference.LogicalName, reference.Id)?.GetAttributeValue<object>(name) as string : null;
    }
}
