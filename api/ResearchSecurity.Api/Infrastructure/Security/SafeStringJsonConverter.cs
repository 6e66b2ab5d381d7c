using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// Every string in every JSON body passes here once, so no handler has to remember it: control characters other than
/// tab, line feed and carriage return, bidirectional overrides and unpaired UTF-16 surrogates are refused. PostgreSQL cannot store NUL in text
/// (22021) and the others are invisible in every screen; the serializer turns the JsonException into a 400 that names
/// the field's JSON path (see ProblemExceptionHandler).
/// </summary>
public sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a string but found {reader.TokenType}.");
        string value;
        try { value = reader.GetString()!; }
        catch (InvalidOperationException) { throw new JsonException("The string is not valid UTF-16 text (an unpaired surrogate)."); }
        if (UnsafeText.FindProblem(value) is { } problem) throw new JsonException(problem);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>The text rule shared by the JSON converter and the query/form guard.</summary>
public static class UnsafeText
{
    /// <summary>Null when <paramref name="value"/> is acceptable text; otherwise why not.</summary>
    public static string? FindProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return $"Contains an unpaired surrogate at position {i}.";
            }
            if (char.IsLowSurrogate(c)) return $"Contains an unpaired surrogate at position {i}.";
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c)) return $"Contains the control character U+{(int)c:X4} at position {i}; it is not allowed in text.";
            // Bidirectional overrides and isolates reorder what a reviewer sees ("Trojan Source"); names never need them.
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return $"Contains the bidirectional control U+{(int)c:X4} at position {i}; it is not allowed in text.";
        }
        return null;
    }
}
