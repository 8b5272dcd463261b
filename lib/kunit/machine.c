/*
 * The machine tests/run described on the command line, read for tests
 * (see kunit/machine.h), with helpers that answer in kernel node ids.
 *
 * Invariants after a successful kunit_machine_read(): every QEMU node id
 * used is below max(nr_nodes, 1); pxm[] holds a QEMU node id or -1.
 *
 * Locking: none; a struct kunit_machine belongs to the test filling it.
 */
#include <asm/cmdline.h>
#include <kunit/machine.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Reads a number in base 10 or 16 at s; returns the end, or NULL. */
static const char *parse_num(const char *s, unsigned int base,
			     unsigned long *out)
{
	const char *start = s;
	unsigned int d;

	for (*out = 0; *s; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		*out = *out * base + d;
	}
	return s == start ? NULL : s;
}

bool kunit_machine_parse_numa(const char *s, struct kunit_machine *m)
{
	m->nr_nodes = 0;
	if (!strcmp(s, "none"))
		return true;
	for (;;) {
		if (m->nr_nodes == MAX_NUMNODES)
			return false;
		s = parse_num(s, 16, &m->cpus[m->nr_nodes]);
		if (!s || *s++ != ':')
			return false;
		s = parse_num(s, 10, &m->mib[m->nr_nodes++]);
		if (!s || (*s != '/' && *s != '\0'))
			return false;
		if (*s++ == '\0')
			return true;
	}
}

bool kunit_machine_parse_dist(const char *s, struct kunit_machine *m)
{
	int n = m->nr_nodes, i;
	unsigned long d;

	for (i = 0; i < n * n; i++) {
		s = parse_num(s, 10, &d);
		if (!s || (*s != '.' && *s != '\0') || (*s == '\0') != (i == n * n - 1))
			return false;
		m->dist[i / n][i % n] = d;
		s += *s == '.';
	}
	return n > 0;
}

/* The value of option as a number; -ENOENT when absent, -EINVAL if bad. */
static int option_num(const char *option, unsigned long *out)
{
	char val[24];
	const char *end;

	if (cmdline_find_option(boot_command_line, option, val, sizeof(val)) < 0)
		return -ENOENT;
	end = parse_num(val, 10, out);
	return end && !*end ? 0 : -EINVAL;
}

/* ktest_edu=N:B into m (both -1 when absent); 0 or -EINVAL. */
static int read_edu(struct kunit_machine *m)
{
	unsigned long n, b;
	const char *s;
	char val[24];

	m->nr_edu = m->nr_edu_bridged = -1;
	if (cmdline_find_option(boot_command_line, "ktest_edu", val,
				sizeof(val)) < 0)
		return 0;
	s = parse_num(val, 10, &n);
	if (!s || *s++ != ':')
		return -EINVAL;
	s = parse_num(s, 10, &b);
	if (!s || *s || b > n || n > 256)
		return -EINVAL;
	m->nr_edu = n;
	m->nr_edu_bridged = b;
	return 0;
}

/* Without NUMA: one node 0 with every CPU and all the RAM. */
static int read_one_node(struct kunit_machine *m)
{
	unsigned long ram;

	if (option_num("ktest_ram", &ram))
		return -EINVAL;
	m->cpus[0] = m->nr_cpus ? (1UL << m->nr_cpus) - 1 : ~0UL;
	m->mib[0] = ram;
	m->dist[0][0] = LOCAL_DISTANCE;
	m->pxm[0] = 0;
	return 0;
}

/* The kernel's node numbering, from the proximity domains of its SRAT. */
static void read_pxm_map(struct kunit_machine *m)
{
	int nid;

	for (nid = 0; nid < acpi_info.nr_nodes; nid++)
		if (acpi_info.node_to_pxm[nid] < (u32)m->nr_nodes)
			m->pxm[nid] = acpi_info.node_to_pxm[nid];
}

int kunit_machine_read(struct kunit_machine *m)
{
	unsigned long cpus = 0;
	char buf[512];
	int nid, ret;

	memset(m, 0, sizeof(*m));
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		m->pxm[nid] = -1;
	ret = option_num("ktest_cpus", &cpus);
	if (ret == -EINVAL || cpus > NR_CPUS)
		return -EINVAL;
	m->nr_cpus = cpus;
	if (read_edu(m))
		return -EINVAL;
	if (cmdline_find_option(boot_command_line, "ktest_numa", buf,
				sizeof(buf)) < 0)
		return -ENOENT;
	if (!kunit_machine_parse_numa(buf, m))
		return -EINVAL;
	if (!m->nr_nodes)
		return read_one_node(m);
	if (cmdline_find_option(boot_command_line, "ktest_dist", buf,
				sizeof(buf)) < 0 || !kunit_machine_parse_dist(buf, m))
		return -EINVAL;
	read_pxm_map(m);
	return 0;
}

unsigned long kunit_machine_node_mib(const struct kunit_machine *m, int nid)
{
	return m->pxm[nid] < 0 ? 0 : m->mib[m->pxm[nid]];
}

int kunit_machine_distance(const struct kunit_machine *m, int from, int to)
{
	if (m->pxm[from] < 0 || m->pxm[to] < 0)
		return -1;
	return m->dist[m->pxm[from]][m->pxm[to]];
}

int kunit_machine_cpu_node(const struct kunit_machine *m, int cpu)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (m->pxm[nid] >= 0 && (m->cpus[m->pxm[nid]] >> cpu & 1))
			return nid;
	return NUMA_NO_NODE;
}

/* The nearest kernel node to nid not in used, or NUMA_NO_NODE. */
static int nearest_node(const struct kunit_machine *m, int nid,
			unsigned long used)
{
	int n, best = NUMA_NO_NODE;

	for (n = 0; n < MAX_NUMNODES; n++) {
		if (m->pxm[n] < 0 || (used >> n & 1))
			continue;
		if (best == NUMA_NO_NODE || kunit_machine_distance(m, nid, n) <
					    kunit_machine_distance(m, nid, best))
			best = n;
	}
	return best;
}

int kunit_machine_fallback(const struct kunit_machine *m, int nid,
			   int order[MAX_NUMNODES])
{
	unsigned long used = 0;
	int n, count = 0;

	if (nid < 0 || nid >= MAX_NUMNODES || m->pxm[nid] < 0)
		return 0;
	while ((n = nearest_node(m, nid, used)) != NUMA_NO_NODE) {
		used |= 1UL << n;
		if (kunit_machine_node_mib(m, n))
			order[count++] = n;
	}
	return count;
}

int kunit_machine_memory_node(const struct kunit_machine *m, int nid)
{
	int order[MAX_NUMNODES];

	return kunit_machine_fallback(m, nid, order) ? order[0] : NUMA_NO_NODE;
}
