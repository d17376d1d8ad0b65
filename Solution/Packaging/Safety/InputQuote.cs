using System.Globalization;
using System.Text;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// How an error text quotes input it refuses: a short prefix, control and direction characters escaped, so a 2 MB
/// cookie or a right-to-left override cannot flood or disguise the message. Linked into the emulator as well.
/// </summary>
internal static class InputQuote
{
    /// <summary>The longest prefix quoted, in characters.</summary>
    public const int MaxLength = 80;

    /// <summary>At most <paramref name="maxLength"/> characters of <paramref name="text"/>, escaped, with "…" when cut.</summary>
    public static string Prefix(string? text, int maxLength = MaxLength)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var length = 0;
        foreach (var c in text)
        {
            if (length == maxLength)
            {
                return builder.Append('…').ToString();
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }

            length++;
        }

        return builder.ToString();
    }
}
