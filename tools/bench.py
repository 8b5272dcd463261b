#!/usr/bin/env python3
"""Boot the benchmark ISO in QEMU and gather its results.

The kernel, started with bench=GLOB, prints one line per metric,
  bench.NAME=MEDIAN min=MIN max=MAX batches=N ops=N [unit=UNIT]
(TSC cycles per operation unless a unit is given; "%" for the multi-CPU
ratios), a "bench: NAME skipped: why" line for each metric this machine
cannot measure, and powers QEMU off through isa-debug-exit.  This script
prints a table of the metrics, keeps the serial output beside the JSON
file (bench.log for bench.json) and writes the metrics to that file:
  {"machine": "...", "icount": false,
   "metrics": {"NAME": {"median": .., "min": .., "max": .., "unit": ..}},
   "skipped": {"NAME": "why"}}
docs/bench.md says how to read them.
"""
import argparse
import json
import re
import subprocess
import sys

LINE = re.compile(r'^bench\.(\w+)=(\d+) min=(\d+) max=(\d+) batches=(\d+) ops=(\d+)'
                  r'(?: unit=(\S+))?')
SKIP = re.compile(r'^bench: (\w+) skipped: (.*)')
FAIL = re.compile(r'^bench: (\w+) failed(.*)')
# Four CPUs in two NUMA nodes of 512 MiB (CPUs 0-1 on node 0, 2-3 on
# node 1): the multi-CPU metrics need four, the remote-node one a second
# node with memory.
MACHINE = ['-machine', 'q35', '-smp', '4', '-m', '1G',
           '-object', 'memory-backend-ram,id=m0,size=512M',
           '-numa', 'node,nodeid=0,cpus=0-1,memdev=m0',
           '-object', 'memory-backend-ram,id=m1,size=512M',
           '-numa', 'node,nodeid=1,cpus=2-3,memdev=m1']
DEFAULT_UNIT = 'TSC cycles/op'


def run_qemu(args):
    cmd = [args.qemu, *MACHINE, '-accel', 'tcg', '-cpu', args.cpu, '-no-reboot',
           '-nic', 'none', '-display', 'none', '-serial', 'stdio',
           '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
           '-cdrom', args.iso, '-boot', 'd']
    if args.icount:
        cmd += ['-icount', 'shift=0']
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=args.timeout, text=True,
                          errors='replace').stdout


def parse(out):
    metrics, skipped, failed = {}, {}, {}
    for line in out.splitlines():
        line = line.strip()
        m = LINE.match(line)
        if m:
            metrics[m.group(1)] = {'median': int(m.group(2)), 'min': int(m.group(3)),
                                   'max': int(m.group(4)), 'batches': int(m.group(5)),
                                   'ops': int(m.group(6)),
                                   'unit': m.group(7) or DEFAULT_UNIT}
            continue
        m = SKIP.match(line)
        if m:
            skipped[m.group(1)] = m.group(2)
        m = FAIL.match(line)
        if m:
            failed[m.group(1)] = line
    return metrics, skipped, failed


def print_table(metrics, skipped, icount):
    clock = 'instructions' if icount else 'TSC cycles'
    print(f'{"metric":<26} {"median":>10} {"min":>10} {"max":>10} {"spread":>7}  unit')
    for name, m in metrics.items():
        spread = (m['max'] - m['min']) * 100 // max(m['median'], 1)
        unit = m['unit']
        if unit == DEFAULT_UNIT:
            unit = clock + '/op'
        elif unit == '%':
            ncpus = int(re.match(r'scale(\d+)', name).group(1)) if name.startswith('scale') else 1
            unit = f'% of one CPU (perfect: {100 * ncpus}; per CPU ' \
                   f'{m["median"] // ncpus}%)'
        print(f'{name:<26} {m["median"]:>10} {m["min"]:>10} {m["max"]:>10} '
              f'{spread:>6}%  {unit}')
    for name, why in skipped.items():
        print(f'{name:<26} {"-":>10}  skipped: {why}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--iso', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--qemu', default='qemu-system-x86_64')
    ap.add_argument('--cpu', default='max', help='QEMU -cpu model (default max)')
    ap.add_argument('--timeout', type=int, default=None,
                    help='seconds (default 300, 900 with --icount)')
    ap.add_argument('--icount', action='store_true',
                    help='-icount shift=0: the TSC counts instructions')
    args = ap.parse_args()
    if args.timeout is None:
        args.timeout = 900 if args.icount else 300
    try:
        out = run_qemu(args)
    except subprocess.TimeoutExpired:
        print('bench: QEMU did not finish in time', file=sys.stderr)
        return 1
    log = re.sub(r'\.json$', '', args.out) + '.log'
    with open(log, 'w') as f:
        f.write(out)
    metrics, skipped, failed = parse(out)
    if not metrics:
        print('bench: no results in the output:\n' + out[-2000:], file=sys.stderr)
        return 1
    print_table(metrics, skipped, args.icount)
    for line in failed.values():
        print(line, file=sys.stderr)
    machine = MACHINE + ['-accel', 'tcg', '-cpu', args.cpu]
    if args.icount:
        machine += ['-icount', 'shift=0']
    with open(args.out, 'w') as f:
        json.dump({'machine': ' '.join(machine), 'icount': args.icount,
                   'metrics': metrics, 'skipped': skipped}, f, indent=2)
    print(f'bench: {len(metrics)} metrics written to {args.out}'
          + (f', {len(failed)} failed' if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
