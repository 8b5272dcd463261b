"""The chart of `make bench-linux`: one horizontal bar per metric, Ferry's
cycles over Linux's on a log scale (left of 1: Ferry is faster), the bar
drawn from 1 to the ratio with the spread of the per-round ratios as a
whisker; below them, the figures that are each kernel's own (a copy's
speed beside memcpy, the gain on two CPUs), Ferry's as a bar and Linux's
as a diamond.  A black tick marks each target; a bar is green where it
meets its target, red where it misses, grey where it has none.

matplotlib is imported by draw() alone, so that the rest of the tools
run without it; draw() raises ImportError when it is missing.  Run as a
program (bench_chart.py RESULT.json OUT.svg) it draws a saved result: how
tools/bench_linux.py reaches Debian's python3-matplotlib, which belongs
to /usr/bin/python3, from another Python.
"""
import json
import sys
import textwrap

GOOD, BAD, NONE = '#2e8b57', '#c0392b', '#9e9e9e'
TICKS = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 4, 10, 20, 50, 100]


def _rows(result):
    """(label, value, (lo, hi) or None, target or None, Linux's or None)."""
    rows = []
    for name, r in result['ratios'].items():
        if result['ferry'][name]['unit'] == '%':
            continue		# a gain, not a cost: among each kernel's own
        t = r.get('target')
        whisk = (r['min'], r['max']) if r['min'] is not None else None
        rows.append((name, r['ratio'], whisk,
                     (t['op'], t['value'], t['met']) if t else None, None))
    own = []
    for w in result['within']:
        if 'ferry' not in w or w.get('unit') == 'ms':
            continue		# not a ratio: the boot times are in the table
        label = (f'{w["metric"]} speed / {w["of"]}' if 'of' in w
                 else f'{w["metric"]} x one CPU')
        target = (w['op'], w['target'], w['met']) if 'met' in w else None
        own.append((label, w['ferry'], None, target, w.get('linux')))
    return rows, own


def _bar(ax, y, row):
    label, value, whisk, target, linux = row
    color = NONE if not target else (GOOD if target[2] else BAD)
    ax.barh(y, value - 1, left=1, height=0.7, color=color)
    if whisk:
        ax.plot(whisk, [y, y], color='black', lw=0.8)
    if target:
        ax.plot([target[1]] * 2, [y - 0.45, y + 0.45], color='black', lw=2)
        ax.annotate(f'{target[0]} {target[1]:g}', (target[1], y), xytext=(4, -3),
                    textcoords='offset points', fontsize=6)
    if linux is not None:
        ax.plot([linux], [y], marker='D', mfc='white', mec='black', ms=4)


def draw(result, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    rows, own = _rows(result)
    labels = [r[0] for r in rows] + [r[0] for r in own]
    n = len(labels)
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.24 * n))
    for i, row in enumerate(rows + own):
        _bar(ax, n - 1 - i, row)
    if own:
        ax.axhline(len(own) - 0.5, color='black', lw=0.6, ls='--')
        ax.text(0.01, len(own) - 0.45, "each kernel's own, higher is better "
                "(Ferry bar, Linux \u25c7)",
                transform=ax.get_yaxis_transform(), fontsize=7, va='bottom')
    ax.set_xscale('log')
    lo, hi = ax.get_xlim()
    ticks = [t for t in TICKS if lo <= t <= hi]
    ax.set_xticks(ticks)
    ax.set_xticklabels([f'{t:g}' for t in ticks], fontsize=7)
    ax.minorticks_off()
    ax.axvline(1, color='black', lw=0.8)
    ax.set_yticks(range(n))
    ax.set_yticklabels(reversed(labels), fontsize=7)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel('Ferry / Linux, TSC cycles per operation (left of 1: Ferry '
                  'is faster)', fontsize=8)
    ax.set_title(f'Ferry beside Linux: medians of {result["boots_each"]} '
                 f'alternating boots each\n'
                 + textwrap.fill(result['machine'], 100), fontsize=8)
    ax.grid(axis='x', which='both', lw=0.3, alpha=0.5)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: bench_chart.py RESULT.json OUT.svg')
    with open(sys.argv[1]) as f:
        draw(json.load(f), sys.argv[2])
