using System.Net.Http.Json;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Authorization;

/// <summary>Expected status per caller for one request. 401 anonymous, 403 wrong role, 404 records the caller may not see.</summary>
public sealed record Expect(int Anonymous, int Owner, int Member, int OtherPi, int Reviewer, int GrantOfficer, int Administrator, int Auditor)
{
    public int For(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Owner => Owner,
        Caller.Member => Member,
        Caller.OtherPi => OtherPi,
        Caller.Reviewer => Reviewer,
        Caller.GrantOfficer => GrantOfficer,
        Caller.Administrator => Administrator,
        Caller.Auditor => Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}

/// <param name="Method">HTTP method, as the endpoint declares it.</param>
/// <param name="Route">The endpoint's route pattern exactly as mapped (constraints included, no trailing slash).</param>
/// <param name="Request">Builds the request against a fresh <see cref="MatrixScenario"/>.</param>
/// <param name="Case">Distinguishes several rows for one endpoint (e.g. a draft and a submitted proposal).</param>
public sealed record MatrixRow(string Method, string Route, Func<MatrixScenario, Task<HttpRequestMessage>> Request, Expect Expected, string? Case = null)
{
    public string Key => Case is null ? $"{Method} {Route}" : $"{Method} {Route} [{Case}]";
}

/// <summary>
/// Every endpoint × every caller, with the exact status expected. AuthorizationMatrixTests fails when an endpoint
/// has no row, when a row names no endpoint, and when an anonymous endpoint is not in <see cref="AnonymousRoutes"/>.
///
/// To add an endpoint: add one <c>Row(...)</c> below with the route pattern exactly as mapped (the failure message of
/// EveryEndpoint_HasAMatrixRow prints it), a request built from the scenario, and one status per caller in the order
/// anonymous, owner, member, other PI, reviewer, grant officer, administrator, auditor. If the request needs a record
/// the scenario lacks (a review, a watchlist), add a lazily created property to <see cref="MatrixScenario"/>.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The only endpoints that answer without sign-in: health, API description, sign-in and OpenID Connect.</summary>
    public static readonly IReadOnlySet<string> AnonymousRoutes = new HashSet<string>(StringComparer.Ordinal)
    {
        "/health/live", "/health/ready", "/openapi/{documentName}.json",
        "/scalar/{documentName?}", "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg",
        "/connect/authorize", "/connect/token", "/connect/userinfo", "/connect/endsession",
        "/account/signin", "/account/external", "/account/external/callback",
    };

