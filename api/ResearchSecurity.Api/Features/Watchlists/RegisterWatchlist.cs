using Hangfire;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Features.Watchlists;

public sealed record RegisterWatchlistRequest(string Id, string DisplayName, WatchlistFormat? Format, WatchlistSource? Source, string? SourceUrl,
    string? RefreshCron, int? Severity);

public sealed class RegisterWatchlistValidator : AbstractValidator<RegisterWatchlistRequest>
{
    public RegisterWatchlistValidator(IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<ListSourceOptions> sources)
    {
        RuleFor(r => r.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{0,59}$")
            .WithMessage("Use 1–60 lower-case letters, digits and dashes, e.g. \"us-1286\".");
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Severity).InclusiveBetween(1, 4).When(r => r.Severity is not null);
        RuleFor(r => r.SourceUrl).NotEmpty().When(r => r.Source == WatchlistSource.Url).WithMessage("A URL source needs sourceUrl.");
        RuleFor(r => r.SourceUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .MaximumLength(1000).When(r => r.SourceUrl is not null).WithMessage("An absolute http(s) URL.");
        // The fetcher checks again on every download and redirect; this refuses the obvious cases at once.
        RuleFor(r => r.SourceUrl).Must(u => SourceProblem(u!, environment, sources.Value) is null)
            .When(r => Uri.TryCreate(r.SourceUrl, UriKind.Absolute, out _))
            .WithMessage(r => SourceProblem(r.SourceUrl!, environment, sources.Value)!);
        RuleFor(r => r.RefreshCron).Must(BeCron!).When(r => r.RefreshCron is not null).WithMessage("A cron expression, e.g. \"0 3 * * *\".");
    }

    private static string? SourceProblem(string url, IHostEnvironment environment, ListSourceOptions sources)
    {
        try { ListSourceFetcher.CheckUri(new Uri(url), environment.IsDevelopment(), sources.AllowPrivateAddresses); return null; }
        catch (ListSourceRefusedException e) { return e.Message; }
    }

    // The shape only; Hangfire parses the expression itself when the schedule is registered.
    private static bool BeCron(string cron) =>
        System.Text.RegularExpressions.Regex.IsMatch(cron.Trim(), @"^([0-9A-Za-z*/,?#-]+\s+){4,5}[0-9A-Za-z*/,?#-]+$");
}

public static class RegisterWatchlist
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(RegisterWatchlist))
            .WithSummary("Register a watchlist")
            .WithDescription("Adds a list to screen against, uploaded by hand or refreshed from a URL on a schedule.")
            .ProducesConflict()
            .RequireAuthorization(Policies.WatchlistsManage)
            .Validate<RegisterWatchlistRequest>();

    public static async Task<Results<Created<WatchlistResponse>, ProblemHttpResult>> Handle(RegisterWatchlistRequest request,
        ResearchSecurityDbContext db, CurrentUser user, IRecurringJobManager recurring, CancellationToken ct)
    {
        if (await db.Watchlists.AnyAsync(w => w.Id == request.Id, ct))
            return TypedResults.Problem(title: "Watchlist exists", detail: $"A watchlist with id '{request.Id}' is already registered.",
                statusCode: StatusCodes.Status409Conflict);
        var watchlist = Watchlist.Register(request.Id, request.DisplayName, request.Format ?? WatchlistFormat.Auto, request.Source ?? WatchlistSource.Upload,
            request.SourceUrl, request.RefreshCron, request.Severity ?? 3, user.Id, db.Clock.GetUtcNow());
        try
        {
            RefreshWatchlistJob.Schedule(recurring, watchlist);
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "Invalid refresh schedule", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        db.Watchlists.Add(watchlist);
        db.Audit(AuditEventType.WatchlistRegistered, nameof(Watchlist), null, null, AuditChanges.Of(null, request));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/watchlists/{watchlist.Id}", watchlist.ToResponse(null));
    }
}
