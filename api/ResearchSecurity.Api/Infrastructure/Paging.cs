using System.Linq.Expressions;

namespace ResearchSecurity.Api.Infrastructure;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>Paging parameters shared by every list endpoint. Page size is bounded so one call cannot dump a table.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public static void Rules<T>(AbstractValidator<T> v, Func<T, int?> page, Func<T, int?> pageSize)
    {
        v.RuleFor(x => page(x)).GreaterThanOrEqualTo(1).OverridePropertyName("page").WithMessage("Must be 1 or more.");
        v.RuleFor(x => pageSize(x)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize")
            .WithMessage($"Must be between 1 and {MaxPageSize}.");
    }

    /// <summary>Paging plus a sort key from a fixed list ("-field" sorts descending).</summary>
    public static void Rules<T>(AbstractValidator<T> v, Func<T, int?> page, Func<T, int?> pageSize, Func<T, string?> sort, string[] sorts)
    {
        Rules(v, page, pageSize);
        v.RuleFor(x => sort(x)).Must(s => s is null || sorts.Contains(s)).OverridePropertyName("sort")
            .WithMessage($"Must be one of: {string.Join(", ", sorts)}.");
    }

    /// <summary>Counts the filtered, ordered query and returns the requested page, projected.</summary>
    public static async Task<PagedList<TResult>> ToPageAsync<TSource, TResult>(this IQueryable<TSource> ordered, int? page, int? pageSize,
        Expression<Func<TSource, TResult>> projection, CancellationToken ct)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((number - 1) * size).Take(size).Select(projection).ToListAsync(ct);
        return new PagedList<TResult>(items, number, size, total);
    }
}
