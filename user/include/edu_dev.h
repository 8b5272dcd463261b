/*
 * What the edu programs (edu, dmatest) share about naming a device: not
 * part of the C library, a helper of theirs kept in one place.
 */
#ifndef _EDU_DEV_H
#define _EDU_DEV_H

#include <stdio.h>
#include <string.h>

#define EDU_PATH_LEN	64

/* "0" -> /dev/edu0, "edu0" -> /dev/edu0; a path is taken as it is. */
static inline void edu_dev_path(const char *name, char path[EDU_PATH_LEN])
{
	size_t digits = strspn(name, "0123456789");

	if (strchr(name, '/'))
		snprintf(path, EDU_PATH_LEN, "%s", name);
	else if (*name && !name[digits])
		snprintf(path, EDU_PATH_LEN, "/dev/edu%s", name);
	else
		snprintf(path, EDU_PATH_LEN, "/dev/%s", name);
}

#endif
