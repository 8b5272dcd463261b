/*
 * Memory statistics: the boot report, Linux-format /proc/buddyinfo,
 * /proc/zoneinfo, /proc/meminfo and /proc/vmstat text, and the counters
 * of pages by use (and of pins, mm/gup.c) that they show.
 *
 * The counters are read without zone->lock: a report is a snapshot that
 * may be a page off while other CPUs allocate, as in Linux.  The
 * by-use counters are changed atomically by whoever allocates or frees
 * such a page.
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

static atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

void mod_node_page_state(enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &vm_node_stat[item]);
}

unsigned long global_node_page_state(enum node_stat_item item)
{
	long n = atomic_long_read(&vm_node_stat[item]);

	return n < 0 ? 0 : n;
}

static unsigned long zone_pcp_pages(const struct zone *zone)
{
	unsigned long n = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += zone->pcp[cpu].count;
	return n;
}

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			n += zone->free_pages + zone_pcp_pages(zone);
		}
	}
	return n;
}

/* "Node 0, zone      DMA      1      0 ..." (free blocks per order). */
size_t buddyinfo_show(char *buf, size_t size)
{
	size_t len = 0;
	unsigned int order;
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			if (!populated_zone(zone))
				continue;
			len += scnprintf(buf + len, size - len, "Node %d, zone %8s ",
					 nid, zone->name);
			for (order = 0; order < MAX_ORDER; order++)
				len += scnprintf(buf + len, size - len, "%6lu ",
						 zone->free_area[order].nr_free);
			len += scnprintf(buf + len, size - len, "\n");
		}
	}
	return len;
}

/* "        protection: (0, 256, 256)": lowmem_reserve[]. */
static size_t zoneinfo_protection(char *buf, size_t size,
				  const struct zone *zone)
{
	size_t len = scnprintf(buf, size, "        protection: (");
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		len += scnprintf(buf + len, size - len, "%s%ld", z ? ", " : "",
				 zone->lowmem_reserve[z]);
	return len + scnprintf(buf + len, size - len, ")\n");
}

static size_t zoneinfo_zone(char *buf, size_t size, const struct zone *zone)
{
	const struct per_cpu_pages *pcp;
	size_t len;
	int cpu;

	len = scnprintf(buf, size,
			"Node %d, zone %8s\n"
			"  pages free     %lu\n"
			"        min      %lu\n"
			"        low      %lu\n"
			"        high     %lu\n"
			"        spanned  %lu\n"
			"        present  %lu\n"
			"        managed  %lu\n",
			zone->zone_pgdat->node_id, zone->name,
			zone->free_pages + zone_pcp_pages(zone),
			min_wmark_pages(zone), low_wmark_pages(zone),
			high_wmark_pages(zone), zone->spanned_pages,
			zone->present_pages, zone->managed_pages);
	len += zoneinfo_protection(buf + len, size - len, zone);
	len += scnprintf(buf + len, size - len, "  pagesets\n");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		pcp = &zone->pcp[cpu];
		len += scnprintf(buf + len, size - len,
				 "    cpu: %d\n"
				 "              count: %d\n"
				 "              high:  %d\n"
				 "              batch: %d\n",
				 cpu, pcp->count, pcp->high, pcp->batch);
	}
	len += scnprintf(buf + len, size - len, "  start_pfn:           %lu\n",
			 zone->zone_start_pfn);
	return len;
}

size_t zoneinfo_show(char *buf, size_t size)
{
	size_t len = 0;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			len += zoneinfo_zone(buf + len, size - len,
					     &NODE_DATA(nid)->node_zones[z]);
	return len;
}

void mem_report(void)
{
	int nid, z;

	for_each_online_node(nid) {
		if (!node_has_memory(nid)) {
			pr_info("  node %d: no memory; allocates from node %d first\n",
				nid, local_memory_node(nid));
			continue;
		}
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			if (!populated_zone(zone))
				continue;
			pr_info("  node %d %-6s [mem 0x%09llx-0x%09llx] present %lu managed %lu free %lu pages\n",
				nid, zone->name,
				(unsigned long long)PFN_PHYS(zone->zone_start_pfn),
				(unsigned long long)PFN_PHYS(zone_end_pfn(zone)) - 1,
				zone->present_pages, zone->managed_pages,
				zone->free_pages);
		}
	}
}

