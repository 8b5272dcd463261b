#!/bin/sh
# deps.sh: make sure the host has every tool the build, run and test
# targets need, installing what is missing with apt-get when we may.
# (clang is for make test, which also builds the tree with it; GNU ld
# links either compiler's objects.)
#
# Quick when everything is there: it only looks the commands up.  When
# something is missing and we are root (or have passwordless sudo) on a
# Debian or Ubuntu machine it installs the packages; otherwise it prints
# the exact command to run and fails.
set -e

# command -> Debian package that provides it
need="
gcc:gcc
clang:clang
ld:binutils
nasm:nasm
grub-mkrescue:grub-common
xorriso:xorriso
mformat:mtools
qemu-system-x86_64:qemu-system-x86
python3:python3
"

missing=""
for pair in $need; do
	cmd=${pair%%:*}
	pkg=${pair#*:}
	command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
# grub-mkrescue needs the BIOS (i386-pc) modules of grub-pc-bin.
[ -d /usr/lib/grub/i386-pc ] || missing="$missing grub-pc-bin"

[ -z "$missing" ] && exit 0

pkgs=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "deps: missing tools; install them with:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y $pkgs" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: no apt-get here; install these packages by hand: $pkgs" >&2
	exit 1
fi
echo "deps: installing $pkgs"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
echo "deps: done"
