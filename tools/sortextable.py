#!/usr/bin/env python3
"""Sort the kernel's exception table in place (like Linux's scripts/sorttable).

The linker gathers the (faulting instruction, fixup) pairs of every object
into the kernel's exception table in link order, which need not be address
order: inline-assembly entries of C functions follow the functions, which
the compiler may place in other sections (.text.unlikely...) or order.  The kernel searches the table by
binary search (arch/x86/mm/extable.c), so it must be sorted by instruction
address.  The table lies between the symbols __start___ex_table and
__stop___ex_table (arch/x86/kernel/vmlinux.lds); each entry is two little-endian
64-bit absolute addresses.

Usage: sortextable.py KERNEL.ELF
"""

import struct
import sys

SHT_SYMTAB = 2
ENTRY = struct.Struct('<QQ')


def sections(data):
    """The section headers of an ELF64 file, as dicts with their names."""
    if data[:4] != b'\x7fELF' or data[4] != 2:
        sys.exit('sortextable: not an ELF64 file')
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    fields = ('name', 'type', 'flags', 'addr', 'offset', 'size', 'link',
              'info', 'align', 'entsize')
    headers = [dict(zip(fields, struct.unpack_from('<IIQQQQIIQQ', data,
                                                   shoff + i * shentsize)))
               for i in range(shnum)]
    names = headers[shstrndx]['offset']
    for h in headers:
        h['name'] = cstring(data, names + h['name'])
    return headers


def cstring(data, offset):
    return data[offset:data.index(b'\0', offset)].decode()


def symbols(data, headers):
    """Every symbol's value, by name."""
    values = {}
    for h in headers:
        if h['type'] != SHT_SYMTAB:
            continue
        strings = headers[h['link']]['offset']
        for off in range(h['offset'], h['offset'] + h['size'], h['entsize']):
            st_name, _, _, _, st_value, _ = struct.unpack_from('<IBBHQQ', data, off)
            values[cstring(data, strings + st_name)] = st_value
    return values


def file_offset(headers, addr):
    """Where the loaded address addr is in the file."""
    for h in headers:
        if h['addr'] <= addr < h['addr'] + h['size'] and h['type'] != 8:
            return h['offset'] + addr - h['addr']
    sys.exit(f'sortextable: address {addr:#x} is in no section')


def main():
    path = sys.argv[1]
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    headers = sections(data)
    sym = symbols(data, headers)
    start, stop = sym['__start___ex_table'], sym['__stop___ex_table']
    if start == stop:
        return
    off = file_offset(headers, start)
    table = sorted(ENTRY.iter_unpack(bytes(data[off:off + stop - start])))
    data[off:off + stop - start] = b''.join(ENTRY.pack(*e) for e in table)
    with open(path, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    main()
