using System;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Plugins.Localization;

/// <summary>Reads a user's interface language, the language every message to that user is written in.</summary>
public static class UserLanguage
{
    /// <summary>
    /// The user's usersettings.uilanguageid, or English when it cannot be read: a missing settings row must
    /// not hide the message the user is about to get.
    /// </summary>
    public static int Read(IOrganizationService systemService, Guid userId, ITracingService trace)
    {
        try
        {
            var settings = systemService.Retrieve(UserSettings.EntityName, userId, new ColumnSet(UserSettings.Fields.UiLanguageId));
            return settings.GetAttributeValue<int?>(UserSettings.Fields.UiLanguageId) ?? UserText.EnglishLcid;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            trace.Trace("User language unavailable, using English: {0}", exception.Message);
            return UserText.EnglishLcid;
        }
    }
}
