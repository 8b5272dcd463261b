/*
 * The process file system, mounted at /proc (fs/proc/): Linux-format
 * text files about memory, interrupts and CPUs, one directory per
 * process, and entries other subsystems make at run time
 * (/proc/bus/pci).
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct file_operations;
struct inode;
struct proc_dir_entry;

/*
 * Fill buf (size bytes) with a file's text; return its length, or
 * -errno (-ESRCH: the process is gone).  A text that ends near the end
 * of buf is taken as cut short (fs/proc/generic.c), and the file asks
 * again with more room.  pid is the process of a /proc/PID file, 0
 * elsewhere.
 */
typedef ssize_t (*proc_fill_t)(pid_t pid, char *buf, size_t size);

/*
 * Mount procfs on /proc (after vfs_init()).  Its files: buddyinfo,
 * cpuinfo, interrupts, meminfo, slabinfo, uptime, zoneinfo, the
 * directories tty and bus, and PID/{stat,status,maps} for every task.
 */
void proc_root_init(void);

/*
 * Entries made at run time (fs/proc/pde.c), as Linux's: parent NULL
 * means /proc, and name may hold slashes ("bus/pci") to reach into
 * directories made before.  Each returns the entry, or NULL (an
 * existing name, a missing directory, ENOMEM).  Entries are never
 * removed.  proc_mkdir() is called for /proc/bus by proc_root_init().
 *
 * proc_create_data(): a file served by fops, which find data with
 * pde_data(file_inode(file)); mode 0 means S_IFREG | 0444.  Its st_size
 * is what proc_set_size() said (0 by default).  Linux >= 5.6 takes a
 * struct proc_ops here; this is the older file_operations form.
 * proc_create_single(): a text file made by fill at each open, like
 * /proc's own (Linux's takes a seq_file show() instead).
 */
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct file_operations *fops,
					void *data);
struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  proc_fill_t fill);
void proc_set_size(struct proc_dir_entry *de, loff_t size);
void *pde_data(const struct inode *inode);

/* /proc/cpuinfo's text into buf (at most size bytes); its length. */
size_t cpuinfo_show(char *buf, size_t size);

#endif
