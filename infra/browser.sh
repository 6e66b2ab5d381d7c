#!/usr/bin/env bash
# Debian's chromium for Playwright browser tests (Playwright's own browser download does not work offline).
# A failed install is reported, not fatal: only browser tests need it, and they say when they are skipped.
browser_ensure_installed() {
  if [[ -x /usr/bin/chromium ]]; then export RS_CHROMIUM=/usr/bin/chromium; return 0; fi
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> installing chromium for browser tests (apt-get install chromium)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; then
      export RS_CHROMIUM=/usr/bin/chromium
    else
      echo "!! chromium could not be installed; browser tests will fail until it is installed" >&2
    fi
  else
    echo "chromium not found; browser tests will fail until it is installed. Install it with: sudo apt-get install chromium" >&2
  fi
}
