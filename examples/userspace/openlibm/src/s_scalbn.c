/* scalbn: x times 2 to the n, by setting the exponent field when the result stays normal. */
#include "math_bits.h"

double scalbn(double x, int n) {
  double_bits d = {x};
  int exponent = EXPONENT_OF(d.bits);
  if (exponent == 0 || exponent == 0x7ff || exponent + n <= 0 || exponent + n >= 0x7ff) {
    for (; n > 0; n--) x *= 2.0;
    for (; n < 0; n++) x *= 0.5;
    return x;
  }
  d.bits = (d.bits & ~(0x7ffull << 52)) | ((unsigned long long)(exponent + n) << 52);
  return d.value;
}
