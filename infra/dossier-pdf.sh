#!/usr/bin/env bash
# Prints a realistic review dossier through the real API (the dossier test, against a throwaway PostgreSQL), converts
# it to PDF with LibreOffice and renders its first two pages to PNG. Usage: infra/dossier-pdf.sh [output folder]
# Needs LibreOffice Writer and Ghostscript: as root they are installed (apt-get install libreoffice-writer-nogui
# ghostscript); otherwise the script says what is missing and stops.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/.data/dossier}" && cd "${1:-$ROOT/.data/dossier}" && pwd)"
if ! command -v soffice >/dev/null || ! command -v gs >/dev/null; then
  if [[ $EUID -eq 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui ghostscript >/dev/null
  else echo "skipped: LibreOffice Writer and Ghostscript are not installed (apt-get install libreoffice-writer-nogui ghostscript)" >&2; exit 0; fi
fi
RS_DOSSIER_SAMPLE="$OUT/review-dossier.docx" "$ROOT/infra/test.sh" --filter "FullyQualifiedName~ReviewDossierTests.TheReviewersDossier" >"$OUT/test.log" 2>&1 \
  || { echo "!! the dossier test failed; see $OUT/test.log" >&2; exit 1; }
soffice --headless --convert-to pdf --outdir "$OUT" "$OUT/review-dossier.docx" >/dev/null
gs -q -dNOPAUSE -dBATCH -sDEVICE=png16m -r60 -dFirstPage=1 -dLastPage=2 -sOutputFile="$OUT/review-dossier-page-%d.png" "$OUT/review-dossier.pdf"
echo "$OUT/review-dossier.pdf ($(gs -q -dNODISPLAY -dNOSAFER -c "($OUT/review-dossier.pdf) (r) file runpdfbegin pdfpagecount = quit") pages), first pages: $OUT/review-dossier-page-1.png, -2.png"
