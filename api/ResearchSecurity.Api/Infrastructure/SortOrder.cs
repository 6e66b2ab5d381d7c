using System.Linq.Expressions;
using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>
/// The sort keys a list endpoint accepts, each usable ascending ("name") or descending ("-name"), with the id as the
/// tie-breaker so pages never overlap. One declaration gives the validator its allowed values and the handler its
/// ORDER BY, instead of a string list and a switch that must agree.
/// </summary>
public sealed class SortOrder<T> where T : Entity
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _keys = new(StringComparer.Ordinal);
    private string? _default;
    private bool _defaultDescending;

    public SortOrder<T> By<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys[name] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return this;
    }

    /// <summary>A key whose ties are broken by <paramref name="then"/> (ascending either way) before the id.</summary>
    public SortOrder<T> By<TKey, TThen>(string name, Expression<Func<T, TKey>> key, Expression<Func<T, TThen>> then)
    {
        _keys[name] = (query, descending) => (descending ? query.OrderByDescending(key) : query.OrderBy(key)).ThenBy(then);
        return this;
    }

    /// <summary>The order when the request names none ("-createdAt": newest first).</summary>
    public SortOrder<T> Default(string sort)
    {
        (_default, _defaultDescending) = Parse(sort);
        if (!_keys.ContainsKey(_default)) throw new ArgumentException($"'{_default}' is not a declared sort key.", nameof(sort));
        return this;
    }

    /// <summary>Every accepted value of the sort parameter, ascending and descending.</summary>
    public string[] Values => _keys.Keys.SelectMany(k => new[] { k, "-" + k }).ToArray();

    /// <summary>Orders <paramref name="query"/> by a validated sort value, or by the default when it is null.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, string? sort)
    {
        var (name, descending) = sort is null ? (_default ?? throw new InvalidOperationException("No default sort declared."), _defaultDescending) : Parse(sort);
        return _keys[name](query, descending).ThenBy(e => e.Id);
    }

    private static (string Name, bool Descending) Parse(string sort) => sort.StartsWith('-') ? (sort[1..], true) : (sort, false);
}
