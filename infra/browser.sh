#!/usr/bin/env bash
# Debian's chromium for Playwright browser tests (Playwright's own browser download does not work offline), with a
# CJK font so Chinese and Japanese list names render as text in screenshots rather than as empty boxes.
# A failed install is reported, not fatal: only browser tests need it, and they say when they are skipped.
BROWSER_PACKAGES=(chromium fonts-wqy-zenhei)
browser_ensure_installed() {
  local missing=() p
  for p in "${BROWSER_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [[ ${#missing[@]} -gt 0 && $(id -u) -eq 0 ]]; then
    echo "==> installing ${missing[*]} for browser tests (apt-get install)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "!! ${missing[*]} could not be installed; browser tests need chromium" >&2
  elif [[ ${#missing[@]} -gt 0 ]]; then
    echo "${missing[*]} not installed; browser tests need chromium. Install with: sudo apt-get install ${missing[*]}" >&2
  fi
  if [[ -x /usr/bin/chromium ]]; then export RS_CHROMIUM=/usr/bin/chromium; fi
}
