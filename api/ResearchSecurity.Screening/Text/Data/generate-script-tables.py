#!/usr/bin/python3
"""Generates the shipped script tables (see README.md in this folder). Needs Debian packages python3-icu (ICU 72) and
unicode-data (Unihan 15). Run from the repository root:  /usr/bin/python3 api/ResearchSecurity.Screening/Text/Data/generate-script-tables.py
"""
import bz2, os, unicodedata
import icu

here = os.path.dirname(os.path.abspath(__file__))

def letters(a, b):
    return [chr(c) for c in range(a, b + 1) if unicodedata.category(chr(c)).startswith('L')]

def medial(t, c, pad):
    # One character between two neutral consonants, so context rules give the word-internal form
    # (BGN/PCGN writes word-initial Cyrillic e as "ye", word-internal as "e").
    out = t.transliterate(pad + c + pad)
    lp = t.transliterate(pad)
    return out[len(lp):-len(lp)] if out.startswith(lp) and out.endswith(lp) else None

# transliteration.tsv: script letter -> Latin, tagged with its language and standard.
ru = icu.Transliterator.createInstance('Russian-Latin/BGN')
fa = icu.Transliterator.createInstance('Persian-Latin/BGN')
ar = icu.Transliterator.createInstance('Arabic-Latin')
rows = []
for c in letters(0x0400, 0x04FF):
    lat = medial(ru, c.lower(), 'б') if c.isupper() else medial(ru, c, 'б')
    if lat is not None and not any(0x0400 <= ord(x) <= 0x04FF for x in lat):
        rows.append(('ru', c, lat))
for c in letters(0x0600, 0x06FF):
    lat = medial(fa, c, 'ب')
    if lat is None or lat == c or any(0x0600 <= ord(x) <= 0x06FF for x in lat):
        lat = medial(ar, c, 'ب')  # letters BGN leaves to vocalisation (alef) take ICU's Arabic-Latin form
    if lat is not None and lat != c and not any(0x0600 <= ord(x) <= 0x06FF for x in lat):
        rows.append(('fa', c, lat))
with open(os.path.join(here, 'transliteration.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    for lang, c, lat in rows:
        f.write(f'{lang}\t{c}\t{lat}\n')

# hangul-readings.tsv: Chinese character -> Sino-Korean reading (Unihan kHangul, first reading), Simplified characters
# through their Traditional variant (Unihan kTraditionalVariant, or kSimplifiedVariant read backwards) when they have no reading of their own.
def unihan(name, field):
    table = {}
    with bz2.open(f'/usr/share/unicode/{name}.txt.bz2', 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or f'\t{field}\t' not in line:
                continue
            cp, _, value = line.rstrip('\n').split('\t')
            table[chr(int(cp[2:], 16))] = value
    return table
def reading(value):
    # "배:0N 북:0E": the reading taught in Korean education (E) first, else the first one given.
    readings = [r.split(':') for r in value.split()]
    taught = [r[0] for r in readings if len(r) > 1 and 'E' in r[1]]
    return (taught or [readings[0][0]])[0]
hangul = {c: reading(v) for c, v in unihan('Unihan_Readings', 'kHangul').items()}
traditional = {}
for c, v in unihan('Unihan_Variants', 'kTraditionalVariant').items():
    traditional.setdefault(c, []).extend(chr(int(x[2:], 16)) for x in v.split())
for t, v in unihan('Unihan_Variants', 'kSimplifiedVariant').items():  # the same link given from the Traditional side
    for x in v.split():
        traditional.setdefault(chr(int(x[2:], 16)), []).append(t)
with open(os.path.join(here, 'hangul-readings.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    for c in sorted(set(hangul) | set(traditional)):
        h = hangul.get(c) or next((hangul[t] for t in traditional.get(c, []) if t in hangul), None)
        if h and len(h) == 1:
            f.write(f'{c}\t{h}\n')
