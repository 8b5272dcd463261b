"""What the kernel should find on a machine QEMU's arguments describe:
its CPUs, chipset, NUMA nodes and distances, its edu PCI devices, and
the ktest_* options that tell the kernel's tests.

The kernel's "acpi" suite compares its ACPI tables with what QEMU was
told, and the "pci" suite the devices it enumerated, through these
command-line options (before ktest_sum=):

  ktest_cpus=N          -smp N
  ktest_machine=pc|q35  the chipset (q35 has an MCFG table, pc has none)
  ktest_numa=none, or ktest_numa=MASK:MIB/MASK:MIB/...
                        one entry per node in node-id order: MASK the hex
                        bitmask of its CPUs, MIB its memory in MiB
  ktest_dist=D.D.D...   with NUMA only: the distance matrix, row-major
                        (row: from, column: to)
  ktest_edu=N:B         N -device edu, B of them on the bus of a bridge
                        (bus= naming a pci-bridge or PCIe port's id)

GRUB gives ';' and a few other characters a meaning, so the values use
only letters, digits, '.', ':' and '/'.
"""

import re
from dataclasses import dataclass, field

LOCAL_DISTANCE = 10          # QEMU's defaults, and Linux's without a SLIT
REMOTE_DISTANCE = 20
# QEMU devices whose id names a bus behind a bridge (bus=ID).
PCI_BRIDGES = {'pci-bridge', 'pcie-pci-bridge', 'pcie-root-port', 'ioh3420',
               'x3130-upstream', 'xio3130-downstream'}
CMDLINE_VALUE_RE = re.compile(r'^[0-9A-Za-z.:/]+$')


def memory_to_mib(size):
    """Convert a QEMU -m size ('64M', '1G', '512') to whole MiB."""
    match = re.fullmatch(r'\s*(\d+)\s*([KMGT]?)(?:i?B)?\s*', size, re.I)
    if not match:
        raise ValueError(f'cannot read memory size {size!r}')
    number, unit = int(match.group(1)), match.group(2).upper()
    kib = number * {'K': 1, '': 1024, 'M': 1024, 'G': 1024 ** 2,
                    'T': 1024 ** 3}[unit]
    if kib % 1024:
        raise ValueError(f'memory size {size!r} is not a whole number of MiB')
    return kib // 1024


@dataclass
class Topology:
    """CPUs and NUMA nodes of a machine, with QEMU's defaults applied."""
    cpus: int
    machine: str                # 'pc' or 'q35'
    node_cpus: list = field(default_factory=list)   # CPU bitmask per node
    node_mib: list = field(default_factory=list)    # MiB per node
    distance: list = field(default_factory=list)    # [from][to]; [] if no NUMA
    edu: int = 0                # -device edu
    edu_bridged: int = 0        # ... of them behind a bridge

    def kernel_options(self):
        """The ktest_* options describing this topology."""
        if self.node_cpus:
            numa = '/'.join(f'{mask:x}:{mib}' for mask, mib
                            in zip(self.node_cpus, self.node_mib))
        else:
            numa = 'none'
        options = [('ktest_cpus', str(self.cpus)),
                   ('ktest_machine', self.machine), ('ktest_numa', numa)]
        if self.distance:
            options.append(('ktest_dist', '.'.join(
                str(d) for row in self.distance for d in row)))
        options.append(('ktest_edu', f'{self.edu}:{self.edu_bridged}'))
        for name, value in options:
            if not CMDLINE_VALUE_RE.match(value):
                raise ValueError(f'{name}={value} has characters GRUB '
                                 'may not pass through')
        return [f'{name}={value}' for name, value in options]


def split_qemu_option(text):
    """'node,nodeid=0,cpus=0-1' -> ('node', [('nodeid', '0'), ...]).

    The first item is returned bare when it has no '='; a key may repeat
    (cpus=0,cpus=2), so the pairs stay a list.
    """
    items = text.split(',')
    head = '' if '=' in items[0] else items.pop(0)
    pairs = []
    for item in items:
        key, sep, value = item.partition('=')
        if not sep:
            raise ValueError(f'cannot read {item!r} in {text!r}')
        pairs.append((key, value))
    return head, pairs


def qemu_options(args, name):
    """The values of every `name` option (e.g. '-numa') in args."""
    return [args[i + 1] for i in range(len(args) - 1) if args[i] == name]


def smp_cpus(args):
    """The number of CPUs of -smp N (or cpus=N, or the topology product)."""
    values = qemu_options(args, '-smp')
    if not values:
        return 1
    head, pairs = split_qemu_option(values[-1])
    keys = dict(pairs)
    if head or 'cpus' in keys:
        return int(head or keys['cpus'])
    count = 1
    for key in ('sockets', 'dies', 'clusters', 'cores', 'threads'):
        count *= int(keys.get(key, 1))
    return count


def machine_chipset(args):
    """'q35' for the q35 machine types (pc-q35-7.2, q35...), else 'pc'."""
    values = qemu_options(args, '-machine') or qemu_options(args, '-M')
    head, pairs = split_qemu_option(values[-1]) if values else ('pc', [])
    name = head or dict(pairs).get('type', 'pc')
    return 'q35' if 'q35' in name else 'pc'


