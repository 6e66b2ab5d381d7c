using System.Security.Claims;
using System.Text.Json;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Turns the university provider's group claims into product roles using Auth:External:GroupRoles.
/// Groups compare case-insensitively; groups without a mapping grant nothing, so an unknown group never
/// becomes access.
/// </summary>
public sealed class ExternalRoleMapping(ExternalProviderSettings settings)
{
    private readonly Dictionary<string, string> _groupRoles = new(settings.GroupRoles, StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> RolesFor(IEnumerable<Claim> claims)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in claims.Where(c => c.Type == settings.GroupsClaim).SelectMany(Groups))
        {
            if (_groupRoles.TryGetValue(group, out var role)) roles.Add(role);
        }
        return roles;
    }

    /// <summary>Providers send groups as repeated claims or as one JSON array claim; accept both.</summary>
    private static IEnumerable<string> Groups(Claim claim)
    {
        var value = claim.Value.Trim();
        if (!value.StartsWith('[')) return [value];
        try
        {
            return JsonSerializer.Deserialize<string[]>(value)?.Where(g => !string.IsNullOrWhiteSpace(g)) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
