/* ilogb: the binary exponent of a normal x; 0 and subnormals are outside this example's range. */
#include "math_bits.h"

int ilogb(double x) {
  double_bits d = {x};
  return EXPONENT_OF(d.bits) - EXPONENT_BIAS;
}
