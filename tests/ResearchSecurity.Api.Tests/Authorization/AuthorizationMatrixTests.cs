using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Authorization;

[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFactory api)
{
    public static TheoryData<string, Caller> Cells()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var row in AuthorizationMatrix.Rows)
            foreach (var caller in Enum.GetValues<Caller>())
                data.Add(row.Key, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_AsCaller_ReturnsExactlyTheExpectedStatus(string row, Caller caller)
    {
        var cell = AuthorizationMatrix.Rows.Single(r => r.Key == row);
        var scenario = new MatrixScenario(api);
        using var request = await cell.Request(scenario);
        var response = await scenario.ClientFor(caller).SendAsync(request);
        await response.ShouldBe((HttpStatusCode)cell.Expected.For(caller));
    }

    [Fact]
    public void EveryEndpoint_HasAMatrixRowOrIsListedAnonymous()
    {
        var rows = AuthorizationMatrix.Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        var missing = Endpoints()
            .Where(e => !AuthorizationMatrix.AnonymousRoutes.Contains(e.Route) && !rows.Contains($"{e.Method} {e.Route}"))
            .Select(e => $"{e.Method} {e.Route}")
            .ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in AuthorizationMatrix.Rows: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryMatrixRow_NamesAnExistingEndpoint()
    {
        var endpoints = Endpoints().Select(e => $"{e.Method} {e.Route}").ToHashSet();
        var stale = AuthorizationMatrix.Rows.Where(r => !endpoints.Contains($"{r.Method} {r.Route}")).Select(r => r.Key).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void AnonymousEndpoints_AreExactlyTheListedOnes_AndEveryOtherEndpointNamesAPolicy()
    {
        var endpoints = Endpoints().ToList();
        var anonymous = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Route).ToHashSet();
        Assert.Equal(AuthorizationMatrix.AnonymousRoutes.Order(), anonymous.Order());

        var withoutPolicy = endpoints
            .Where(e => !anonymous.Contains(e.Route))
            .Where(e => !e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => $"{e.Method} {e.Route}")
            .ToList();
        Assert.True(withoutPolicy.Count == 0, "Endpoints without a named authorization policy: " + string.Join(", ", withoutPolicy));
    }

    private IEnumerable<(string Method, string Route, RouteEndpoint Endpoint)> Endpoints() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (method, Normalize(e.RoutePattern.RawText), e)));

    private static string Normalize(string? pattern)
    {
        var route = "/" + (pattern ?? string.Empty).Trim('/');
        return route.Replace("//", "/", StringComparison.Ordinal);
    }
}
