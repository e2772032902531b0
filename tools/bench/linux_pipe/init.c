/*
 * init.c - /init of the tiny Linux guest that runs the pipe ping-pong.
 *
 * Mounts proc, sysfs and devtmpfs, puts the console on fds 0-2, runs
 * /pingpong with the tag (and, if given, the iteration count) taken from
 * the kernel command line ("tag=NAME iters=N"), then powers the machine off.
 * Build: gcc -O2 -static -o init init.c
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Copy the value of "key=" from the kernel command line into out. */
static int cmdline_value(const char *cmdline, const char *key, char *out, size_t len)
{
	size_t klen = strlen(key);
	const char *p = cmdline;

	while (*p) {
		while (*p == ' ' || *p == '\n')
			p++;
		if (!strncmp(p, key, klen) && p[klen] == '=') {
			p += klen + 1;
			size_t n = strcspn(p, " \n");
			if (n >= len)
				n = len - 1;
			memcpy(out, p, n);
			out[n] = '\0';
			return 1;
		}
		p += strcspn(p, " \n");
	}
	return 0;
}

static void power_off(void)
{
	fflush(NULL);
	sync();
	reboot(RB_POWER_OFF);
	for (;;) /* init must never exit */
		pause();
}

int main(void)
{
	char cmdline[4096] = "", tag[64] = "guest", iters[32] = "";
	int fd;

	mkdir("/proc", 0755);
	mkdir("/sys", 0755);
	mkdir("/dev", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);

	fd = open("/dev/console", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}

	fd = open("/proc/cmdline", O_RDONLY);
	if (fd >= 0) {
		ssize_t n = read(fd, cmdline, sizeof(cmdline) - 1);
		cmdline[n > 0 ? n : 0] = '\0';
		close(fd);
	}
	cmdline_value(cmdline, "tag", tag, sizeof(tag));
	cmdline_value(cmdline, "iters", iters, sizeof(iters));

	printf("# init: running /pingpong --tag %s%s%s\n", tag, *iters ? " --iters " : "", iters);
	fflush(stdout);

	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "/pingpong", "--tag", tag, "--iters", iters, NULL };
		if (!*iters)
			argv[3] = NULL;
		execv(argv[0], argv);
		perror("init: execv /pingpong");
		_exit(127);
	}
	int status = 0;
	if (pid < 0)
		perror("init: fork");
	else
		waitpid(pid, &status, 0);
	printf("# init: pingpong exit status %d; powering off\n",
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	power_off();
	return 0;
}
