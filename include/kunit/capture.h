/*
 * Capturing console output in a test (lib/kunit/capture.c): while a
 * capture runs, everything printk sends to the consoles is also kept in
 * a buffer the test can search.  One capture at a time; the runner ends
 * any capture a case left running.
 */
#ifndef _KUNIT_CAPTURE_H
#define _KUNIT_CAPTURE_H

#include <linux/types.h>

#define KUNIT_CAPTURE_SIZE	8192

void kunit_capture_start(void);
/* Stop capturing; returns the NUL-terminated text (valid until the next start). */
const char *kunit_capture_stop(void);

#endif
