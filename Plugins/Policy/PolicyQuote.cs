using System.Globalization;
using System.Text;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>
/// How a policy error quotes the administrator's text: at most <see cref="MaxLength"/> characters, control and
/// direction characters escaped, so a megabyte value or a right-to-left override can neither flood nor disguise the
/// message a seller reads.
/// </summary>
public static class PolicyQuote
{
    /// <summary>The longest quote, in characters, before "…".</summary>
    public const int MaxLength = 200;

    /// <summary>The quotable form of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i == MaxLength)
            {
                return builder.Append('…').ToString();
            }

            var c = text[i];
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
