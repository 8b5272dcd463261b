/*
 * Memory statistics: the boot report and Linux-format /proc/buddyinfo
 * and /proc/zoneinfo text.
 *
 * The counters are read without zone->lock: a report is a snapshot that
 * may be a page off while other CPUs allocate, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

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

static size_t zoneinfo_zone(char *buf, size_t size, const struct zone *zone)
{
	const struct per_cpu_pages *pcp;
	size_t len;
	int cpu;

	len = scnprintf(buf, size,
			"Node %d, zone %8s\n"
			"  pages free     %lu\n"
			"        spanned  %lu\n"
			"        present  %lu\n"
			"        managed  %lu\n"
			"  pagesets\n",
			zone->zone_pgdat->node_id, zone->name,
			zone->free_pages + zone_pcp_pages(zone),
			zone->spanned_pages, zone->present_pages,
			zone->managed_pages);
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

static unsigned long total_managed_pages(void)
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

size_t meminfo_show(char *buf, size_t size)
{
	const unsigned int k = PAGE_SHIFT - 10;
	size_t len = 0;

	len += meminfo_line(buf + len, size - len, "MemTotal:",
			    total_managed_pages() << k);
	len += meminfo_line(buf + len, size - len, "MemFree:", nr_free_pages() << k);
	len += meminfo_line(buf + len, size - len, "Slab:", slab_pages() << k);
	len += meminfo_line(buf + len, size - len, "VmallocTotal:",
			    (VMALLOC_END - VMALLOC_START + 1) >> 10);
	len += meminfo_line(buf + len, size - len, "VmallocUsed:",
			    vmalloc_nr_pages() << k);
	return len;
}
