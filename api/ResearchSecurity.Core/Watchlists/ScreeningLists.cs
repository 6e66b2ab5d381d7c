using System.Text.Json;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;
using EngineWatchlist = ResearchSecurity.Screening.Model.Watchlist;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>A list version taking part in a screening, with what risk assessment needs to weigh its hits.</summary>
public sealed record VersionInUse(string WatchlistId, string DisplayName, int Severity, Guid VersionId, int Number)
{
    /// <summary>"watchlistId:versionNumber" comma-separated: the evidence stored on each run.</summary>
    public static string Label(IEnumerable<VersionInUse> versions) =>
        string.Join(",", versions.OrderBy(v => v.WatchlistId, StringComparer.Ordinal).Select(v => $"{v.WatchlistId}:{v.Number}"));
}

/// <summary>One match of one field of a subject, tied to the list version it was found in.</summary>
public sealed record FieldMatch(ScreenedField Field, ScreeningMatch Match, Guid ListVersionId, string EntityContentHash);

/// <summary>
/// The matching engine built over a set of stored list versions, plus an e-mail-domain index over the listed
/// entities' websites. Read-only once built, so screening jobs share one instance across threads.
/// </summary>
public sealed class ScreeningLists : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<(string List, string Entity), WatchlistEntity> _entities;
    private readonly Dictionary<string, VersionInUse> _versions;
    private readonly Dictionary<string, List<WatchlistEntity>> _domains;

    public ScreeningLists(IReadOnlyList<VersionInUse> versions, IReadOnlyDictionary<Guid, IReadOnlyList<WatchlistEntity>> entitiesByVersion,
        ScreeningOptions? options = null, string? indexPath = null)
    {
        Versions = versions;
        _versions = versions.ToDictionary(v => v.WatchlistId);
        var lists = versions.Select(v => new EngineWatchlist(v.WatchlistId, v.DisplayName, "stored", entitiesByVersion[v.VersionId])).ToList();
        Engine = ScreeningEngine.Build(lists, options, indexPath);
        _entities = lists.SelectMany(l => l.Entities).ToDictionary(e => (e.ListId, e.EntityId));
        _domains = DomainIndex(lists.SelectMany(l => l.Entities));
    }

    public IReadOnlyList<VersionInUse> Versions { get; }
    public IEnumerable<WatchlistEntity> Entities => _entities.Values;
    public ScreeningEngine Engine { get; }

    public string Label => VersionInUse.Label(Versions);

    public VersionInUse? Version(string watchlistId) => _versions.GetValueOrDefault(watchlistId);

    public static WatchlistEntity FromJson(string data, string watchlistId) =>
        JsonSerializer.Deserialize<WatchlistEntity>(data, Json)! with { ListId = watchlistId };

    public static string ToJson(WatchlistEntity entity) => JsonSerializer.Serialize(entity, Json);

    /// <summary>Screens every field of a subject; the best match per (field, list, entity) is kept.</summary>
    public IReadOnlyList<FieldMatch> Screen(ScreeningSubject subject, DateOnly asOf)
    {
        var found = new Dictionary<(string, string, string), FieldMatch>();
        foreach (var field in subject.Fields)
        {
            var matches = field.Field == ScreenedFields.EmailDomain ? DomainMatches(field.Text, asOf) : Engine.Screen(field.Text, asOf, field.CountryHint);
            foreach (var m in matches)
            {
                var key = (field.Field, m.ListId, m.EntityId);
                if (found.TryGetValue(key, out var best) && best.Match.Score >= m.Score) continue;
                var entity = _entities[(m.ListId, m.EntityId)];
                found[key] = new FieldMatch(field, m, _versions[m.ListId].VersionId, entity.ContentHash);
            }
        }
        return [.. found.Values];
    }

    private IEnumerable<ScreeningMatch> DomainMatches(string domain, DateOnly asOf)
    {
        var d = domain.Trim().ToLowerInvariant();
        // The address's domain or any parent domain of it (cs.nudt.edu.cn -> nudt.edu.cn), never a bare public suffix.
        for (var candidate = d; candidate.Count(c => c == '.') >= 1; candidate = candidate[(candidate.IndexOf('.') + 1)..])
        {
            if (!_domains.TryGetValue(candidate, out var entities)) continue;
            foreach (var e in entities)
            {
                var score = candidate == d ? 0.95 : 0.9;
                yield return new ScreeningMatch(e.ListId, e.EntityId, e.Name, candidate, d, score, e.StatusAt(asOf), new ScreeningExplanation
                {
                    ListId = e.ListId,
                    ListName = _versions[e.ListId].DisplayName,
                    MatchedNameKind = NameKind.Alias,
                    Features = [new FeatureContribution("emailDomain", $"e-mail domain '{d}' is {(candidate == d ? "" : "under ")}the listed website '{candidate}'", score, score)],
                    MatchedTokens = [candidate],
                    UnmatchedTokens = [],
                    CountryAgreement = CountryAgreement.Unknown,
                    TextCountries = [],
                    EntityCountries = e.Countries,
                    EntityContentHash = e.ContentHash,
                });
            }
        }
    }

    /// <summary>Website hosts named by exactly one entity; hosts shared by several are reference sites, not the entity's own.</summary>
    private static Dictionary<string, List<WatchlistEntity>> DomainIndex(IEnumerable<WatchlistEntity> entities)
    {
        var byHost = new Dictionary<string, List<WatchlistEntity>>(StringComparer.Ordinal);
        foreach (var e in entities)
            foreach (var host in e.Websites.Select(Host).OfType<string>().Distinct())
            {
                if (!byHost.TryGetValue(host, out var list)) byHost[host] = list = [];
                list.Add(e);
            }
        return byHost.Where(kv => kv.Value.Count <= 2 && kv.Key.Contains('.')).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static string? Host(string website)
    {
        var w = website.Trim();
        if (!w.Contains("://", StringComparison.Ordinal)) w = "http://" + w;
        if (!Uri.TryCreate(w, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public void Dispose() => Engine.Dispose();
}
