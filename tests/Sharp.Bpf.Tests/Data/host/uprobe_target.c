/* A host program for uprobe tests: functions with known arguments and return values. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int sharp_bpf_add(int a, int b)
{
    return a + b;
}

__attribute__((noinline)) long sharp_bpf_square(long x)
{
    return x * x;
}

int sharp_bpf_counter;

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 1;
    long total = 0;
    for (int i = 0; i < rounds; i++)
        total += sharp_bpf_add(i, 1) + sharp_bpf_square(i);
    printf("%ld\n", total);
    return 0;
}
