using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchSecurity.Core.Audit;

/// <summary>Builds the before/after JSON stored with an audit event.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(object? before, object? after, IEnumerable<string>? changedParts = null) =>
        JsonSerializer.Serialize(new { before, after, changed = changedParts?.ToArray() }, Options);
}
