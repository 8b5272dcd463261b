/*
 * Memory statistics as text (mm/vmstat.c): the boot report and the
 * contents of /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo in
 * Linux's format, for /proc; counters of pages by use.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>

struct page;

/* Pages counted by use, Linux's names (node_stat_item), kept globally. */
enum node_stat_item {
	NR_FILE_PAGES,		/* file data in memory (ramfs) */
	NR_PAGETABLE,		/* user page-table pages */
	NR_FOLL_PIN_ACQUIRED,	/* pins taken by pin_user_pages() ever */
	NR_FOLL_PIN_RELEASED,	/* pins dropped by unpin_user_page() ever */
	NR_VM_NODE_STAT_ITEMS
};

void mod_node_page_state(enum node_stat_item item, long delta);
#define inc_node_page_state(item)	mod_node_page_state(item, 1)
#define dec_node_page_state(item)	mod_node_page_state(item, -1)
unsigned long global_node_page_state(enum node_stat_item item);

/* Write the text into buf (at most size bytes); return its length. */
size_t buddyinfo_show(char *buf, size_t size);
size_t zoneinfo_show(char *buf, size_t size);
size_t meminfo_show(char *buf, size_t size);
/* /proc/vmstat: "name value" lines, Linux's names. */
size_t vmstat_show(char *buf, size_t size);

/* Pages given to the allocator, in all zones (Linux's totalram_pages()). */
unsigned long totalram_pages(void);
/* Free pages in all zones (buddy and per-CPU lists). */
unsigned long nr_free_pages(void);
/* Free pages that are not held back by the zones' high marks and reserves. */
unsigned long si_mem_available(void);

/* Boot log: each zone's span, present, managed and free pages. */
void mem_report(void);

#endif
