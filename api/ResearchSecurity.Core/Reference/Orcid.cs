using System.Text.RegularExpressions;

namespace ResearchSecurity.Core.Reference;

/// <summary>ORCID iD validation: format 0000-0000-0000-000X with the ISO 7064 11,2 check digit.</summary>
public static partial class Orcid
{
    [GeneratedRegex(@"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]
    private static partial Regex Format();

    public static bool IsValid(string? orcid)
    {
        if (orcid is null || !Format().IsMatch(orcid)) return false;
        var digits = orcid.Replace("-", string.Empty);
        var total = 0;
        for (var i = 0; i < 15; i++) total = (total + (digits[i] - '0')) * 2;
        var result = (12 - total % 11) % 11;
        var check = result == 10 ? 'X' : (char)('0' + result);
        return digits[15] == check;
    }
}
