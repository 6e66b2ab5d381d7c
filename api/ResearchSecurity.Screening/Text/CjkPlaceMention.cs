namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Decides whether a place name written in Chinese characters, kana or Hangul (日本, 中国, 한국, 仙台) is a mention of
/// that place or only the start of a longer word. These scripts write no spaces between words, so "contains" is not
/// "mentions": 日本語 is "the Japanese language", 한국어 "Korean", ロシア語 "Russian" — none of them says where the
/// institution is, and reading them as a country lets a conflicting country clear a real hit.
/// <para>
/// There is no dictionary to cut Chinese text into words, so the rule looks at what follows the name in the same run
/// of character-script text (up to a space, punctuation, Latin letter or digit). The name is a mention when
/// <list type="bullet">
/// <item>the run ends with it ("仙台", "日本" as a segment of its own, "日本 東京");</item>
/// <item>it heads an address: an administrative unit or another listed place follows (日本国, 東京都, 仙台市,
/// 부산광역시, 日本東京);</item>
/// <item>it heads an organisation name: the rest of the run holds an organisation-type word (中国科学院, 日本大学,
/// 中国航天科技集团, 한국과학기술원).</item>
/// </list>
/// Anything else (日本語表記, 中国語学科, 日本式) is a longer word. The rule errs towards "no mention": a missed country
/// leaves a hit for review, while a spurious one clears it. Only what follows is looked at: addresses put a
/// prefecture before a city (宮城県仙台市), so a character before the name says nothing about a boundary.
/// </para>
/// </summary>
public static class CjkPlaceMention
{
    /// <summary>Units that follow a place in an address (folded like the text: 県 is compared as 县).</summary>
    private static readonly string[] AddressUnits = Fold(
    [
        "国", "都", "道", "府", "県", "省", "市", "区", "州", "町", "村",
        "특별시", "광역시", "시", "도", "구", "군",
    ]);

    /// <summary>Organisation-type words (Chinese and Japanese, folded; Korean).</summary>
    private static readonly string[] OrganisationWords = Fold(
    [
        "大学", "学院", "学校", "研究院", "研究所", "研究中心", "实验室", "科学院", "中心", "集团", "公司", "医院", "病院",
        "学会", "协会", "会社", "机构", "解放军", "银行",
        "대학교", "대학", "대학원", "연구소", "연구원", "기술원", "병원", "학교", "센터", "공사", "회사",
    ]);

    /// <summary>The text with Chinese characters folded one for one (<see cref="ScriptFolding"/>); positions are kept.</summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (TextNormalizer.IsCjk(chars[i])) chars[i] = ScriptFolding.Fold(chars[i]);
        return new string(chars);
    }

    /// <summary>
    /// True when <paramref name="place"/> (folded) occurs in <paramref name="foldedText"/> as a mention of the place;
    /// <paramref name="places"/> are all listed place names, for "another place follows".
    /// </summary>
    public static bool IsMentioned(string foldedText, string place, IEnumerable<string> places)
    {
        for (var at = foldedText.IndexOf(place, StringComparison.Ordinal); at >= 0;
             at = foldedText.IndexOf(place, at + 1, StringComparison.Ordinal))
        {
            var end = at + place.Length;
            var runEnd = end;
            while (runEnd < foldedText.Length && IsWordCharacter(foldedText[runEnd])) runEnd++;
            if (runEnd == end) return true;
            var rest = foldedText.AsSpan(end, runEnd - end);
            foreach (var unit in AddressUnits)
                if (rest.StartsWith(unit, StringComparison.Ordinal)) return true;
            foreach (var other in places)
                if (rest.StartsWith(other, StringComparison.Ordinal)) return true;
            foreach (var word in OrganisationWords)
                if (rest.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Characters that continue a word in these scripts: Chinese characters, Hangul syllables, kana.</summary>
    private static bool IsWordCharacter(char c) => TextNormalizer.IsCharacterScript(c) || c is >= '\u3040' and <= '\u30FF';

    private static string[] Fold(string[] words) => [.. words.Select(Fold)];
}
