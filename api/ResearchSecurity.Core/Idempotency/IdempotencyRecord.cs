namespace ResearchSecurity.Core.Idempotency;

/// <summary>
/// Remembers the response to a POST carrying an Idempotency-Key so that a retried create returns the first
/// result instead of creating a duplicate. The key is scoped to the caller and the route.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string UserId { get; init; }
    public required string Key { get; init; }
    public required string Route { get; init; }
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ResponseBody { get; set; }
}
