#include "crt/redox/complex_multiply.hpp"

#include "common/files.hpp"
#include "common/process.hpp"

namespace clifwrap {
namespace {

// C11 Annex G's multiplication (G.5.1): the product by the textbook formula, and when both parts
// come out NaN, infinities in the operands or the partial products recovered as infinities, as
// libgcc and compiler-rt do. Freestanding: builtins only, no header. long double is binary128 on
// the architectures that get this (its arithmetic goes to compiler_builtins' __multf3 and such).
constexpr const char* kSource = R"(#define ZERO_IF_NAN(v, S) if (__builtin_isnan(v)) v = __builtin_copysign##S(0, v)
/* An operand pair with an infinity becomes (+-1 or +-0) each; the other pair's NaNs become +-0. */
#define BOX_INFINITE(p, q, r, s, S)                                              \
  if (__builtin_isinf(p) || __builtin_isinf(q)) {                                \
    p = __builtin_copysign##S(__builtin_isinf(p) ? 1 : 0, p);                    \
    q = __builtin_copysign##S(__builtin_isinf(q) ? 1 : 0, q);                    \
    ZERO_IF_NAN(r, S);                                                           \
    ZERO_IF_NAN(s, S);                                                           \
    again = 1;                                                                   \
  }
#define COMPLEX_MULTIPLY(NAME, T, S)                                             \
  T _Complex NAME(T a, T b, T c, T d) {                                          \
    T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                            \
    T x = ac - bd, y = ad + bc;                                                  \
    if (__builtin_isnan(x) && __builtin_isnan(y)) {                              \
      int again = 0;                                                             \
      BOX_INFINITE(a, b, c, d, S)                                                \
      BOX_INFINITE(c, d, a, b, S)                                                \
      if (!again && (__builtin_isinf(ac) || __builtin_isinf(bd) ||               \
                     __builtin_isinf(ad) || __builtin_isinf(bc))) {              \
        ZERO_IF_NAN(a, S);                                                       \
        ZERO_IF_NAN(b, S);                                                       \
        ZERO_IF_NAN(c, S);                                                       \
        ZERO_IF_NAN(d, S);                                                       \
        again = 1;                                                               \
      }                                                                          \
      if (again) {                                                               \
        x = __builtin_inf##S() * (a * c - b * d);                                \
        y = __builtin_inf##S() * (a * d + b * c);                                \
      }                                                                          \
    }                                                                            \
    return __builtin_complex(x, y);                                              \
  }

COMPLEX_MULTIPLY(__mulsc3, float, f)
COMPLEX_MULTIPLY(__muldc3, double, )
COMPLEX_MULTIPLY(__multc3, long double, l)
)";

}  // namespace

Result<std::string> compile_complex_multiply(const std::string& gnu_target, const std::string& scratch) {
  std::string source = scratch + "/complex_multiply.c", object = scratch + "/complex_multiply.o";
  if (auto written = write_file_atomically(source, kSource); !written) return tl::unexpected(written.error());
  // Hidden, as compiler-rt's builtins are: each library or program that links -lgcc keeps its own.
  Command compile{{"clang-22", "--target=" + gnu_target, "-O2", "-fPIC", "-ffreestanding", "-fvisibility=hidden", "-c",
                   source, "-o", object},
                  {}};
  if (auto ran = capture_output(compile); !ran)
    return fail("cannot compile C's complex multiplication helpers: " + ran.error().message, source,
                "install clang-22 (scripts/setup.sh)");
  return object;
}

}  // namespace clifwrap