def memory_backends(args):
    """{id: MiB} of the -object memory-backend-* options."""
    sizes = {}
    for value in qemu_options(args, '-object'):
        kind, pairs = split_qemu_option(value)
        keys = dict(pairs)
        kind = kind or keys.get('qom-type', '')
        if kind.startswith('memory-backend-'):
            sizes[keys['id']] = memory_to_mib(keys['size'])
    return sizes


def cpu_list_mask(text):
    """'0-2' -> 0b111, '3' -> 0b1000."""
    first, _, last = text.partition('-')
    first, last = int(first), int(last or first)
    if last < first:
        raise ValueError(f'cpus={text} ends before it starts')
    return ((1 << (last + 1)) - 1) & ~((1 << first) - 1)


def numa_nodes(args, cpus):
    """Per node, in node-id order: (CPU bitmask, MiB) of -numa node.

    A node without nodeid= takes the next free number, as in QEMU.
    """
    backends = memory_backends(args)
    nodes = {}
    for value in qemu_options(args, '-numa'):
        kind, pairs = split_qemu_option(value)
        if (kind or dict(pairs).get('type')) != 'node':
            continue
        keys = dict(pairs)
        nodeid = int(keys.get('nodeid', len(nodes)))
        if nodeid in nodes:
            raise ValueError(f'NUMA node {nodeid} is given twice')
        mask = 0
        for key, cpu_list in pairs:
            if key == 'cpus':
                mask |= cpu_list_mask(cpu_list)
        mib = backends[keys['memdev']] if 'memdev' in keys else 0
        nodes[nodeid] = (mask, mib)
    if sorted(nodes) != list(range(len(nodes))):
        raise ValueError(f'NUMA node ids {sorted(nodes)} are not 0..N-1')
    check_numa_cpus([nodes[i][0] for i in range(len(nodes))], cpus)
    return [nodes[i] for i in range(len(nodes))]


def check_numa_cpus(masks, cpus):
    """Every CPU in exactly one node (QEMU 7.2 deprecates the rest)."""
    if not masks:
        return
    seen = 0
    for mask in masks:
        if mask & seen or mask >> cpus:
            raise ValueError('a CPU is in two NUMA nodes, or does not exist')
        seen |= mask
    if seen != (1 << cpus) - 1:
        raise ValueError('every CPU must be in a NUMA node')


def numa_distances(args, nr_nodes):
    """The distance matrix QEMU builds from -numa dist (QEMU's rules).

    No -numa dist at all: QEMU builds no SLIT, and the kernel uses 10
    within a node and 20 between nodes.  Otherwise each pair needs at
    least one direction; a missing direction copies the other one, which
    QEMU accepts only while the table is symmetric.
    """
    given = {}
    for value in qemu_options(args, '-numa'):
        kind, pairs = split_qemu_option(value)
        keys = dict(pairs)
        if (kind or keys.get('type')) == 'dist':
            src, dst, val = (int(keys[k]) for k in ('src', 'dst', 'val'))
            if max(src, dst) >= nr_nodes or val < LOCAL_DISTANCE or \
                    (src == dst and val != LOCAL_DISTANCE):
                raise ValueError(f'bad NUMA distance {value!r}')
            given[src, dst] = val
    nodes = range(nr_nodes)
    if not given:
        return [[LOCAL_DISTANCE if i == j else REMOTE_DISTANCE
                 for j in nodes] for i in nodes]
    return [[complete_distance(given, i, j) for j in nodes] for i in nodes]


def complete_distance(given, i, j):
    """distance[i][j] from the given ones, as QEMU completes the table."""
    if i == j:
        return LOCAL_DISTANCE
    if (i, j) not in given and (j, i) not in given:
        raise ValueError(f'no NUMA distance between nodes {i} and {j}')
    asymmetric = any(given.get((b, a), d) != d
                     for (a, b), d in given.items())
    if asymmetric and (i, j) not in given:
        raise ValueError('an asymmetric distance table must give both '
                         f'directions of every pair ({i} to {j} missing)')
    return given.get((i, j), given.get((j, i)))


def edu_devices(args):
    """(all, behind a bridge): the edu devices of the -device options.

    One is behind a bridge when its bus= names the id of a bridge
    (PCI_BRIDGES) given in args; without bus= it sits on bus 0.
    """
    bridges, edu_buses = set(), []
    for value in qemu_options(args, '-device'):
        driver, pairs = split_qemu_option(value)
        keys = dict(pairs)
        driver = driver or keys.get('driver', '')
        if driver in PCI_BRIDGES and 'id' in keys:
            bridges.add(keys['id'])
        elif driver == 'edu':
            edu_buses.append(keys.get('bus'))
    return len(edu_buses), sum(bus in bridges for bus in edu_buses)


def machine_topology(args):
    """The Topology QEMU builds from its arguments `args`."""
    cpus = smp_cpus(args)
    nodes = numa_nodes(args, cpus)
    topology = Topology(cpus=cpus, machine=machine_chipset(args))
    topology.edu, topology.edu_bridged = edu_devices(args)
    if nodes:
        topology.node_cpus = [mask for mask, _ in nodes]
        topology.node_mib = [mib for _, mib in nodes]
        topology.distance = numa_distances(args, len(nodes))
    return topology
