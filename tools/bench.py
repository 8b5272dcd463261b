#!/usr/bin/env python3
"""Boot the benchmark ISO in QEMU and gather its results.

The kernel, started with bench=GLOB, prints one line per metric,
  bench.NAME=MEDIAN min=MIN max=MAX batches=N ops=N
(TSC cycles per operation) and powers QEMU off through isa-debug-exit.
This script prints those lines and writes them to a JSON file:
  {"machine": "...", "metrics": {"NAME": {"median": .., "min": .., "max": ..}}}
"""
import argparse
import json
import re
import subprocess
import sys

LINE = re.compile(r'^bench\.(\w+)=(\d+) min=(\d+) max=(\d+) batches=(\d+) ops=(\d+)')
MACHINE = ['-machine', 'q35', '-smp', '2', '-m', '1G']


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--iso', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--qemu', default='qemu-system-x86_64')
    ap.add_argument('--timeout', type=int, default=300)
    ap.add_argument('--icount', action='store_true',
                    help='-icount shift=0: the TSC counts instructions')
    args = ap.parse_args()
    cmd = [args.qemu, *MACHINE, '-accel', 'tcg', '-cpu', 'max', '-no-reboot',
           '-nic', 'none', '-display', 'none', '-serial', 'stdio',
           '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
           '-cdrom', args.iso, '-boot', 'd']
    if args.icount:
        cmd += ['-icount', 'shift=0']
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=args.timeout, text=True,
                             errors='replace').stdout
    except subprocess.TimeoutExpired:
        print('bench: QEMU did not finish in time', file=sys.stderr)
        return 1
    metrics = {}
    for line in out.splitlines():
        m = LINE.match(line.strip())
        if m:
            print(line.strip())
            metrics[m.group(1)] = {'median': int(m.group(2)), 'min': int(m.group(3)),
                                   'max': int(m.group(4)), 'batches': int(m.group(5)),
                                   'ops': int(m.group(6)), 'unit': 'TSC cycles/op'}
    if not metrics:
        print('bench: no results in the output:\n' + out[-2000:], file=sys.stderr)
        return 1
    with open(args.out, 'w') as f:
        json.dump({'machine': ' '.join(MACHINE + ['-accel', 'tcg']),
                   'metrics': metrics}, f, indent=2)
    print(f'bench: {len(metrics)} metrics written to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
