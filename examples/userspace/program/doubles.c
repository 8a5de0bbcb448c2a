/* The doubles for the libc's printf, from C: Cranelift does not pass floats to variadic
   functions. More doubles than the eight XMM registers, then doubles between integers. */
#include <stdio.h>

void print_doubles(void) {
  printf("printf: %f %f %f %f %f %f %f %f %f %f\n", 0.5, -1.25, 2.0, 3.75, -4.125, 5.0625, 6.5, 7.0, 8.25,
         1234567.875);
  printf("printf: %d %f %ld %f %s %f %u %f %c %f %lu %f %x %f\n", -7, 0.1, 123456789012L, -2.5, "mixed", 3.14159,
         42u, 100.0, 'Q', 1e-7, 9000000000UL, 2.000001, 0xcafeu, -0.0009);
}
