#!/usr/bin/env bash
# One-time (and idempotent) set-up: Debian packages (Chromium, PDF checkers), npm packages,
# and the compiled CLI. Quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'セットアップ: %s\n' "$*" >&2; }

# Debian packages: Chromium's headless shell renders (the desktop chromium is not needed: it
# starts twice as slowly); poppler-utils and qpdf let the tests read PDFs back.
need=()
command -v chromium-headless-shell >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# ghostscript converts the print edition to CMYK PDF/X (--pdfx).
command -v gs >/dev/null 2>&1 || need+=(ghostscript)
# fontconfig's fc-list / fc-match let the tests check which files answer to the faces' names
# (print/installed-fonts.ts); Chromium itself needs only its library.
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  say "Debian パッケージを入れます: ${need[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "root 権限が必要です: apt-get install ${need[*]}"; exit 1; }
    # -n: never wait for a password (CI would stall); say what to run instead.
    sudo -n true 2>/dev/null || { say "パスワードなしの sudo が使えません。管理者が次を実行してください: sudo apt-get install ${need[*]}"; exit 1; }
    sudo_cmd="sudo -n"
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm packages, exactly as locked; skipped when the lock file has not changed since last time.
stamp=node_modules/.plan-press-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "npm パッケージを入れます"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# The CLI runs compiled JavaScript (fast start), compiled when a source is newer than the last compile.
node scripts/compile-if-stale.mjs
say "完了"
