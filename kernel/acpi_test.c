/*
 * Tests of the ACPI tables (suite "acpi"): being written.
 */
#include <kunit/test.h>
