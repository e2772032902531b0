/*
 * uaccess.c - proof unit for kernel/uaccess.h: user_range_ok is static
 * inline, so WP needs a translation unit that includes the real header.
 * Nothing here is compiled into the kernel.
 */
#include "kernel/uaccess.h"
