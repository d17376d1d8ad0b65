using System;
using System.Globalization;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>The text is not JSON; <see cref="Position"/> is the 1-based character where reading stopped.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(int position)
        : base("Invalid JSON at character " + position.ToString(CultureInfo.InvariantCulture))
    {
        Position = position;
    }

    public JsonSyntaxException()
    {
    }

    public JsonSyntaxException(string message)
        : base(message)
    {
    }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
