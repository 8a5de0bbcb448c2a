/* A double's bits, reached through a union as openlibm's private header does. */
#ifndef MATH_BITS_H
#define MATH_BITS_H
typedef union {
  double value;
  unsigned long long bits;
} double_bits;

#define EXPONENT_BIAS 1023
#define EXPONENT_OF(b) ((int)(((b) >> 52) & 0x7ff))
#endif
