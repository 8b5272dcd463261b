#!/usr/bin/env python3
"""Write the initrd: a cpio "newc" archive of the root file system.

The kernel unpacks this archive into its ramfs at boot.  The archive
holds directories and regular files only, named relative to the root
("bin", "bin/sh", "etc/motd"), parents before their contents, ending
with the "TRAILER!!!" entry.  It is deterministic: entries sorted by
path, mtime 0, uid and gid 0, inode numbers counted from 1, modes 0755
for directories and programs and 0644 for other files, so the same
inputs always give the same bytes.

newc format (as Linux's usr/gen_init_cpio.c and GNU cpio write it):
each entry is the six characters "070701", thirteen 8-digit
hexadecimal fields (ino, mode, uid, gid, nlink, mtime, filesize,
devmajor, devminor, rdevmajor, rdevminor, namesize, check), the name
with its NUL (namesize counts the NUL), NUL padding to a multiple of 4
bytes counted from the start of the entry, then the file data padded
the same way.

Usage:
    tools/mkinitrd.py -o build/initrd.cpio --tree rootfs --dir /tmp \\
        --program /bin/sh=build/user/bin/sh ...

  --tree DIR          every directory and file under DIR, at the same
                      path under / (rootfs/etc/motd -> /etc/motd), 0644
  --program DEST=SRC  the file SRC as DEST, mode 0755
  --dir PATH          an empty directory (its parents are added too)
"""

import argparse
import os
import sys

NEWC_MAGIC = b'070701'
S_IFDIR = 0o040000
S_IFREG = 0o100000
DIR_MODE = S_IFDIR | 0o755
PROGRAM_MODE = S_IFREG | 0o755
FILE_MODE = S_IFREG | 0o644
TRAILER = 'TRAILER!!!'


class Error(Exception):
    """A bad argument or input file: reported in one line."""


def archive_path(path):
    """'/bin//sh/' -> 'bin/sh'; refuses '..' and empty names."""
    parts = [p for p in path.split('/') if p not in ('', '.')]
    if not parts or '..' in parts:
        raise Error(f'bad path in the archive: {path!r}')
    return '/'.join(parts)


class Tree:
    """The archive's contents: path -> (mode, data or None for a dir)."""

    def __init__(self):
        self.entries = {}

    def add_dir(self, path):
        path = archive_path(path)
        parts = path.split('/')
        for i in range(1, len(parts) + 1):
            sub = '/'.join(parts[:i])
            mode, _ = self.entries.setdefault(sub, (DIR_MODE, None))
            if mode != DIR_MODE:
                raise Error(f'{sub} is both a file and a directory')

    def add_file(self, path, mode, data):
        path = archive_path(path)
        if path in self.entries:
            raise Error(f'{path} given twice')
        if '/' in path:
            self.add_dir(path.rsplit('/', 1)[0])
        self.entries[path] = (mode, data)

    def add_tree(self, top):
        if not os.path.isdir(top):
            raise Error(f'{top}: not a directory')
        for root, dirs, files in os.walk(top):
            dirs.sort()
            rel = os.path.relpath(root, top)
            if rel != '.':
                self.add_dir(rel)
            for name in sorted(files):
                src = os.path.join(root, name)
                dest = name if rel == '.' else f'{rel}/{name}'
                self.add_file(dest, FILE_MODE, read_file(src))

    def sorted_entries(self):
        """Parents first: sort by path components."""
        return sorted(self.entries.items(),
                      key=lambda item: item[0].split('/'))


def read_file(path):
    if not os.path.isfile(path):
        raise Error(f'{path}: not a regular file')
    with open(path, 'rb') as f:
        return f.read()


def pad4(length):
    return b'\0' * (-length % 4)


def newc_entry(ino, name, mode, nlink, data):
    """One header + name + data, each padded to 4 bytes."""
    encoded = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0,
              len(encoded), 0]
    header = NEWC_MAGIC + b''.join(b'%08X' % f for f in fields)
    out = header + encoded
    out += pad4(len(out))
    return out + data + pad4(len(data))


def build_archive(tree):
    chunks = []
    for ino, (path, (mode, data)) in enumerate(tree.sorted_entries(), 1):
        nlink = 2 if data is None else 1
        chunks.append(newc_entry(ino, path, mode, nlink, data or b''))
    chunks.append(newc_entry(0, TRAILER, 0, 1, b''))
    return b''.join(chunks)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description='Write the initrd (cpio newc archive).')
    parser.add_argument('-o', '--output', required=True,
                        help='the archive to write')
    parser.add_argument('--tree', action='append', default=[],
                        metavar='DIR', help='add DIR\'s contents under /')
    parser.add_argument('--program', action='append', default=[],
                        metavar='DEST=SRC', help='add SRC as DEST, 0755')
    parser.add_argument('--dir', action='append', default=[],
                        metavar='PATH', help='add an empty directory')
    return parser.parse_args(argv)


def collect(args):
    tree = Tree()
    for top in args.tree:
        tree.add_tree(top)
    for spec in args.program:
        dest, sep, src = spec.partition('=')
        if not sep or not dest or not src:
            raise Error(f'--program wants DEST=SRC, not {spec!r}')
        tree.add_file(dest, PROGRAM_MODE, read_file(src))
    for path in args.dir:
        tree.add_dir(path)
    return tree


def main(argv=None):
    args = parse_arguments(argv)
    try:
        archive = build_archive(collect(args))
    except (Error, OSError) as e:
        print(f'mkinitrd: {e}', file=sys.stderr)
        return 1
    tmp = args.output + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(archive)
    os.replace(tmp, args.output)
    return 0


if __name__ == '__main__':
    sys.exit(main())
