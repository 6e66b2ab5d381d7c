namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// The words of every name part, and each adjacent pair glued ("jiaotong" of "Jiao Tong"), numbered once at index
/// build, with what <see cref="Plausible"/> needs per name precomputed. Why: the pre-check runs for every candidate of
/// every text (about fifty per text); as string look-ups it hashed each name word again and glued a new string for
/// every absent word, which made it the largest single cost after retrieval.
/// </summary>
internal sealed class NameWords
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    // Every name's plan in one array, so a check touches one place in memory (this runs ~50 times per text and was
    // bound by fetching per-name objects): at _start[name] the number of parts P, then P part ends (word counts), then
    // per word its id, the id of it glued to the next word (-1 for a part's last word) and 1 if it may be absent.
    private readonly int[] _plans;
    private readonly int[] _start;

    public NameWords(CompiledName[] names)
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _start = new int[names.Length];
        var plans = new List<int>();
        foreach (var name in names)
        {
            _start[name.Id] = plans.Count;
            plans.Add(name.Parts.Length);
            var words = 0;
            foreach (var part in name.Parts) plans.Add(words += part.Length);
            foreach (var part in name.Parts)
                for (var i = 0; i < part.Length; i++)
                {
                    plans.Add(IdOf(part[i]));
                    plans.Add(i + 1 < part.Length ? IdOf(part[i] + part[i + 1]) : -1);
                    plans.Add(TokenStats.LegalForms.Contains(part[i]) || TokenStats.CompanyWords.Contains(part[i]) ? 1 : 0);
                }
        }
        _plans = [.. plans];
    }

    public int Count => _ids.Count;

    /// <summary>The number of a name word or glued pair written in <paramref name="word"/>, or -1 when no name has it.</summary>
    public int Find(ReadOnlySpan<char> word) => _idsBySpan.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// Cheap pre-check before alignment: at most one word of the name may be absent from the text's words (that one may
    /// still be a glued pair, a two-edit typo or a trailing legal form). Each part is checked on its own: a glued pair
    /// never spans two parts.
    /// </summary>
    public bool Plausible(CompiledName name, TextWords text)
    {
        var plan = _plans.AsSpan(_start[name.Id]);
        var parts = plan[0];
        var words = plan[(1 + parts)..];
        var missing = 0;
        var k = 0;
        for (var p = 1; p <= parts; p++)
            for (var end = plan[p]; k < end; k++)
            {
                var w = words.Slice(3 * k, 3);
                if (text.Contains(w[0]) || w[2] == 1) continue;
                if (k + 1 < end && text.Contains(w[1])) { k++; continue; } // "Jiao Tong" written "Jiaotong"
                if (++missing > 1) return false;
            }
        return true;
    }

    private int IdOf(string word)
    {
        if (!_ids.TryGetValue(word, out var id)) _ids[word] = id = _ids.Count;
        return id;
    }
}

/// <summary>Which name words (<see cref="NameWords"/>) a text has, as a bit set; filled while collecting candidates.</summary>
internal sealed class TextWords(int wordCount)
{
    private readonly ulong[] _bits = new ulong[(wordCount + 63) / 64];

    public void Add(int id)
    {
        if (id >= 0) _bits[id >> 6] |= 1UL << (id & 63);
    }

    public bool Contains(int id) => id >= 0 && (_bits[id >> 6] & (1UL << (id & 63))) != 0;
}
