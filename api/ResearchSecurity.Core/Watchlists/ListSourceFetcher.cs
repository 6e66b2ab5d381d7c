using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>A URL source the fetcher will not read (scheme, address, size, redirects); the refresh fails with this reason.</summary>
public sealed class ListSourceRefusedException(string reason) : Exception(reason);

/// <summary>
/// Downloads a list source within bounds: https only outside Development; no loopback, link-local, private or other
/// non-public address, checked on the literal host of every hop (redirects are followed here, one by one) and on the
/// address the connection actually uses (the socket connects to the checked address, so DNS cannot be swapped under
/// it); at most <see cref="JobsOptions.MaxListFileBytes"/> bytes, counted while reading; one timeout for everything.
/// </summary>
public sealed class ListSourceFetcher(IHttpClientFactory http, IOptions<ListSourceOptions> options, IOptions<JobsOptions> jobs, IHostEnvironment environment)
{
    public const string HttpClientName = RefreshWatchlistJob.HttpClientName;

    /// <summary>The guarded primary handler of the refresh client: no automatic redirects, addresses checked at connect.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ListSourceOptions>>();
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = (context, ct) => ConnectAsync(context, o.Value.AllowPrivateAddresses, ct),
            };
        });

    public async Task<byte[]> FetchAsync(string url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        using var client = http.CreateClient(HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // the linked token bounds the whole download
        var uri = new Uri(url);
        for (var hop = 0; ; hop++)
        {
            CheckUri(uri);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= options.Value.MaxRedirects) throw new ListSourceRefusedException($"more than {options.Value.MaxRedirects} redirects");
                uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                continue;
            }
            response.EnsureSuccessStatusCode();
            var max = jobs.Value.MaxListFileBytes;
            if (response.Content.Headers.ContentLength > max) throw new ListSourceRefusedException($"{uri} is larger than {max} bytes");
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + n > max) throw new ListSourceRefusedException($"{uri} sent more than {max} bytes");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>Scheme and literal address of one hop (also used when a URL source is registered).</summary>
    public void CheckUri(Uri uri) => CheckUri(uri, environment.IsDevelopment(), options.Value.AllowPrivateAddresses);

    public static void CheckUri(Uri uri, bool allowHttp, bool allowPrivateAddresses)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            throw new ListSourceRefusedException($"{uri.Scheme}:// is not allowed for list sources; use https");
        if (!allowPrivateAddresses && (uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && !IsPublic(ip))))
            throw new ListSourceRefusedException($"{uri.Host} is not a public address");
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        // Every address the name resolves to must be public; connecting to the checked one leaves no second lookup.
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } bad)
            throw new ListSourceRefusedException($"{host} resolves to {bad}, which is not a public address");
        var address = addresses.FirstOrDefault() ?? throw new ListSourceRefusedException($"{host} does not resolve");
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, link-local (169.254/16, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7),
    /// shared (100.64/10), unspecified, multicast and reserved ranges, including IPv4 written as IPv6.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19));
        }
        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC // unique local fc00::/7
            || address.IsIPv6Teredo || address.IsIPv6UniqueLocal);
    }
}
