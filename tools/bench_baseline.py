#!/usr/bin/env python3
"""Ferry's benchmark baseline: write it, or check a run against it.

  bench_baseline.py write --baseline bench/baseline.json --iso build/bench.iso --boots 5
  bench_baseline.py check --baseline bench/baseline.json build/bench.json

write boots the bench ISO --boots times (through tools/bench.py, waiting
first while other emulators run, as tools/bench_linux.py does) and keeps,
per metric, the median over boots of each boot's median and their least
and greatest.  check flags each metric of a run (`make bench`) whose
median falls outside the baseline's least-greatest range widened by
NOISE (10 %: least / 1.1 to greatest * 1.1), since under TCG one boot
can run 20-50 % faster or slower than another; it never fails the build.
A baseline from another machine or clock (-icount) is not compared.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_linux  # noqa: E402  (the wait for a quiet host)

NOISE = 0.10


def ferry_boot(iso):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'bench.json')
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__),
                                                     'bench.py'),
                        '--iso', iso, '--out', path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        if not os.path.exists(path):
            return None
        with open(path) as f:
            return json.load(f)


def head_commit():
    try:
        return subprocess.run(['git', 'rev-parse', '--short=12', 'HEAD'],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return ''


def write(args):
    runs = []
    for i in range(args.boots):
        bench_linux.wait_quiet(args.wait)
        with bench_linux.Watch() as watch:
            data = ferry_boot(args.iso)
        note = ' (another emulator ran)' if watch.seen else ''
        print(f'bench: baseline boot {i + 1}/{args.boots}: '
              f'{len(data["metrics"]) if data else 0} metrics{note}', flush=True)
        if data:
            runs.append(data)
    if not runs:
        print('bench: no boot gave results; baseline unchanged', file=sys.stderr)
        return 1
    metrics = {}
    for name in runs[0]['metrics']:
        v = [r['metrics'][name]['median'] for r in runs if name in r['metrics']]
        metrics[name] = {'median': statistics.median(v), 'min': min(v), 'max': max(v),
                         'boots': v, 'unit': runs[0]['metrics'][name].get('unit')}
    base = {'machine': runs[0].get('machine'), 'icount': runs[0].get('icount', False),
            'commit': head_commit(), 'boots': len(runs), 'metrics': metrics}
    with open(args.baseline, 'w') as f:
        json.dump(base, f, indent=1)
        f.write('\n')
    print(f'bench: {len(metrics)} metrics over {len(runs)} boots written to '
          f'{args.baseline}')
    return 0


def flag(now, b):
    """'faster', 'slower' or None for a figure against its baseline entry.

    For % figures (scale*) higher is better; for cycles lower is."""
    lo, hi = b['min'] / (1 + NOISE), b['max'] * (1 + NOISE)
    if lo <= now <= hi:
        return None
    better = now > hi if b.get('unit') == '%' else now < lo
    return 'better' if better else 'worse'


def check(args):
    if not os.path.exists(args.baseline):
        print(f'bench: no {args.baseline}; `make bench-baseline` writes one')
        return 0
    with open(args.baseline) as f:
        base = json.load(f)
    with open(args.run) as f:
        run = json.load(f)
    if (base.get('machine'), base.get('icount', False)) != \
       (run.get('machine'), run.get('icount', False)):
        print(f'bench: {args.baseline} was measured on another machine or clock '
              f'({base.get("machine")}, icount {base.get("icount", False)}); '
              'not compared')
        return 0
    flagged, same = [], 0
    for name, m in run['metrics'].items():
        b = base['metrics'].get(name)
        if not b:
            continue
        f = flag(m['median'], b)
        if f:
            flagged.append((name, m['median'], b, f))
        else:
            same += 1
    print(f'bench: against {args.baseline} ({base["boots"]} boots at '
          f'{base.get("commit") or "?"}): {same} within the noise, '
          f'{len(flagged)} outside it (the range widened by {NOISE:.0%})')
    for name, now, b, f in flagged:
        print(f'  {name:<26} {now:>10} baseline {b["median"]:g} '
              f'({b["min"]:g}-{b["max"]:g}), {now / b["median"] - 1:+.0%}: {f}')
    new = [n for n in run['metrics'] if n not in base['metrics']]
    if new:
        print(f'  not in the baseline: {" ".join(new)}')
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    w = sub.add_parser('write', help='boot the ISO and write the baseline')
    w.add_argument('--baseline', required=True)
    w.add_argument('--iso', required=True)
    w.add_argument('--boots', type=int, default=5)
    w.add_argument('--wait', type=int, default=300,
                   help='seconds to wait before a boot while other emulators run')
    c = sub.add_parser('check', help="flag a run's changes against the baseline")
    c.add_argument('--baseline', required=True)
    c.add_argument('run', help="make bench's build/bench.json")
    args = ap.parse_args()
    return write(args) if args.cmd == 'write' else check(args)


if __name__ == '__main__':
    sys.exit(main())
