using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadQualifyExtensions.Plugins.Localization;

/// <summary>Columns' display names as the organization labels them (custom and renamed columns read right).</summary>
public static class ColumnLabels
{
    /// <summary>
    /// The English and German labels of <paramref name="columns"/> of <paramref name="table"/>, from one RetrieveEntity
    /// (attributes) call. A column without a label in a language takes the other language's label; a column the
    /// metadata does not describe is left out. Never fails: a metadata error is traced and gives no labels.
    /// </summary>
    public static IReadOnlyDictionary<string, UserText> Read(IOrganizationService service, string table, IEnumerable<string> columns, ITracingService trace)
    {
        var wanted = new HashSet<string>(columns, StringComparer.Ordinal);
        var labels = new Dictionary<string, UserText>(StringComparer.Ordinal);
        try
        {
            var response = (RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = table, EntityFilters = EntityFilters.Attributes });
            foreach (var attribute in response.EntityMetadata?.Attributes ?? [])
            {
                if (attribute.LogicalName is { } name && wanted.Contains(name) && From(attribute.DisplayName) is { } label)
                {
                    labels[name] = label;
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            trace.Trace("Column labels unavailable, using built-in names: {0}", exception.Message);
        }

        return labels;
    }

    private static UserText? From(Label? label)
    {
        string? In(int language) =>
            label?.LocalizedLabels.FirstOrDefault(l => l.LanguageCode == language && !string.IsNullOrWhiteSpace(l.Label))?.Label;

        var english = In(UserText.EnglishLcid) ?? label?.UserLocalizedLabel?.Label;
        var german = In(UserText.GermanLcid);
        return english is null && german is null ? null : new UserText(english ?? german!, german ?? english!);
    }
}