unsigned long totalram_pages(void)
{
	unsigned long n = 0;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			n += NODE_DATA(nid)->node_zones[z].managed_pages;
	return n;
}

/* "MemTotal:       65020 kB" lines, in Linux's layout. */
static size_t meminfo_line(char *buf, size_t size, const char *name,
			   unsigned long kb)
{
	return scnprintf(buf, size, "%-16s%8lu kB\n", name, kb);
}

/*
 * Pages the zones keep back from ordinary allocations: each zone's high
 * mark and its largest reserve (Linux's totalreserve_pages).
 */
static unsigned long totalreserve_pages(void)
{
	unsigned long reserve = 0, max_reserve;
	int nid, z, i;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			max_reserve = 0;
			for (i = 0; i < MAX_NR_ZONES; i++)
				max_reserve = max(max_reserve,
						  (unsigned long)zone->lowmem_reserve[i]);
			reserve += min(max_reserve + high_wmark_pages(zone),
				       zone->managed_pages);
		}
	}
	return reserve;
}

/*
 * What could be allocated without pushing any zone below its high mark
 * (Linux's MemAvailable).  Nothing here can be reclaimed: ramfs pages
 * and slab caches stay until they are freed.
 */
unsigned long si_mem_available(void)
{
	unsigned long free = nr_free_pages(), reserve = totalreserve_pages();

	return free > reserve ? free - reserve : 0;
}

/*
 * Linux's fields, in Linux's order.  The ones for what this kernel does
 * not have (buffers, swap, reclaimable slab) are 0, so tools that parse
 * the file find every line they expect.
 */
size_t meminfo_show(char *buf, size_t size)
{
	const unsigned int k = PAGE_SHIFT - 10;
	unsigned long slab = slab_pages() << k;
	size_t len = 0;

#define LINE(name, kb) (len += meminfo_line(buf + len, size - len, name, kb))
	LINE("MemTotal:", totalram_pages() << k);
	LINE("MemFree:", nr_free_pages() << k);
	LINE("MemAvailable:", si_mem_available() << k);
	LINE("Buffers:", 0);
	LINE("Cached:", global_node_page_state(NR_FILE_PAGES) << k);
	LINE("SwapCached:", 0);
	LINE("SwapTotal:", 0);
	LINE("SwapFree:", 0);
	LINE("Shmem:", 0);
	LINE("Slab:", slab);
	LINE("SReclaimable:", 0);
	LINE("SUnreclaim:", slab);
	LINE("KernelStack:", (unsigned long)READ_ONCE(nr_threads) * THREAD_SIZE >> 10);
	LINE("PageTables:", global_node_page_state(NR_PAGETABLE) << k);
	LINE("VmallocTotal:", (VMALLOC_END - VMALLOC_START + 1) >> 10);
	LINE("VmallocUsed:", vmalloc_nr_pages() << k);
#undef LINE
	return len;
}

/* node_stat_item's names in /proc/vmstat, Linux's. */
static const char *const node_stat_names[NR_VM_NODE_STAT_ITEMS] = {
	[NR_FILE_PAGES] = "nr_file_pages",
	[NR_PAGETABLE] = "nr_page_table_pages",
	[NR_FOLL_PIN_ACQUIRED] = "nr_foll_pin_acquired",
	[NR_FOLL_PIN_RELEASED] = "nr_foll_pin_released",
};

/*
 * "nr_free_pages 15000" lines, Linux's layout and names; only the
 * counters this kernel keeps (Linux has many more).
 */
size_t vmstat_show(char *buf, size_t size)
{
	size_t len = scnprintf(buf, size, "nr_free_pages %lu\n", nr_free_pages());
	int i;

	for (i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		len += scnprintf(buf + len, size - len, "%s %lu\n",
				 node_stat_names[i], global_node_page_state(i));
	return len;
}
