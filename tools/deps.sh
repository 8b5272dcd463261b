#!/bin/sh
# deps.sh: make sure the host has every tool the build, run and test
# targets need, installing what is missing with apt-get when we may.
# (clang is for make test, which also builds the tree with it; GNU ld
# links either compiler's objects.)
#
# `tools/deps.sh bench-linux` adds what only `make bench-linux` needs:
# Debian's Linux kernel and the headers of that same version (it boots
# the one and builds its module against the other), the static C library
# for the module's helper program, and matplotlib for the chart
# (docs/bench.md, "Beside Linux").
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

case "$1" in
"")
	;;
bench-linux)
	need="$need /usr/lib/x86_64-linux-gnu/libc.a:libc6-dev
python3-matplotlib:python3-matplotlib" ;;
*)
	echo "deps: unknown set '$1' (known: bench-linux)" >&2
	exit 1 ;;
esac

# A pair's command is a program on the PATH, a file or directory, or a
# Python module (the part after python3-) that python3 or the system's
# Python (the one Debian's python3-* packages are for) can import.
have() {
	case "$1" in
	/*) [ -e "$1" ] ;;
	python3-*) for py in python3 /usr/bin/python3; do
			$py -c "import ${1#python3-}" 2>/dev/null && return 0
		done; return 1 ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

missing=""
for pair in $need; do
	cmd=${pair%%:*}
	pkg=${pair#*:}
	have "$cmd" || missing="$missing $pkg"
done
# Debian's kernel (its /boot/vmlinuz-*) and the headers of that same
# version, for the module: the two meta-packages pull in matching ones.
if [ "$1" = bench-linux ]; then
	ls /boot/vmlinuz-*-amd64 >/dev/null 2>&1 || missing="$missing linux-image-amd64"
	ls -d /usr/src/linux-headers-*-amd64 >/dev/null 2>&1 ||
		missing="$missing linux-headers-amd64"
fi
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
