using FluentValidation;

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
}
