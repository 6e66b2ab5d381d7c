using System.Text;

namespace ResearchSecurity.Screening.Tests.Support;

internal static class Streams
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
