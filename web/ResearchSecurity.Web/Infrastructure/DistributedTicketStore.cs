using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>
/// Keeps each session's ticket (claims and the API tokens) on the server; the browser's cookie holds only the key.
/// Backed by IDistributedCache (in memory here; a shared cache when the web host is scaled out). Tickets are
/// encrypted with data protection so a cache dump does not hand out tokens.
/// </summary>
public sealed class DistributedTicketStore(IDistributedCache cache, IDataProtectionProvider protection) : ITicketStore
{
    private const string KeyPrefix = "rs-web-ticket:";
    private readonly IDataProtector _protector = protection.CreateProtector("ResearchSecurity.Web.Tickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var options = new DistributedCacheEntryOptions();
        if (ticket.Properties.ExpiresUtc is { } expires) options.AbsoluteExpiration = expires;
        return cache.SetAsync(KeyPrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), options);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(KeyPrefix + key);
        if (bytes is null) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);
}
