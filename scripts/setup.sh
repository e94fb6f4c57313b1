#!/usr/bin/env bash
# One-time (and idempotent) set-up: Debian packages (Chromium, PDF checkers), npm packages,
# and the compiled CLI. Quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'セットアップ: %s\n' "$*" >&2; }

# Debian packages: Chromium's headless shell renders (the desktop chromium is not needed: it
# starts twice as slowly); poppler-utils and qpdf let the tests read PDFs back.
need=()
if ! command -v chromium-headless-shell >/dev/null 2>&1 && [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
  need+=(chromium-headless-shell)
  # A machine that already has the desktop chromium can print with it: the shell is then only faster.
  if command -v chromium >/dev/null 2>&1; then optional_shell=1; fi
fi
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# ghostscript converts the print edition to CMYK PDF/X (--pdfx).
command -v gs >/dev/null 2>&1 || need+=(ghostscript)
# fontconfig's fc-list / fc-match let the tests check which files answer to the faces' names
# (print/installed-fonts.ts); Chromium itself needs only its library.
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    if [ "${optional_shell:-}" = 1 ] && [ ${#need[@]} -eq 1 ]; then
      say "chromium-headless-shell を入れられないため、入っている chromium で印刷します（管理者が sudo apt-get install chromium-headless-shell を実行すると速くなります）"
      need=()
    else
      # Never wait for a password (CI would stall); say what to run instead.
      say "root 権限（またはパスワードなしの sudo）が必要です。管理者が次を実行してください: sudo apt-get install ${need[*]}"
      exit 1
    fi
  elif [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo -n"
  fi
fi
if [ ${#need[@]} -gt 0 ]; then
  say "Debian パッケージを入れます: ${need[*]}"
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