    private const int OK = 200, Created = 201, Accepted = 202, NoContent = 204, BadRequest = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // ── proposals ── read: investigators (own/member), reviewers (from Submitted on), auditors; write: the owning PI only
        Row("GET", "/api/v1/proposals", _ => Get("/api/v1/proposals"),
            new(Unauthorized, OK, OK, OK, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/proposals/{id:guid}", async s => Get($"/api/v1/proposals/{(await s.SubmittedProposalAsync()).Id()}"),
            new(Unauthorized, OK, OK, NotFound, OK, Forbidden, Forbidden, OK), "submitted"),
        Row("GET", "/api/v1/proposals/{id:guid}", async s => Get($"/api/v1/proposals/{(await s.DraftProposalAsync()).Id()}"),
            new(Unauthorized, OK, OK, NotFound, NotFound, Forbidden, Forbidden, OK), "draft"),
        Row("POST", "/api/v1/proposals", _ => Json(HttpMethod.Post, "/api/v1/proposals", Builders.Proposal()),
            new(Unauthorized, Created, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("PUT", "/api/v1/proposals/{id:guid}", async s =>
            {
                var draft = await s.DraftProposalAsync();
                return Json(HttpMethod.Put, $"/api/v1/proposals/{draft.Id()}", new { title = "Renamed in the matrix" }, draft.ETag());
            },
            new(Unauthorized, OK, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("DELETE", "/api/v1/proposals/{id:guid}", async s => Send(HttpMethod.Delete, $"/api/v1/proposals/{(await s.DraftProposalAsync()).Id()}"),
            new(Unauthorized, NoContent, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/proposals/{id:guid}/submit", async s => Send(HttpMethod.Post, $"/api/v1/proposals/{(await s.DraftProposalAsync()).Id()}/submit"),
            new(Unauthorized, OK, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/proposals/{id:guid}/withdraw", async s => Send(HttpMethod.Post, $"/api/v1/proposals/{(await s.SubmittedProposalAsync()).Id()}/withdraw"),
            new(Unauthorized, OK, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),

        // ── people ── investigators see people they registered and their own record (and may edit it)
        Row("GET", "/api/v1/people", _ => Get("/api/v1/people"),
            new(Unauthorized, OK, OK, OK, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/people/{id:guid}", async s => Get($"/api/v1/people/{(await s.MemberPersonAsync()).Id()}"),
            new(Unauthorized, OK, OK, NotFound, OK, Forbidden, Forbidden, OK), "member's own record"),
        Row("POST", "/api/v1/people", _ => Json(HttpMethod.Post, "/api/v1/people", Builders.Person()),
            new(Unauthorized, Created, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("PUT", "/api/v1/people/{id:guid}", async s =>
            {
                var person = await s.MemberPersonAsync();
                return Json(HttpMethod.Put, $"/api/v1/people/{person.Id()}", Builders.Person("Li Wei (updated)"), person.ETag());
            },
            new(Unauthorized, OK, OK, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), "member's own record"),
        Row("DELETE", "/api/v1/people/{id:guid}", async s => Send(HttpMethod.Delete, $"/api/v1/people/{(await s.LonePersonAsync()).Id()}"),
            new(Unauthorized, NoContent, NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),

        // ── funding ── grant officers and auditors see all; reviewers from Submitted on; investigators own/member
        Row("GET", "/api/v1/funding-sources", _ => Get("/api/v1/funding-sources"),
            new(Unauthorized, OK, OK, OK, OK, OK, Forbidden, OK)),
        Row("GET", "/api/v1/funding-sources/{id:guid}", async s => Get($"/api/v1/funding-sources/{(await s.SubmittedFundingAsync()).Id()}"),
            new(Unauthorized, OK, OK, NotFound, OK, OK, Forbidden, OK), "submitted"),
        Row("GET", "/api/v1/funding-sources/{id:guid}", async s => Get($"/api/v1/funding-sources/{(await s.DraftFundingAsync()).Id()}"),
            new(Unauthorized, OK, OK, NotFound, NotFound, OK, Forbidden, OK), "draft"),
        // Linking funding to someone else's proposal is a validation error naming proposalId (it does not reveal whether it exists).
        Row("POST", "/api/v1/funding-sources", async s => Json(HttpMethod.Post, "/api/v1/funding-sources",
                new { proposalId = (await s.DraftProposalAsync()).Id(), funderName = "Deutsche Forschungsgemeinschaft", country = "DE", amount = 1000m, currency = "EUR" }),
            new(Unauthorized, Created, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("PUT", "/api/v1/funding-sources/{id:guid}", async s =>
            {
                var draft = await s.DraftProposalAsync();
                var funding = await s.DraftFundingAsync();
                return Json(HttpMethod.Put, $"/api/v1/funding-sources/{funding.Id()}",
                    new { proposalId = draft.Id(), funderName = "Renamed funder", country = "CN", amount = 1m, currency = "CNY" }, funding.ETag());
            },
            new(Unauthorized, OK, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("DELETE", "/api/v1/funding-sources/{id:guid}", async s => Send(HttpMethod.Delete, $"/api/v1/funding-sources/{(await s.DraftFundingAsync()).Id()}"),
            new(Unauthorized, NoContent, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),

        // ── reference data ── anyone signed in
        Row("GET", "/api/v1/technology-areas", _ => Get("/api/v1/technology-areas"),
            new(Unauthorized, OK, OK, OK, OK, OK, OK, OK)),

        // ── reviews ── reviewers act (never on their own proposals), auditors read; nobody else sees the review side
        Row("GET", "/api/v1/reviews", _ => Get("/api/v1/reviews"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/reviews/disposition-reasons", _ => Get("/api/v1/reviews/disposition-reasons"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/reviews/{proposalId:guid}", async s => Get($"/api/v1/reviews/{(await s.ScreenedProposalAsync()).Id}"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/reviews/{proposalId:guid}/hits/{hitId:guid}", async s =>
            {
                var p = await s.ScreenedProposalAsync();
                return Get($"/api/v1/reviews/{p.Id}/hits/{p.HitId}");
            },
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/claim", async s => Send(HttpMethod.Post, $"/api/v1/reviews/{(await s.ScreenedProposalAsync()).Id}/claim"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/hits/{hitId:guid}/disposition", async s =>
            {
                var p = await s.ScreenedProposalAsync();
                return Json(HttpMethod.Post, $"/api/v1/reviews/{p.Id}/hits/{p.HitId}/disposition", new { disposition = "TrueMatch", note = "Listed entity." });
            },
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/information-requests", async s => Json(HttpMethod.Post,
                $"/api/v1/reviews/{(await s.ScreenedProposalAsync()).Id}/information-requests", new { question = "Which lab hosts the visit?" }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/escalate", async s => Json(HttpMethod.Post,
                $"/api/v1/reviews/{(await s.ScreenedProposalAsync()).Id}/escalate", new { reason = "Committee should decide." }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        // Administrators manage users and lists but never decide reviews.
        Row("POST", "/api/v1/reviews/{proposalId:guid}/decisions", async s => Json(HttpMethod.Post,
                $"/api/v1/reviews/{(await s.ScreenedProposalAsync()).Id}/decisions", new { outcome = "Rejected", rationale = "Listed partner." }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/decisions/{decisionId:guid}/confirm", async s =>
            {
                var (proposalId, decisionId) = await s.PendingDecisionAsync();
                return Send(HttpMethod.Post, $"/api/v1/reviews/{proposalId}/decisions/{decisionId}/confirm");
            },
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden), "by a second reviewer"),
        Row("GET", "/api/v1/proposals/{proposalId:guid}/information-requests", async s =>
                Get($"/api/v1/proposals/{(await s.OpenQuestionAsync()).ProposalId}/information-requests"),
            new(Unauthorized, OK, OK, NotFound, OK, Forbidden, Forbidden, OK)),
        Row("POST", "/api/v1/proposals/{proposalId:guid}/information-requests/{requestId:guid}/answer", async s =>
            {
                var (proposalId, requestId) = await s.OpenQuestionAsync();
                return Json(HttpMethod.Post, $"/api/v1/proposals/{proposalId}/information-requests/{requestId}/answer", new { answer = "The home university pays." });
            },
            new(Unauthorized, OK, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),

        // ── audit trail ── auditors only
        Row("GET", "/api/v1/audit/events", _ => Get("/api/v1/audit/events"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK)),
        Row("POST", "/api/v1/audit/verify", _ => Send(HttpMethod.Post, "/api/v1/audit/verify"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/audit/proposals/{proposalId:guid}/export", async s => Get($"/api/v1/audit/proposals/{(await s.SubmittedProposalAsync()).Id()}/export"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK)),

        // ── users ── administrators manage, auditors read
        Row("GET", "/api/v1/users", _ => Get("/api/v1/users"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, OK)),
        Row("POST", "/api/v1/users", _ => Json(HttpMethod.Post, "/api/v1/users",
                new { userName = $"new{Guid.NewGuid():N}"[..16], email = "new.user@example.edu", password = "A-good-passw0rd", roles = new[] { Roles.Investigator } }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden)),
        Row("PUT", "/api/v1/users/{id}/roles", async s => Json(HttpMethod.Put, $"/api/v1/users/{await s.AccountIdAsync()}/roles", new { roles = new[] { Roles.GrantOfficer } }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden)),
        Row("POST", "/api/v1/users/{id}/lock", async s => Send(HttpMethod.Post, $"/api/v1/users/{await s.AccountIdAsync()}/lock"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NoContent, Forbidden)),
        Row("POST", "/api/v1/users/{id}/unlock", async s => Send(HttpMethod.Post, $"/api/v1/users/{await s.AccountIdAsync()}/unlock"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NoContent, Forbidden)),

        // ── watchlists ── administrators manage; reviewers and auditors read versions and diffs
        Row("GET", "/api/v1/watchlists", _ => Get("/api/v1/watchlists"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("GET", "/api/v1/watchlists/{id}", async s => Get($"/api/v1/watchlists/{await s.WatchlistAsync()}"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("POST", "/api/v1/watchlists", _ => Json(HttpMethod.Post, "/api/v1/watchlists",
                new { id = $"m-{Guid.NewGuid():N}"[..14], displayName = "Matrix list", format = "FollowTheMoney", source = "Upload", severity = 2 }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden)),
        Row("POST", "/api/v1/watchlists/{id}/versions", async s => MatrixScenario.Upload(await s.WatchlistAsync(), "Second Matrix Institute"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden)),
        Row("GET", "/api/v1/watchlists/{id}/versions", async s => Get($"/api/v1/watchlists/{await s.WatchlistAsync()}/versions"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("GET", "/api/v1/watchlists/{id}/versions/{number:int}", async s => Get($"/api/v1/watchlists/{await s.WatchlistAsync()}/versions/1"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("GET", "/api/v1/watchlists/{id}/versions/{number:int}/diff", async s => Get($"/api/v1/watchlists/{await s.WatchlistAsync()}/versions/1/diff"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("POST", "/api/v1/watchlists/{id}/versions/{number:int}/activate", async s => Send(HttpMethod.Post, $"/api/v1/watchlists/{await s.WatchlistAsync()}/versions/1/activate"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Accepted, Forbidden)),
        Row("*", "/hangfire/{**path}", _ => Get("/hangfire"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden)),

        // ── background jobs and screening results ──
        Row("GET", "/api/v1/jobs", _ => Get("/api/v1/jobs"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("GET", "/api/v1/jobs/{id:guid}", async s => Get($"/api/v1/jobs/{await s.RescreenJobAsync()}"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        // Grant officers see a submitted proposal's funding hits only (filtered in the handler).
        Row("GET", "/api/v1/proposals/{id:guid}/screening", async s => Get($"/api/v1/proposals/{(await s.SubmittedProposalAsync()).Id()}/screening"),
            new(Unauthorized, OK, OK, NotFound, OK, OK, Forbidden, OK)),

        // ── risk ── investigators see their own proposals' risk (cross-record evidence withheld); reviewers act on flags;
        // policies are read by reviewers, administrators and auditors, managed by administrators.
        Row("GET", "/api/v1/proposals/{id:guid}/risk", async s => Get($"/api/v1/proposals/{(await s.SubmittedProposalAsync()).Id()}/risk"),
            new(Unauthorized, OK, OK, NotFound, OK, Forbidden, Forbidden, OK)),
        // The review dossier: the office's full record for reviewers and auditors, the investigators' version for the people on it.
        Row("GET", "/api/v1/proposals/{id:guid}/dossier", async s => Get($"/api/v1/proposals/{(await s.SubmittedProposalAsync()).Id()}/dossier"),
            new(Unauthorized, OK, OK, NotFound, OK, Forbidden, Forbidden, OK)),
        // ── registers ── each export takes its record's read policy; the rows are filtered as in the lists.
        Row("GET", "/api/v1/registers/proposals", _ => Get("/api/v1/registers/proposals"),
            new(Unauthorized, OK, OK, OK, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/registers/visitors", _ => Get("/api/v1/registers/visitors"),
            new(Unauthorized, OK, OK, OK, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/registers/funding-sources", _ => Get("/api/v1/registers/funding-sources"),
            new(Unauthorized, OK, OK, OK, OK, OK, Forbidden, OK)),
        Row("GET", "/api/v1/registers/hits", _ => Get("/api/v1/registers/hits"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        Row("GET", "/api/v1/registers/decisions", _ => Get("/api/v1/registers/decisions"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK)),
        // ── visitor bulk import ── investigators, who own the people they import
        Row("GET", "/api/v1/imports/visitors/template", _ => Get("/api/v1/imports/visitors/template"),
            new(Unauthorized, OK, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/imports/visitors/preview", _ => VisitorFile("/api/v1/imports/visitors/preview"),
            new(Unauthorized, OK, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/imports/visitors", _ => VisitorFile("/api/v1/imports/visitors"),
            new(Unauthorized, Created, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/imports/visitors/errors", _ => VisitorFile("/api/v1/imports/visitors/errors"),
            new(Unauthorized, OK, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/reviews/{proposalId:guid}/flags/{flagId:guid}/dismiss", async s =>
            {
                var (proposalId, flagId) = await s.FlaggedProposalAsync();
                return Json(HttpMethod.Post, $"/api/v1/reviews/{proposalId}/flags/{flagId}/dismiss", new { reason = "The partner's site is on its university's domain." });
            },
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        // ── approach reports ── any member of staff files; the reporter reads their own, reviewers and auditors all; reviewers triage
        Row("GET", "/api/v1/approach-reports", _ => Get("/api/v1/approach-reports"),
            new(Unauthorized, OK, OK, OK, OK, OK, OK, OK)),
        Row("POST", "/api/v1/approach-reports", _ => Json(HttpMethod.Post, "/api/v1/approach-reports", MatrixScenario.ApproachReport()),
            new(Unauthorized, Created, Created, Created, Created, Created, Created, Created)),
        Row("GET", "/api/v1/approach-reports/{id:guid}", async s => Get($"/api/v1/approach-reports/{(await s.ApproachReportAsync()).Id()}"),
            new(Unauthorized, OK, NotFound, NotFound, OK, NotFound, NotFound, OK)),
        Row("POST", "/api/v1/approach-reports/{id:guid}/review", async s => Send(HttpMethod.Post, $"/api/v1/approach-reports/{(await s.ApproachReportAsync()).Id()}/review"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        Row("POST", "/api/v1/approach-reports/{id:guid}/close", async s => Json(HttpMethod.Post,
                $"/api/v1/approach-reports/{(await s.ApproachReportUnderReviewAsync()).Id()}/close", new { outcome = "Suspicious", note = "Matches an earlier pattern." }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden)),
        // ── notifications ── each user their own preferences; webhook receivers: administrators
        Row("GET", "/api/v1/me/notification-preferences", _ => Get("/api/v1/me/notification-preferences"),
            new(Unauthorized, OK, OK, OK, OK, OK, OK, OK)),
        Row("PUT", "/api/v1/me/notification-preferences", _ => Json(HttpMethod.Put, "/api/v1/me/notification-preferences",
                new { preferences = new[] { new { kind = "HitsOnQueue", mode = "Digest" } } }),
            new(Unauthorized, OK, OK, OK, OK, OK, OK, OK)),
        Row("GET", "/api/v1/webhooks", _ => Get("/api/v1/webhooks"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden)),
        Row("POST", "/api/v1/webhooks", _ => Json(HttpMethod.Post, "/api/v1/webhooks", new { name = "Tickets", url = "https://tickets.example.org/hooks/rs" }),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden)),
        Row("DELETE", "/api/v1/webhooks/{id:guid}", async s => Send(HttpMethod.Delete, $"/api/v1/webhooks/{(await s.WebhookAsync()).Id()}"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NoContent, Forbidden)),
        Row("GET", "/api/v1/risk-policies", _ => Get("/api/v1/risk-policies"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("POST", "/api/v1/risk-policies", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/risk-policies")
            { Content = new ByteArrayContent(MatrixScenario.PolicyDocument()) { Headers = { ContentType = new("application/json") } } },
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden)),
        Row("GET", "/api/v1/risk-policies/{number:int}", _ => Get("/api/v1/risk-policies/1"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("GET", "/api/v1/risk-policies/{number:int}/diff", _ => Get("/api/v1/risk-policies/2/diff?against=1"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, OK)),
        Row("POST", "/api/v1/risk-policies/{number:int}/activate", async s => Send(HttpMethod.Post, $"/api/v1/risk-policies/{await s.UploadedPolicyAsync()}/activate"),
            new(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Accepted, Forbidden)),
    ];

    private static MatrixRow Row(string method, string route, Func<MatrixScenario, Task<HttpRequestMessage>> request, Expect expected, string? @case = null) =>
        new(method, route, request, expected, @case);

    private static MatrixRow Row(string method, string route, Func<MatrixScenario, HttpRequestMessage> request, Expect expected, string? @case = null) =>
        new(method, route, s => Task.FromResult(request(s)), expected, @case);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    /// <summary>A one-visitor CSV without e-mail or ORCID, so each caller's import is new.</summary>
    private static HttpRequestMessage VisitorFile(string url) => new(HttpMethod.Post, url)
    {
        Content = VisitorFiles.Multipart(VisitorFiles.Csv(["Zhang Min,,,,Beihang University,CN,Employment,,Department of Physics,,2027-01-10,2027-03-31,,"]), "visitors.csv"),
    };

    private static HttpRequestMessage Send(HttpMethod method, string url) => new(method, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, object body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
