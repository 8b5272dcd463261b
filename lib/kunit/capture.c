/*
 * Console capture for tests (see kunit/capture.h).  The captured text
 * lives in a static buffer, so a case that ends early (a failed
 * assertion) leaves nothing dangling; output past the buffer's end is
 * dropped, and the buffer always stays NUL-terminated.
 */
#include <kunit/capture.h>
#include <linux/printk.h>
#include <linux/string.h>

static char capture_buf[KUNIT_CAPTURE_SIZE];
static size_t capture_len;
static bool capturing;

static void capture_write(const char *s, unsigned int len)
{
	size_t room = sizeof(capture_buf) - 1 - capture_len;

	if (len > room)
		len = room;
	memcpy(capture_buf + capture_len, s, len);
	capture_len += len;
	capture_buf[capture_len] = '\0';
}

static struct console capture_console = {
	.name = "kunit-capture",
	.write = capture_write,
};

void kunit_capture_start(void)
{
	kunit_capture_stop();
	capture_len = 0;
	capture_buf[0] = '\0';
	register_console(&capture_console);
	capturing = true;
}

const char *kunit_capture_stop(void)
{
	if (capturing) {
		unregister_console(&capture_console);
		capturing = false;
	}
	return capture_buf;
}
