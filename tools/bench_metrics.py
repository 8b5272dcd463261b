"""What the benchmark tools know about the metrics: the one place that
pairs Ferry's metric names with the Linux module's (bench/linux/main.c)
and lists the targets the chart and the table mark.

A metric whose name is in neither LINUX_NAME nor the Linux output under
the same name shows on one side only; to pair two names that differ, add
them to LINUX_NAME (Ferry's name -> the Linux module's).
"""
import fnmatch

# Ferry's name -> the Linux module's, where they differ.
LINUX_NAME = {
    'page_pair_node_local': 'page_pair_local',
    'page_pair_node_remote': 'page_pair_remote',
}
FERRY_NAME = {linux: ferry for ferry, linux in LINUX_NAME.items()}

# The targets: (what, kind, metric globs, '<=' or '>=', value).
# kind 'ratio': Ferry / Linux of each metric, one run;
# kind 'within': how fast the first metric runs beside the second in the
#   same kernel (the second's cycles / the first's), Ferry's with Linux's
#   alongside;
# kind 'scale': a multi-CPU metric in % of one CPU, / 100 (each kernel's own);
# kind 'absolute': one of Ferry's figures against a bound of its own (the
#   boot times, ms), with Linux's nearest figure, if it has one, named
#   second and shown alongside.
TARGETS = [
    ('page pairs', 'ratio', ['page_pair_*', 'get_free_page_pair'], '<=', 0.25),
    ('kmalloc and kmem_cache pairs', 'ratio',
     ['kmalloc_pair_*', 'kmem_cache_pair_*'], '<=', 0.5),
    ('get_user/put_user', 'ratio', ['get_user_u64', 'put_user_u64'], '<=', 0.75),
    ('kiobuf map+unmap per page', 'ratio', ['kiobuf_map_unmap_*'], '<=', 1.0),
    ('dma_map_single_direct', 'ratio', ['dma_map_single_direct'], '<=', 1.0),
    ('copy_to_user_4096 vs memcpy_4096', 'within',
     ['copy_to_user_4096', 'memcpy_4096'], '>=', 0.95),
    ('scaling on 2 CPUs', 'scale', ['scale2_*'], '>=', 1.9),
    ('boot to the shell prompt (make run)', 'absolute',
     ['boot_to_prompt_ms', 'boot_to_init_ms'], '<=', 250),
    ('boot to the shell prompt (make run GRUB=1)', 'absolute',
     ['boot_to_prompt_grub_ms'], '<=', 600),
]


def linux_name(ferry):
    return LINUX_NAME.get(ferry, ferry)


def common_name(name, side):
    """The name a metric is listed under: Ferry's where both have it."""
    return FERRY_NAME.get(name, name) if side == 'linux' else name


def target_for(name, kind='ratio'):
    """The (what, op, value) target of a 'ratio' or 'scale' metric, or None."""
    for what, k, globs, op, value in TARGETS:
        if k == kind and any(fnmatch.fnmatchcase(name, g) for g in globs):
            return what, op, value
    return None


def within_targets():
    """(what, first metric, second metric, op, value) of each 'within'."""
    return [(what, globs[0], globs[1], op, value)
            for what, k, globs, op, value in TARGETS if k == 'within']


def absolute_targets():
    """(what, Ferry's metric, Linux's nearest or None, op, value) of each
    'absolute' target."""
    return [(what, globs[0], globs[1] if len(globs) > 1 else None, op, value)
            for what, k, globs, op, value in TARGETS if k == 'absolute']


def meets(value, op, target):
    return value <= target if op == '<=' else value >= target


def is_percent(unit):
    return unit == '%'
