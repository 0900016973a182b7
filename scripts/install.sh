#!/usr/bin/env bash
# Installs Kriya on the office server (README, "Deploying on the office server"): the release
# binary, its manual page and shell completions, and the data reached only through Kriya
# (docs/store.md, "The data reached only through Kriya"): the program setgid to a group that
# no staff member is in, the data folder behind a gate folder only that group may pass, the
# site file that names it, and the first roles. Says what it did, step by step. --uninstall
# takes the program back, never the data.
#
#   sudo scripts/install.sh [--prefix /usr/local] [--data /srv/kriya/data] [--group kriya]
#                           [--admin NAME]... [--staff GROUP]
#   sudo scripts/install.sh --uninstall [--prefix /usr/local]
#   scripts/install.sh --prefix /tmp/k --data none --binary .build/debug/kriya   # no build, no folder
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local data=/srv/kriya/data group=kriya binary="" uninstall=0 admins=() staff=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --group) group="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;     # an already built kriya (skips the release build)
    --admin) admins+=("$2"); shift 2 ;;   # an account given the admin's role
    --staff) staff="$2"; shift 2 ;;       # a Unix group whose members are viewers (raise them with kriya access set)
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done

bin="$prefix/bin/kriya"
man="$prefix/share/man/man1/kriya.1"
bash_completion="$prefix/share/bash-completion/completions/kriya"
zsh_completion="$prefix/share/zsh/site-functions/_kriya"
fish_completion="$prefix/share/fish/vendor_completions.d/kriya.fish"
site="$prefix/etc/kriya/site.toml"
say() { echo "install.sh: $*"; }

if [ "$uninstall" = 1 ]; then
  for f in "$bin" "$man" "$bash_completion" "$zsh_completion" "$fish_completion" "$site"; do
    if [ -e "$f" ]; then rm -f "$f"; say "removed $f"; fi
  done
  say "the data folder and the group are left as they are (remove them by hand if you mean to)"
  exit 0
fi

if [ -z "$binary" ]; then
  say "building the release binary (a few minutes the first time)"
  # The Swift runtime linked in: the installed (setgid) program needs nothing of the toolchain,
  # so upgrading or removing Swift on the server leaves it working, and no library it loads
  # lives outside the system's own folders.
  swift build -c release --static-swift-stdlib --product kriya --scratch-path .build-install >/dev/null
  binary=.build-install/release/kriya
fi
[ -x "$binary" ] || { echo "install.sh: no binary at $binary" >&2; exit 66; }

install -d "$prefix/bin" "$(dirname "$man")" "$(dirname "$bash_completion")" "$(dirname "$zsh_completion")" "$(dirname "$fish_completion")"
install -m 0755 "$binary" "$bin";                                  say "installed $bin"
"$bin" _manual > "$man.tmp" && mv "$man.tmp" "$man" && chmod 0644 "$man"; say "installed the manual page $man (man kriya)"
"$bin" --generate-completion-script bash > "$bash_completion";     say "installed bash completion $bash_completion"
"$bin" --generate-completion-script zsh > "$zsh_completion";       say "installed zsh completion $zsh_completion"
"$bin" --generate-completion-script fish > "$fish_completion";     say "installed fish completion $fish_completion"
chmod 0644 "$bash_completion" "$zsh_completion" "$fish_completion"

if [ "$data" = none ]; then
  say "done: $("$bin" --version 2>/dev/null || echo kriya)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "not root: the program is installed for you alone; the office's data needs root (sudo $0 --data $data)"
  exit 0
fi
case "$data" in /*/*) ;; *) echo "install.sh: --data must be an absolute folder inside a folder of its own (/srv/kriya/data)" >&2; exit 64 ;; esac
data="${data%/}"
gate="$(dirname "$data")"
name="$(basename "$data")"
# The gate is closed to everyone but the program's group: it must be a folder of Kriya's alone.
if [ -d "$gate" ]; then
  stray="$(find "$gate" -mindepth 1 -maxdepth 1 ! -name "$name" ! -name "$name-backups" -printf '%f ' | head -c 300)"
  if [ -n "$stray" ]; then
    echo "install.sh: $gate holds other things ($stray); the gate must be a folder of Kriya's alone. Choose --data /srv/kriya/data or similar" >&2
    exit 73
  fi
fi

# 1. The program's group: nobody is in it, only the setgid program.
if getent group "$group" >/dev/null; then say "group $group exists"; else groupadd --system "$group"; say "made the group $group (for the program alone: add no one to it)"; fi
members="$(getent group "$group" | cut -d: -f4)"
if [ -n "$members" ]; then
  say "WARNING: $members in group $group can change the data files without Kriya, whatever their role. Remove them: gpasswd -d NAME $group"
fi

# 2. The program, setgid to that group (it opens the data through the gate at start, then gives the group up).
chown root:"$group" "$bin"
chmod 2755 "$bin"
say "$bin: root:$group, mode 2755 (setgid: only it passes the gate)"

# 3. The gate and the data behind it (any account's Kriya writes there; nobody reaches it but through the gate).
install -d -o root -g "$group" -m 0710 "$gate"
chown root:"$group" "$gate"; chmod 0710 "$gate"
for folder in "$data" "$data-backups"; do
  install -d -o root -g root -m 0777 "$folder"
  chmod 0777 "$folder"
  # A folder shared the older way (files 0660 of a staff group) now opens to every account's Kriya.
  find "$folder" -mindepth 1 -type d -exec chmod 0777 {} +
  find "$folder" -mindepth 1 -type f -exec chmod 0666 {} +
done
say "gate $gate: root:$group, mode 0710; data $data and $data-backups behind it"

# 4. The site file: where the installed program finds the data (root's, read-only).
install -d -m 0755 "$(dirname "$site")"
printf '# Written by scripts/install.sh: the data folder this installed kriya opens through its gate.\ndata = "%s"\n' "$data" > "$site.tmp"
chown root:root "$site.tmp"; chmod 0644 "$site.tmp"; mv "$site.tmp" "$site"
say "site file $site: data = \"$data\""

# 5. The first roles: without them nobody but root may open the data.
for who in "${admins[@]}"; do "$bin" --data "$data" access set "$who" admin >/dev/null && say "$who: admin"; done
if [ -n "$staff" ]; then "$bin" --data "$data" access set "@$staff" viewer >/dev/null && say "members of $staff: viewers"; fi
if [ ${#admins[@]} = 0 ] && [ -z "$staff" ] && [ ! -e "$data/access.toml" ]; then
  say "no roles yet: only root may open the data. Give them: sudo kriya access set NAME admin|editor|clerk|viewer"
fi
# An older install told every shell where the data was; the installed program knows it now.
if [ -f /etc/profile.d/kriya.sh ] && grep -q KRIYA_DATA /etc/profile.d/kriya.sh; then
  mv /etc/profile.d/kriya.sh /etc/profile.d/kriya.sh.old
  say "moved /etc/profile.d/kriya.sh (KRIYA_DATA) to kriya.sh.old: kriya finds $data itself"
fi
say "check it all: kriya doctor"
say "done: $("$bin" --version 2>/dev/null || echo kriya)"
