#!/usr/bin/env bash
# Installs the system packages Kriya needs that this machine lacks (Debian's apt-get), saying
# what each is for; the README's two commands call it before they build. As root it installs;
# otherwise through sudo when sudo asks no password; otherwise it prints the one command to run
# and exits 1. Nothing is installed when nothing is missing.
#
#   scripts/setup.sh run    # what building and running the console needs
#   scripts/setup.sh test   # that, and what the tests use (tmux, PostgreSQL, sshd, strace, …)
set -euo pipefail

purpose="${1:-run}"
case "$purpose" in run|test) ;; *) echo "setup.sh: say 'run' or 'test'" >&2; exit 64 ;; esac
say() { echo "setup.sh: $*"; }

need=() why=()
want() { need+=("$1"); why+=("$1 ($2)"); }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

# Built into the kriya binary: missing headers stop `swift build` itself.
{ [ -e /usr/include/ncursesw/curses.h ] || [ -e /usr/include/curses.h ]; } \
  || want libncursesw5-dev "the console's screen library"
[ -e /usr/include/qrencode.h ] || want libqrencode-dev "QR codes on participant cards"
[ -e /usr/include/postgresql/libpq-fe.h ] || want libpq-dev "PostgreSQL's client library, for the database store"
have_cmd pkg-config || want pkg-config "finds those libraries for the build"

optional=()
if [ "$purpose" = test ]; then
  have_cmd tmux || want tmux "the end-to-end tests drive the console in it"
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want postgresql "a real server the database tests start"
  have_cmd strace || want strace "fault injection at the store's commit point"
  { have_cmd setpriv && have_cmd flock; } || want util-linux "setpriv and flock, for the shared-folder tests"
  have_cmd man || want man-db "the manual page is rendered in a test"
  [ -x /usr/sbin/sshd ] || want openssh-server "the SSH path, end to end"
  have_cmd ssh || want openssh-client "the SSH path, end to end"
  # Printed documents checked in a real browser; the test says so and skips without them.
  have_cmd chromium || optional+=(chromium)
  have_cmd pdfinfo || optional+=(poppler-utils)
  have_cmd zbarimg || optional+=(zbar-tools)
fi

[ ${#need[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ] && exit 0

if ! have_cmd apt-get; then
  [ ${#need[@]} -eq 0 ] && exit 0
  say "this machine lacks, and has no apt-get to install (Debian's names):"
  printf '  %s\n' "${why[@]}"
  exit 1
fi

# The way to run apt-get here: directly as root, through sudo when it needs no password.
if [ "$(id -u)" = 0 ]; then as_root=()
elif have_cmd sudo && sudo -n true 2>/dev/null; then as_root=(sudo -n)
else
  if [ ${#need[@]} -gt 0 ]; then
    say "this machine lacks:"
    printf '  %s\n' "${why[@]}"
    say "install them as root, then run this again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}"
    exit 1
  fi
  say "optional, for the print tests (skipped without them): sudo apt-get install -y --no-install-recommends ${optional[*]}"
  exit 0
fi

apt() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
say "updating Debian's package lists"
apt update -qq || say "apt-get update failed; trying with the lists already here"
if [ ${#need[@]} -gt 0 ]; then
  say "installing:"
  printf '  %s\n' "${why[@]}"
  if ! apt install -y -qq "${need[@]}" >/dev/null; then
    say "could not install ${need[*]}; run 'sudo apt-get install -y ${need[*]}' and look at what apt-get says"
    exit 1
  fi
fi
if [ ${#optional[@]} -gt 0 ]; then
  say "installing for the print tests: ${optional[*]}"
  apt install -y -qq --no-install-recommends "${optional[@]}" >/dev/null \
    || say "could not install ${optional[*]}: the print-in-a-browser test will be skipped"
fi
exit 0
