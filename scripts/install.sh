#!/usr/bin/env bash
# Installs Kriya on the office server for a staff group (README, "Deploying on the office
# server"): the release binary, its manual page and shell completions, the staff group and the
# setgid data folder. Says what it did, step by step. --uninstall takes the program back, never
# the data.
#
#   sudo scripts/install.sh [--prefix /usr/local] [--data /srv/kriya] [--group kriya]
#   sudo scripts/install.sh --uninstall [--prefix /usr/local]
#   scripts/install.sh --prefix /tmp/k --data none --binary .build/debug/kriya   # no build, no folder
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local data=/srv/kriya group=kriya binary="" uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --group) group="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;     # an already built kriya (skips the release build)
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done

bin="$prefix/bin/kriya"
man="$prefix/share/man/man1/kriya.1"
bash_completion="$prefix/share/bash-completion/completions/kriya"
zsh_completion="$prefix/share/zsh/site-functions/_kriya"
fish_completion="$prefix/share/fish/vendor_completions.d/kriya.fish"
say() { echo "install.sh: $*"; }

if [ "$uninstall" = 1 ]; then
  for f in "$bin" "$man" "$bash_completion" "$zsh_completion" "$fish_completion"; do
    if [ -e "$f" ]; then rm -f "$f"; say "removed $f"; fi
  done
  say "the data folder and the group are left as they are (remove them by hand if you mean to)"
  exit 0
fi

if [ -z "$binary" ]; then
  say "building the release binary (a few minutes the first time)"
  swift build -c release --product kriya >/dev/null
  binary=.build/release/kriya
fi
[ -x "$binary" ] || { echo "install.sh: no binary at $binary" >&2; exit 66; }

install -d "$prefix/bin" "$(dirname "$man")" "$(dirname "$bash_completion")" "$(dirname "$zsh_completion")" "$(dirname "$fish_completion")"
install -m 0755 "$binary" "$bin";                                  say "installed $bin"
"$bin" _manual > "$man.tmp" && mv "$man.tmp" "$man" && chmod 0644 "$man"; say "installed the manual page $man (man kriya)"
"$bin" --generate-completion-script bash > "$bash_completion";     say "installed bash completion $bash_completion"
"$bin" --generate-completion-script zsh > "$zsh_completion";       say "installed zsh completion $zsh_completion"
"$bin" --generate-completion-script fish > "$fish_completion";     say "installed fish completion $fish_completion"
chmod 0644 "$bash_completion" "$zsh_completion" "$fish_completion"

if [ "$data" != none ]; then
  if [ "$(id -u)" != 0 ]; then
    say "not root: the group $group and the folder $data are not made. As root: groupadd $group; mkdir -p $data; chgrp $group $data; chmod 2770 $data"
  else
    if getent group "$group" >/dev/null; then say "group $group exists"; else groupadd "$group"; say "made the group $group (add staff: usermod -aG $group NAME)"; fi
    mkdir -p "$data"
    chgrp "$group" "$data"
    chmod 2770 "$data"
    say "data folder $data: group $group, mode 2770 (setgid: the staff share it, nobody else reads it)"
    say "roles: everyone in $group edits; give them with: kriya --data $data access set NAME clerk|editor|admin"
  fi
  say "tell the staff's shells where the data is: echo 'export KRIYA_DATA=$data' > /etc/profile.d/kriya.sh"
fi
say "done: $("$bin" --version 2>/dev/null || echo kriya)"
