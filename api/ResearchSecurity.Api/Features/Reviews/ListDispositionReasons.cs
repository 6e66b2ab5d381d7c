using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The reasons a reviewer may pick when clearing a hit as a false positive (configuration, Review:FalsePositiveReasons).</summary>
public static class ListDispositionReasons
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/disposition-reasons", (IOptions<ReviewOptions> options) => TypedResults.Ok(options.Value.FalsePositiveReasons))
            .WithName(nameof(ListDispositionReasons))
            .WithSummary("List false-positive reasons")
            .WithDescription("The reasons a reviewer may give when disposing of a screening hit as a false positive.");
}
