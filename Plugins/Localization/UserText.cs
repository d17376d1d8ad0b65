using System;

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
}
