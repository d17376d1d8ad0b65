using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>
/// A small strict JSON reader (RFC 8259): no comments, no trailing commas, no single quotes, nothing after the
/// value. net462 in the sandbox has no System.Text.Json and no third-party assembly may ship with the plug-ins.
/// </summary>
internal sealed class StrictJsonReader
{
    // Counted in nested containers, as System.Text.Json counts its MaxDepth: 32 nested arrays read, 33 do not.
    private const int MaxDepth = 32;
    private readonly string _text;
    private int _index;

    private StrictJsonReader(string text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/>; a <see cref="JsonSyntaxException"/> when it is not one JSON value.</summary>
    public static JsonValue Parse(string text)
    {
        var reader = new StrictJsonReader(text ?? throw new ArgumentNullException(nameof(text)));
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._index != text.Length)
        {
            throw reader.Error();
        }

        return value;
    }

    private JsonValue ReadValue(int depth)
    {
        SkipWhitespace();
        if (_index >= _text.Length)
        {
            throw Error();
        }

        switch (_text[_index])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return JsonValue.String(ReadString());
            case 't':
                ExpectWord("true");
                return JsonValue.Boolean(true);
            case 'f':
                ExpectWord("false");
                return JsonValue.Boolean(false);
            case 'n':
                ExpectWord("null");
                return JsonValue.Null();
            default:
                return JsonValue.Number(ReadNumber());
        }
    }

    private JsonValue ReadObject(int depth)
    {
        EnterContainer(depth);
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _index++;
            return JsonValue.Object(members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error();
            }

            var key = ReadString();
            SkipWhitespace();
            Expect(':');
            members.Add(new KeyValuePair<string, JsonValue>(key, ReadValue(depth + 1)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _index++;
                continue;
            }

            Expect('}');
            return JsonValue.Object(members);
        }
    }

    private JsonValue ReadArray(int depth)
    {
        EnterContainer(depth);
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _index++;
            return JsonValue.Array(items);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _index++;
                continue;
            }

            Expect(']');
            return JsonValue.Array(items);
        }
    }

    private void EnterContainer(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error();
        }

        _index++;
    }

    private string ReadString()
    {
        _index++;
        var builder = new StringBuilder();
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '"')
            {
                _index++;
                return WellFormed(builder.ToString());
            }

            if (c < ' ')
            {
                throw Error();
            }

            if (c != '\\')
            {
                builder.Append(c);
                _index++;
                continue;
            }

            _index++;
            builder.Append(ReadEscape());
        }

        throw Error();
    }

    // RFC 8259 text is Unicode: a surrogate without its partner (raw or as \u escapes) is no character at all.
    private string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw Error();
            }
        }

        return text;
    }

    private char ReadEscape()
    {
        var c = Peek();
        _index++;
        switch (c)
        {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (_index + 4 > _text.Length
                    || !int.TryParse(_text.Substring(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error();
                }

                _index += 4;
                return (char)code;
            default:
                _index--;
                throw Error();
        }
    }

    private string ReadNumber()
    {
        var start = _index;
        if (Peek() == '-')
        {
            _index++;
        }

        if (Peek() == '0')
        {
            _index++;
        }
        else if (!ReadDigits())
        {
            throw Error();
        }

        if (Peek() == '.')
        {
            _index++;
            if (!ReadDigits())
            {
                throw Error();
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _index++;
            if (Peek() is '+' or '-')
            {
                _index++;
            }

            if (!ReadDigits())
            {
                throw Error();
            }
        }

        return _text.Substring(start, _index - start);
    }

    private bool ReadDigits()
    {
        var start = _index;
        while (Peek() is >= '0' and <= '9')
        {
            _index++;
        }

        return _index > start;
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _index, word, 0, word.Length) != 0)
        {
            throw Error();
        }

        _index += word.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error();
        }

        _index++;
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            _index++;
        }
    }

    private JsonSyntaxException Error() => new(Math.Min(_index, _text.Length) + 1);
}
