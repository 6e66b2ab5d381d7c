using System.Security.Cryptography;
using System.Text;

namespace ResearchSecurity.Screening.Model;

/// <summary>
/// Deterministic content hash of an entity, used to tell "entity changed between list versions".
/// Input: a line-based canonical text — "name", "alias", "weak", "prev", "child" lines (child = path + name + aliases),
/// "period" lines (ISO start|end|program) and one "parent" line — each group sorted ordinally, values NFC-normalised and
/// trimmed; hashed with SHA-256 over UTF-8 and rendered as lower-case hex. Notes, countries, websites and ordering
/// in the file do not change the hash. Changing this format changes every hash: version it if you must.
/// </summary>
public static class EntityContentHash
{
    public const string Version = "v1";

    public static string Compute(WatchlistEntity e)
    {
        var lines = new List<string> { "hash " + Version, "name\t" + Clean(e.Name) };
        Add(lines, "alias", e.Aliases.Select(Clean));
        Add(lines, "weak", e.WeakAliases.Select(Clean));
        Add(lines, "prev", e.PreviousNames.Select(Clean));
        Add(lines, "child", e.Children.Select(c => Clean(c.Path) + "\t" + Clean(c.Name) + "\t" +
                                                   string.Join("|", c.Aliases.Select(Clean).Order(StringComparer.Ordinal))));
        Add(lines, "period", e.Periods.Select(p => $"{p.Start:yyyy-MM-dd}|{p.End:yyyy-MM-dd}|{Clean(p.Program ?? "")}"));
        lines.Add("parent\t" + Clean(e.ParentId ?? ""));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Convert.ToHexStringLower(bytes);
    }

    private static void Add(List<string> lines, string key, IEnumerable<string> values) =>
        lines.AddRange(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => key + "\t" + v));

    private static string Clean(string s) => s.Normalize(NormalizationForm.FormC).Trim();
}
