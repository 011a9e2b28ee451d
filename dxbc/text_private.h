/* text_private.h — tables and rules shared by the disassembler and the assembler, so that
 * the two agree on every spelling and on which operand encodings need no annotation. */
#ifndef DXBC_TEXT_PRIVATE_H
#define DXBC_TEXT_PRIVATE_H

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"

enum dxbc_text_role
{
    DXBC_ROLE_DST,
    DXBC_ROLE_SRC,
    DXBC_ROLE_DCL,
};

struct dxbc_name_value
{
    const char *name;
    uint32_t value;
};

extern const char *const dxbc_text_register_names[DXBC_REG_COUNT];
extern const char *const dxbc_text_resource_dims[DXBC_RESOURCE_DIM_COUNT];
extern const char *const dxbc_text_return_types[10];
extern const char *const dxbc_text_sysvals[DXBC_SV_COUNT];
extern const char *const dxbc_text_interpolations[8];
extern const char *const dxbc_text_global_flags[8];
extern const char *const dxbc_text_sampler_modes[3];
extern const char *const dxbc_text_tess_domains[4];
extern const char *const dxbc_text_tess_partitionings[5];
extern const char *const dxbc_text_tess_outputs[5];
extern const char *const dxbc_text_topologies[14];
extern const char *const dxbc_text_program_prefixes[6];
extern const struct dxbc_name_value dxbc_text_sig_names[];     /* D3D_NAME, NULL-terminated */
extern const char *const dxbc_text_component_types[4];
extern const char *const dxbc_text_min_precisions[6];

/* What an operand written without a component suffix encodes, per register type and role. */
void dxbc_text_default_selection(enum dxbc_register_type type, enum dxbc_text_role role,
        struct dxbc_operand *op);
/* Whether the register prints every index in brackets (icb[..], vicp[..][..], v[..][..]). */
bool dxbc_text_brackets_all(enum dxbc_register_type type, unsigned int index_count);

/* The text always uses '.' as decimal point, whatever locale the host application set:
 * printf/strtod follow LC_NUMERIC, so numbers are converted between the two spellings. */
static inline char dxbc_text_locale_point(void)
{
    const struct lconv *lc = localeconv();

    return lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
}

static inline void dxbc_text_number_to_c(char *s)
{
    char point = dxbc_text_locale_point();

    if (point != '.')
        for (; *s; ++s)
            if (*s == point)
                *s = '.';
}

/* strtod of a C-locale number; *end_ok tells whether all of s was a number. */
static inline double dxbc_text_strtod(const char *s, bool *end_ok)
{
    char buf[128], point = dxbc_text_locale_point(), *end;
    size_t n = strlen(s), i;
    double v;

    if (n >= sizeof(buf))
    {
        *end_ok = false;
        return 0.0;
    }
    for (i = 0; i <= n; ++i)
        buf[i] = s[i] == '.' ? point : s[i];
    v = strtod(buf, &end);
    *end_ok = !*end && end != buf;
    return v;
}

static inline float dxbc_text_strtof(const char *s, bool *end_ok)
{
    char buf[128], point = dxbc_text_locale_point(), *end;
    size_t n = strlen(s), i;
    float v;

    if (n >= sizeof(buf))
    {
        *end_ok = false;
        return 0.0f;
    }
    for (i = 0; i <= n; ++i)
        buf[i] = s[i] == '.' ? point : s[i];
    v = strtof(buf, &end);
    *end_ok = !*end && end != buf;
    return v;
}

#endif
