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
    private readonly Plan[] _plans;

    public NameWords(CompiledName[] names)
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _plans = new Plan[names.Length];
        foreach (var name in names)
        {
            var words = new List<int>();
            var glued = new List<int>();
            var optional = new List<bool>();
            var partEnds = new List<int>();
            foreach (var part in name.Parts)
            {
                for (var i = 0; i < part.Length; i++)
                {
                    words.Add(IdOf(part[i]));
                    glued.Add(i + 1 < part.Length ? IdOf(part[i] + part[i + 1]) : -1);
                    optional.Add(TokenStats.LegalForms.Contains(part[i]) || TokenStats.CompanyWords.Contains(part[i]));
                }
                partEnds.Add(words.Count);
            }
            _plans[name.Id] = new Plan([.. words], [.. glued], [.. optional], [.. partEnds]);
        }
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
        var plan = _plans[name.Id];
        var missing = 0;
        var k = 0;
        foreach (var end in plan.PartEnds)
            for (; k < end; k++)
            {
                if (text.Contains(plan.Words[k]) || plan.Optional[k]) continue;
                if (k + 1 < end && text.Contains(plan.Glued[k])) { k++; continue; } // "Jiao Tong" written "Jiaotong"
                if (++missing > 1) return false;
            }
        return true;
    }

    private int IdOf(string word)
    {
        if (!_ids.TryGetValue(word, out var id)) _ids[word] = id = _ids.Count;
        return id;
    }

    /// <summary>A name's words in order across its parts, with where each part ends.</summary>
    private sealed record Plan(int[] Words, int[] Glued, bool[] Optional, int[] PartEnds);
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
