/*
 * static_min.c - source of static_min.elf, a real linker-made ELF that
 * test_elf.c checks elf_parse accepts (unit/elf/host_static_binary).
 * Rebuild (not part of the build; the binary is committed):
 *   gcc -static -nostdlib -no-pie -O2 -fno-asynchronous-unwind-tables \
 *       -Wl,--build-id=none -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack \
 *       -s static_min.c -o static_min.elf
 * Four PT_LOADs (R, R+X, R, R+W) at 0x400000 and a PT_GNU_STACK.
 */
static const char msg[] = "hi\n";
static int counter = 5;
int buf[100];
void _start(void)
{
	long r;
	counter += buf[3];
	__asm__ volatile("syscall" : "=a"(r) : "a"(1), "D"(1), "S"(msg), "d"(3) : "rcx", "r11", "memory");
	__asm__ volatile("syscall" : : "a"(60), "D"(counter) : "rcx", "r11");
	for (;;) ;
}
