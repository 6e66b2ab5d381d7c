using System.Text.Json;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Api.Features.Jobs;

public sealed record JobResponse(Guid Id, string Kind, string Description, string State, int Processed, int Total, double Percent,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? EtaSeconds, int Attempts, string? Error,
    JsonElement? Result, string? HangfireJobId);

public static class JobMapping
{
    public static JobResponse ToResponse(this JobProgress j, DateTimeOffset now) => new(j.Id, j.Kind, j.Description,
        j.State.ToString().ToLowerInvariant(), j.Processed, j.Total, j.Total == 0 ? (j.State == JobProgressState.Succeeded ? 100 : 0) : Math.Round(100.0 * j.Processed / j.Total, 1),
        j.CreatedAt, j.StartedAt, j.FinishedAt, j.EstimatedRemaining(now) is { } eta ? Math.Round(eta.TotalSeconds, 1) : null, j.Attempts, j.Error,
        j.Result is null ? null : JsonDocument.Parse(j.Result).RootElement.Clone(), j.HangfireJobId);
}
