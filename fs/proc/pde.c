/*
 * /proc entries made at run time by the code that owns them (Linux's
 * proc_mkdir() and proc_create_data() in fs/proc/generic.c), for
 * subsystems whose files depend on what the machine has: /proc/bus/pci
 * has one directory per bus and one file per PCI function.
 *
 * Each entry is a struct proc_dir_entry in a tree rooted at proc_root,
 * whose children appear in /proc beside the fixed entries (root.c).  A
 * directory lists its children in the order they were made; a file is
 * either a text file (proc_create_single(): a generator, served like
 * /proc's own text files, generic.c) or one with its owner's
 * file_operations and data (proc_create_data(), pde_data()).  Inode
 * numbers come from the order entries were made (PROC_PDE_INO).
 *
 * Invariants: entries are never removed (Linux has remove_proc_entry();
 * nothing here needs it), so a pointer to one stays valid for ever and
 * the n-th child of a directory stays the n-th; names are unique
 * within a directory.
 *
 * Locking: proc_subdir_lock (a spinlock) protects every children list
 * and the entry counter.  It is never held while an inode is made or a
 * name is copied to a reader: lookups and listings find the entry under
 * it, then work on the entry, which cannot go away.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <uapi/linux/dirent.h>

#include "internal.h"

static DEFINE_SPINLOCK(proc_subdir_lock);
static unsigned long proc_pde_count;	/* proc_subdir_lock */

struct proc_dir_entry proc_root = {
	.entry = { .name = "" },
	.mode = S_IFDIR | 0555,
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
};

static const struct inode_operations proc_pde_dir_iops;
static const struct file_operations proc_pde_dir_fops;

/* The child of dir called name (len bytes), or NULL.  Lock held. */
static struct proc_dir_entry *pde_find(struct proc_dir_entry *dir,
				       const char *name, size_t len)
{
	struct proc_dir_entry *de;

	assert_spin_locked(&proc_subdir_lock);
	list_for_each_entry(de, &dir->subdir, sibling)
		if (strlen(de->entry.name) == len &&
		    !strncmp(de->entry.name, name, len))
			return de;
	return NULL;
}

/*
 * The directory holding *name's last component, walking the others
 * ("bus/pci" under parent); *name is left at that component.
 */
static struct proc_dir_entry *pde_parent(const char **name,
					 struct proc_dir_entry *parent)
{
	struct proc_dir_entry *dir = parent ? parent : &proc_root;
	const char *slash;
	unsigned long flags;

	while (dir && (slash = strchr(*name, '/'))) {
		spin_lock_irqsave(&proc_subdir_lock, flags);
		dir = pde_find(dir, *name, slash - *name);
		spin_unlock_irqrestore(&proc_subdir_lock, flags);
		if (dir && !S_ISDIR(dir->mode))
			dir = NULL;
		*name = slash + 1;
	}
	return dir;
}

/* A new entry called name in parent: it, or NULL (logged). */
static struct proc_dir_entry *pde_create(const char *name, umode_t mode,
					 struct proc_dir_entry *parent)
{
	const char *path = name;
	struct proc_dir_entry *dir = pde_parent(&name, parent), *de;
	size_t len = strlen(name);
	unsigned long flags;

	if (!dir || !len || len > NAME_MAX) {
		pr_err("proc: cannot make /proc/%s: no such directory or bad "
		       "name\n", path);
		return NULL;
	}
	de = kzalloc(sizeof(*de) + len + 1, GFP_KERNEL);
	if (!de)
		return NULL;
	memcpy(de->name, name, len + 1);
	de->entry.name = de->name;
	de->mode = mode;
	de->parent = dir;
	INIT_LIST_HEAD(&de->subdir);
	spin_lock_irqsave(&proc_subdir_lock, flags);
	if (pde_find(dir, name, len)) {
		spin_unlock_irqrestore(&proc_subdir_lock, flags);
		pr_err("proc: /proc/%s already registered\n", path);
		kfree(de);
		return NULL;
	}
	de->ino = PROC_PDE_INO(proc_pde_count++);
	list_add_tail(&de->sibling, &dir->subdir);
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return de;
}

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	return pde_create(name, S_IFDIR | 0555, parent);
}

/* S_IFREG added when no type is given; 0444 when no permission is. */
static umode_t pde_file_mode(umode_t mode)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!(mode & 0777))
		mode |= 0444;
	return mode;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct file_operations *fops,
					void *data)
{
	struct proc_dir_entry *de = pde_create(name, pde_file_mode(mode),
					       parent);

	if (de) {
		de->fops = fops;
		de->data = data;
	}
	return de;
}

struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  proc_fill_t fill)
{
	struct proc_dir_entry *de = pde_create(name, pde_file_mode(mode),
					       parent);

	if (de)
		de->entry.fill = fill;
	return de;
}

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	de->size = size;
}

void *pde_data(const struct inode *inode)
{
	return PROC_I(inode)->pde->data;
}

/* A new inode for de: NULL on ENOMEM. */
static struct inode *proc_pde_inode(struct proc_dir_entry *de)
{
	struct inode *inode = proc_new_inode(de->ino, de->mode, 0, &de->entry);

	if (!inode)
		return NULL;
	PROC_I(inode)->pde = de;
	inode->i_size = de->size;
	if (S_ISDIR(de->mode)) {
		inode->i_op = &proc_pde_dir_iops;
		inode->i_fop = &proc_pde_dir_fops;
	} else {
		inode->i_fop = de->fops ? de->fops : &proc_text_fops;
	}
	return inode;
}

struct inode *proc_pde_lookup(struct proc_dir_entry *dir,
			      const struct qstr *name)
{
	struct proc_dir_entry *de;
	struct inode *inode;
	unsigned long flags;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	de = pde_find(dir, name->name, name->len);
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	if (!de)
		return ERR_PTR(-ENOENT);
	inode = proc_pde_inode(de);
	return inode ? inode : ERR_PTR(-ENOMEM);
}

/* The n-th child of dir, or NULL. */
static struct proc_dir_entry *pde_nth(struct proc_dir_entry *dir, loff_t n)
{
	struct proc_dir_entry *de, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	list_for_each_entry(de, &dir->subdir, sibling)
		if (n-- == 0) {
			found = de;
			break;
		}
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return found;
}

bool proc_pde_readdir(struct proc_dir_entry *dir, struct dir_context *ctx,
		      loff_t first_pos)
{
	struct proc_dir_entry *de;
	unsigned char type;

	if (ctx->pos < first_pos)
		ctx->pos = first_pos;
	while ((de = pde_nth(dir, ctx->pos - first_pos))) {
		type = S_ISDIR(de->mode) ? DT_DIR : DT_REG;
		if (!dir_emit(ctx, de->entry.name, strlen(de->entry.name),
			      de->ino, type))
			return false;
		ctx->pos++;
	}
	return true;
}

static struct inode *proc_pde_dir_lookup(struct inode *dir,
					 const struct qstr *name)
{
	return proc_pde_lookup(PROC_I(dir)->pde, name);
}

static int proc_pde_dir_iterate(struct file *file, struct dir_context *ctx)
{
	if (dir_emit_dots(file, ctx))
		proc_pde_readdir(PROC_I(file_inode(file))->pde, ctx,
				 PROC_FIRST_POS);
	return 0;
}

static const struct inode_operations proc_pde_dir_iops = {
	.lookup = proc_pde_dir_lookup,
};

static const struct file_operations proc_pde_dir_fops = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = proc_pde_dir_iterate,
};
