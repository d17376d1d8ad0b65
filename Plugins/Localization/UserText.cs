using System;
using System.Globalization;

namespace LeadQualifyExtensions.Plugins.Localization;

/// <summary>A message a sales user reads, in each language we ship; English is the fallback.</summary>
public sealed class UserText
{
    /// <summary>Language code (LCID) of English (United States).</summary>
    public const int EnglishLcid = 1033;

    /// <summary>Language code (LCID) of German (Germany).</summary>
    public const int GermanLcid = 1031;

    /// <summary>Pairs the English and German wording of one message.</summary>
    public UserText(string english, string german)
    {
        English = english ?? throw new ArgumentNullException(nameof(english));
        German = german ?? throw new ArgumentNullException(nameof(german));
    }

    /// <summary>The English wording.</summary>
    public string English { get; }

    /// <summary>The German wording.</summary>
    public string German { get; }

    /// <summary>The wording for a user interface language, English when we do not ship that language.</summary>
    public string For(int languageCode) => languageCode == GermanLcid ? German : English;

    /// <summary>
    /// The wording for <paramref name="languageCode"/> with <paramref name="args"/> filled in, formatted in the
    /// culture of the wording's language, so numbers and dates read as the sentence around them.
    /// </summary>
    public string Format(int languageCode, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(languageCode == GermanLcid ? GermanLcid : EnglishLcid), For(languageCode), args);
}
