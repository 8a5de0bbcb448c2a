/* The example's math library's declarations, copied beside the libc's headers as relibc copies
   openlibm's. */
#ifndef _MATH_H
#define _MATH_H
int ilogb(double x);
double scalbn(double x, int n);
#endif
