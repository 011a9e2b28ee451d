/* dxbc.h — public interface of the DXBC front end: container, signatures, the decoded
 * SM4.0/4.1/5.0 program IR, disassembler and assembler. Plain C data, no COM, no Vulkan.
 *
 * Ownership: everything reachable from a struct dxbc_program (instructions, operands,
 * signature strings, custom data) lives in memory owned by the program and is released by
 * dxbc_program_free(). The program keeps its own copy of the blob, so the caller may free
 * the bytes it parsed from as soon as dxbc_program_parse() returns. */
#ifndef DXBC_H
#define DXBC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dxbc_binding.h"

/* ------------------------------------------------------------------------------------
 * Results */

enum dxbc_result
{
    DXBC_OK = 0,
    DXBC_ERROR_INVALID_ARGUMENT,
    DXBC_ERROR_OUT_OF_MEMORY,
    DXBC_ERROR_TRUNCATED,          /* a read would run past the end of the data */
    DXBC_ERROR_BAD_MAGIC,          /* no 'DXBC' tag */
    DXBC_ERROR_BAD_CONTAINER,      /* total size / chunk table inconsistent */
    DXBC_ERROR_BAD_CHECKSUM,       /* only from dxbc_checksum_verify() */
    DXBC_ERROR_NO_SHADER,          /* no SHDR/SHEX chunk */
    DXBC_ERROR_BAD_SIGNATURE,      /* malformed ISGN/OSGN/PCSG family chunk */
    DXBC_ERROR_BAD_PROGRAM,        /* malformed token stream */
    DXBC_ERROR_UNSUPPORTED,        /* well-formed but outside SM4.0-5.0 (e.g. SM5.1 operands) */
    DXBC_ERROR_SYNTAX,             /* assembler: text does not parse */
};

const char *dxbc_result_string(enum dxbc_result result);

/* ------------------------------------------------------------------------------------
 * Container */

#define DXBC_FOURCC(a, b, c, d) \
    ((uint32_t)(uint8_t)(a) | ((uint32_t)(uint8_t)(b) << 8) | ((uint32_t)(uint8_t)(c) << 16) | ((uint32_t)(uint8_t)(d) << 24))

#define DXBC_TAG_DXBC DXBC_FOURCC('D', 'X', 'B', 'C')
#define DXBC_TAG_SHDR DXBC_FOURCC('S', 'H', 'D', 'R')
#define DXBC_TAG_SHEX DXBC_FOURCC('S', 'H', 'E', 'X')
#define DXBC_TAG_ISGN DXBC_FOURCC('I', 'S', 'G', 'N')
#define DXBC_TAG_ISG1 DXBC_FOURCC('I', 'S', 'G', '1')
#define DXBC_TAG_OSGN DXBC_FOURCC('O', 'S', 'G', 'N')
#define DXBC_TAG_OSG1 DXBC_FOURCC('O', 'S', 'G', '1')
#define DXBC_TAG_OSG5 DXBC_FOURCC('O', 'S', 'G', '5')
#define DXBC_TAG_PCSG DXBC_FOURCC('P', 'C', 'S', 'G')
#define DXBC_TAG_PSG1 DXBC_FOURCC('P', 'S', 'G', '1')
#define DXBC_TAG_SFI0 DXBC_FOURCC('S', 'F', 'I', '0')
#define DXBC_TAG_RDEF DXBC_FOURCC('R', 'D', 'E', 'F')
#define DXBC_TAG_STAT DXBC_FOURCC('S', 'T', 'A', 'T')
#define DXBC_TAG_IFCE DXBC_FOURCC('I', 'F', 'C', 'E')

#define DXBC_HEADER_SIZE 32u      /* magic, checksum[16], version, total size, chunk count */
#define DXBC_MAX_CHUNKS  64u

struct dxbc_chunk
{
    uint32_t tag;                /* DXBC_TAG_* */
    uint32_t offset;             /* byte offset of the chunk data (after tag and size) */
    uint32_t size;               /* byte size of the chunk data; offset + size <= container size */
    const uint8_t *data;
};

struct dxbc_container
{
    const uint8_t *data;         /* the caller's bytes; not copied */
    size_t size;                 /* == the total-size field */
    uint8_t checksum[16];        /* as stored in the header */
    uint32_t version;            /* header version field (1) */
    uint32_t chunk_count;
    struct dxbc_chunk chunks[DXBC_MAX_CHUNKS];
};

/* Validates the header and every chunk's bounds; never reads outside [data, data + size). */
enum dxbc_result dxbc_parse_container(const void *data, size_t size, struct dxbc_container *container);
/* First chunk with that tag, or NULL. */
const struct dxbc_chunk *dxbc_container_find_chunk(const struct dxbc_container *container, uint32_t tag);

/* The container checksum: a variant of MD5 over bytes [20, size). size must be >= 20. */
void dxbc_checksum_compute(const void *data, size_t size, uint8_t checksum[16]);
/* DXBC_OK when the stored checksum matches; DXBC_ERROR_BAD_CHECKSUM otherwise. */
enum dxbc_result dxbc_checksum_verify(const void *data, size_t size);

/* ------------------------------------------------------------------------------------
 * Signatures (ISGN/ISG1, OSGN/OSG1/OSG5, PCSG/PSG1) */

/* D3D_NAME values as stored in signatures. */
enum dxbc_name
{
    DXBC_NAME_UNDEFINED = 0,
    DXBC_NAME_POSITION = 1,
    DXBC_NAME_CLIP_DISTANCE = 2,
    DXBC_NAME_CULL_DISTANCE = 3,
    DXBC_NAME_RENDER_TARGET_ARRAY_INDEX = 4,
    DXBC_NAME_VIEWPORT_ARRAY_INDEX = 5,
    DXBC_NAME_VERTEX_ID = 6,
    DXBC_NAME_PRIMITIVE_ID = 7,
    DXBC_NAME_INSTANCE_ID = 8,
    DXBC_NAME_IS_FRONT_FACE = 9,
    DXBC_NAME_SAMPLE_INDEX = 10,
    DXBC_NAME_FINAL_QUAD_EDGE_TESSFACTOR = 11,
    DXBC_NAME_FINAL_QUAD_INSIDE_TESSFACTOR = 12,
    DXBC_NAME_FINAL_TRI_EDGE_TESSFACTOR = 13,
    DXBC_NAME_FINAL_TRI_INSIDE_TESSFACTOR = 14,
    DXBC_NAME_FINAL_LINE_DETAIL_TESSFACTOR = 15,
    DXBC_NAME_FINAL_LINE_DENSITY_TESSFACTOR = 16,
    DXBC_NAME_BARYCENTRICS = 23,
    DXBC_NAME_SHADINGRATE = 24,
    DXBC_NAME_CULLPRIMITIVE = 25,
    DXBC_NAME_TARGET = 64,
    DXBC_NAME_DEPTH = 65,
    DXBC_NAME_COVERAGE = 66,
    DXBC_NAME_DEPTH_GREATER_EQUAL = 67,
    DXBC_NAME_DEPTH_LESS_EQUAL = 68,
    DXBC_NAME_STENCIL_REF = 69,
    DXBC_NAME_INNER_COVERAGE = 70,
};

/* D3D_REGISTER_COMPONENT_TYPE */
enum dxbc_component_type
{
    DXBC_COMPONENT_UNKNOWN = 0,
    DXBC_COMPONENT_UINT32 = 1,
    DXBC_COMPONENT_SINT32 = 2,
    DXBC_COMPONENT_FLOAT32 = 3,
};

/* D3D_MIN_PRECISION as stored in ISG1/OSG1/PSG1 */
enum dxbc_sig_min_precision
{
    DXBC_SIG_MIN_PRECISION_DEFAULT = 0,
    DXBC_SIG_MIN_PRECISION_FLOAT_16 = 1,
    DXBC_SIG_MIN_PRECISION_FLOAT_2_8 = 2,
    DXBC_SIG_MIN_PRECISION_SINT_16 = 4,
    DXBC_SIG_MIN_PRECISION_UINT_16 = 5,
    DXBC_SIG_MIN_PRECISION_ANY_16 = 0xf0,
    DXBC_SIG_MIN_PRECISION_ANY_10 = 0xf1,
};

struct dxbc_signature_element
{
    const char *semantic_name;   /* NUL-terminated, owned by the signature */
    uint32_t semantic_index;
    uint32_t system_value;       /* enum dxbc_name */
    uint32_t component_type;     /* enum dxbc_component_type */
    uint32_t register_index;
    uint8_t mask;                /* components present, bit 0 = x */
    uint8_t rw_mask;             /* inputs: components read; outputs: components NOT always written */
    uint32_t stream;             /* OSG5/ISG1/OSG1/PSG1; 0 otherwise */
    uint32_t min_precision;      /* enum dxbc_sig_min_precision; ISG1/OSG1/PSG1 only */
};

struct dxbc_signature
{
    uint32_t tag;                /* the chunk it came from, 0 when absent */
    uint32_t element_count;
    struct dxbc_signature_element *elements;
    char *strings;               /* storage of the semantic names */
};

/* Parses one signature chunk (any of the tags above). On failure *signature is empty. */
enum dxbc_result dxbc_signature_parse(const struct dxbc_chunk *chunk, struct dxbc_signature *signature);
void dxbc_signature_free(struct dxbc_signature *signature);
/* Element covering component(s) of `mask` in register `reg` (stream 0), or NULL. */
const struct dxbc_signature_element *dxbc_signature_find_register(const struct dxbc_signature *signature,
        uint32_t reg, uint32_t mask);
/* Element by semantic (case-insensitive name), or NULL. */
const struct dxbc_signature_element *dxbc_signature_find_semantic(const struct dxbc_signature *signature,
        const char *name, uint32_t index);

/* ------------------------------------------------------------------------------------
 * Opcodes, numbered as in the tokenized program format. */

enum dxbc_opcode
{
    DXBC_OP_ADD = 0x00,
    DXBC_OP_AND = 0x01,
    DXBC_OP_BREAK = 0x02,
    DXBC_OP_BREAKC = 0x03,
    DXBC_OP_CALL = 0x04,
    DXBC_OP_CALLC = 0x05,
    DXBC_OP_CASE = 0x06,
    DXBC_OP_CONTINUE = 0x07,
    DXBC_OP_CONTINUEC = 0x08,
    DXBC_OP_CUT = 0x09,
    DXBC_OP_DEFAULT = 0x0a,
    DXBC_OP_DERIV_RTX = 0x0b,
    DXBC_OP_DERIV_RTY = 0x0c,
    DXBC_OP_DISCARD = 0x0d,
    DXBC_OP_DIV = 0x0e,
    DXBC_OP_DP2 = 0x0f,
    DXBC_OP_DP3 = 0x10,
    DXBC_OP_DP4 = 0x11,
    DXBC_OP_ELSE = 0x12,
    DXBC_OP_EMIT = 0x13,
    DXBC_OP_EMITTHENCUT = 0x14,
    DXBC_OP_ENDIF = 0x15,
    DXBC_OP_ENDLOOP = 0x16,
    DXBC_OP_ENDSWITCH = 0x17,
    DXBC_OP_EQ = 0x18,
    DXBC_OP_EXP = 0x19,
    DXBC_OP_FRC = 0x1a,
    DXBC_OP_FTOI = 0x1b,
    DXBC_OP_FTOU = 0x1c,
    DXBC_OP_GE = 0x1d,
    DXBC_OP_IADD = 0x1e,
    DXBC_OP_IF = 0x1f,
    DXBC_OP_IEQ = 0x20,
    DXBC_OP_IGE = 0x21,
    DXBC_OP_ILT = 0x22,
    DXBC_OP_IMAD = 0x23,
    DXBC_OP_IMAX = 0x24,
    DXBC_OP_IMIN = 0x25,
    DXBC_OP_IMUL = 0x26,
    DXBC_OP_INE = 0x27,
    DXBC_OP_INEG = 0x28,
    DXBC_OP_ISHL = 0x29,
    DXBC_OP_ISHR = 0x2a,
    DXBC_OP_ITOF = 0x2b,
    DXBC_OP_LABEL = 0x2c,
    DXBC_OP_LD = 0x2d,
    DXBC_OP_LD_MS = 0x2e,
    DXBC_OP_LOG = 0x2f,
    DXBC_OP_LOOP = 0x30,
    DXBC_OP_LT = 0x31,
    DXBC_OP_MAD = 0x32,
    DXBC_OP_MIN = 0x33,
    DXBC_OP_MAX = 0x34,
    DXBC_OP_CUSTOMDATA = 0x35,
    DXBC_OP_MOV = 0x36,
    DXBC_OP_MOVC = 0x37,
    DXBC_OP_MUL = 0x38,
    DXBC_OP_NE = 0x39,
    DXBC_OP_NOP = 0x3a,
    DXBC_OP_NOT = 0x3b,
    DXBC_OP_OR = 0x3c,
    DXBC_OP_RESINFO = 0x3d,
    DXBC_OP_RET = 0x3e,
    DXBC_OP_RETC = 0x3f,
    DXBC_OP_ROUND_NE = 0x40,
    DXBC_OP_ROUND_NI = 0x41,
    DXBC_OP_ROUND_PI = 0x42,
    DXBC_OP_ROUND_Z = 0x43,
    DXBC_OP_RSQ = 0x44,
    DXBC_OP_SAMPLE = 0x45,
    DXBC_OP_SAMPLE_C = 0x46,
    DXBC_OP_SAMPLE_C_LZ = 0x47,
    DXBC_OP_SAMPLE_L = 0x48,
    DXBC_OP_SAMPLE_D = 0x49,
    DXBC_OP_SAMPLE_B = 0x4a,
    DXBC_OP_SQRT = 0x4b,
    DXBC_OP_SWITCH = 0x4c,
    DXBC_OP_SINCOS = 0x4d,
    DXBC_OP_UDIV = 0x4e,
    DXBC_OP_ULT = 0x4f,
    DXBC_OP_UGE = 0x50,
    DXBC_OP_UMUL = 0x51,
    DXBC_OP_UMAD = 0x52,
    DXBC_OP_UMAX = 0x53,
    DXBC_OP_UMIN = 0x54,
    DXBC_OP_USHR = 0x55,
    DXBC_OP_UTOF = 0x56,
    DXBC_OP_XOR = 0x57,
    DXBC_OP_DCL_RESOURCE = 0x58,
    DXBC_OP_DCL_CONSTANT_BUFFER = 0x59,
    DXBC_OP_DCL_SAMPLER = 0x5a,
    DXBC_OP_DCL_INDEX_RANGE = 0x5b,
    DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY = 0x5c,
    DXBC_OP_DCL_GS_INPUT_PRIMITIVE = 0x5d,
    DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT = 0x5e,
    DXBC_OP_DCL_INPUT = 0x5f,
    DXBC_OP_DCL_INPUT_SGV = 0x60,
    DXBC_OP_DCL_INPUT_SIV = 0x61,
    DXBC_OP_DCL_INPUT_PS = 0x62,
    DXBC_OP_DCL_INPUT_PS_SGV = 0x63,
    DXBC_OP_DCL_INPUT_PS_SIV = 0x64,
    DXBC_OP_DCL_OUTPUT = 0x65,
    DXBC_OP_DCL_OUTPUT_SGV = 0x66,
    DXBC_OP_DCL_OUTPUT_SIV = 0x67,
    DXBC_OP_DCL_TEMPS = 0x68,
    DXBC_OP_DCL_INDEXABLE_TEMP = 0x69,
    DXBC_OP_DCL_GLOBAL_FLAGS = 0x6a,
    DXBC_OP_RESERVED_10_0 = 0x6b,
    DXBC_OP_LOD = 0x6c,
    DXBC_OP_GATHER4 = 0x6d,
    DXBC_OP_SAMPLE_POS = 0x6e,
    DXBC_OP_SAMPLE_INFO = 0x6f,
    DXBC_OP_RESERVED_10_1 = 0x70,
    DXBC_OP_HS_DECLS = 0x71,
    DXBC_OP_HS_CONTROL_POINT_PHASE = 0x72,
    DXBC_OP_HS_FORK_PHASE = 0x73,
    DXBC_OP_HS_JOIN_PHASE = 0x74,
    DXBC_OP_EMIT_STREAM = 0x75,
    DXBC_OP_CUT_STREAM = 0x76,
    DXBC_OP_EMITTHENCUT_STREAM = 0x77,
    DXBC_OP_INTERFACE_CALL = 0x78,
    DXBC_OP_BUFINFO = 0x79,
    DXBC_OP_DERIV_RTX_COARSE = 0x7a,
    DXBC_OP_DERIV_RTX_FINE = 0x7b,
    DXBC_OP_DERIV_RTY_COARSE = 0x7c,
    DXBC_OP_DERIV_RTY_FINE = 0x7d,
    DXBC_OP_GATHER4_C = 0x7e,
    DXBC_OP_GATHER4_PO = 0x7f,
    DXBC_OP_GATHER4_PO_C = 0x80,
    DXBC_OP_RCP = 0x81,
    DXBC_OP_F32TOF16 = 0x82,
    DXBC_OP_F16TOF32 = 0x83,
    DXBC_OP_UADDC = 0x84,
    DXBC_OP_USUBB = 0x85,
    DXBC_OP_COUNTBITS = 0x86,
    DXBC_OP_FIRSTBIT_HI = 0x87,
    DXBC_OP_FIRSTBIT_LO = 0x88,
    DXBC_OP_FIRSTBIT_SHI = 0x89,
    DXBC_OP_UBFE = 0x8a,
    DXBC_OP_IBFE = 0x8b,
    DXBC_OP_BFI = 0x8c,
    DXBC_OP_BFREV = 0x8d,
    DXBC_OP_SWAPC = 0x8e,
    DXBC_OP_DCL_STREAM = 0x8f,
    DXBC_OP_DCL_FUNCTION_BODY = 0x90,
    DXBC_OP_DCL_FUNCTION_TABLE = 0x91,
    DXBC_OP_DCL_INTERFACE = 0x92,
    DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT = 0x93,
    DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT = 0x94,
    DXBC_OP_DCL_TESS_DOMAIN = 0x95,
    DXBC_OP_DCL_TESS_PARTITIONING = 0x96,
    DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE = 0x97,
    DXBC_OP_DCL_HS_MAX_TESSFACTOR = 0x98,
    DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT = 0x99,
    DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT = 0x9a,
    DXBC_OP_DCL_THREAD_GROUP = 0x9b,
    DXBC_OP_DCL_UAV_TYPED = 0x9c,
    DXBC_OP_DCL_UAV_RAW = 0x9d,
    DXBC_OP_DCL_UAV_STRUCTURED = 0x9e,
    DXBC_OP_DCL_TGSM_RAW = 0x9f,
    DXBC_OP_DCL_TGSM_STRUCTURED = 0xa0,
    DXBC_OP_DCL_RESOURCE_RAW = 0xa1,
    DXBC_OP_DCL_RESOURCE_STRUCTURED = 0xa2,
    DXBC_OP_LD_UAV_TYPED = 0xa3,
    DXBC_OP_STORE_UAV_TYPED = 0xa4,
    DXBC_OP_LD_RAW = 0xa5,
    DXBC_OP_STORE_RAW = 0xa6,
    DXBC_OP_LD_STRUCTURED = 0xa7,
    DXBC_OP_STORE_STRUCTURED = 0xa8,
    DXBC_OP_ATOMIC_AND = 0xa9,
    DXBC_OP_ATOMIC_OR = 0xaa,
    DXBC_OP_ATOMIC_XOR = 0xab,
    DXBC_OP_ATOMIC_CMP_STORE = 0xac,
    DXBC_OP_ATOMIC_IADD = 0xad,
    DXBC_OP_ATOMIC_IMAX = 0xae,
    DXBC_OP_ATOMIC_IMIN = 0xaf,
    DXBC_OP_ATOMIC_UMAX = 0xb0,
    DXBC_OP_ATOMIC_UMIN = 0xb1,
    DXBC_OP_IMM_ATOMIC_ALLOC = 0xb2,
    DXBC_OP_IMM_ATOMIC_CONSUME = 0xb3,
    DXBC_OP_IMM_ATOMIC_IADD = 0xb4,
    DXBC_OP_IMM_ATOMIC_AND = 0xb5,
    DXBC_OP_IMM_ATOMIC_OR = 0xb6,
    DXBC_OP_IMM_ATOMIC_XOR = 0xb7,
    DXBC_OP_IMM_ATOMIC_EXCH = 0xb8,
    DXBC_OP_IMM_ATOMIC_CMP_EXCH = 0xb9,
    DXBC_OP_IMM_ATOMIC_IMAX = 0xba,
    DXBC_OP_IMM_ATOMIC_IMIN = 0xbb,
    DXBC_OP_IMM_ATOMIC_UMAX = 0xbc,
    DXBC_OP_IMM_ATOMIC_UMIN = 0xbd,
    DXBC_OP_SYNC = 0xbe,
    DXBC_OP_DADD = 0xbf,
    DXBC_OP_DMAX = 0xc0,
    DXBC_OP_DMIN = 0xc1,
    DXBC_OP_DMUL = 0xc2,
    DXBC_OP_DEQ = 0xc3,
    DXBC_OP_DGE = 0xc4,
    DXBC_OP_DLT = 0xc5,
    DXBC_OP_DNE = 0xc6,
    DXBC_OP_DMOV = 0xc7,
    DXBC_OP_DMOVC = 0xc8,
    DXBC_OP_DTOF = 0xc9,
    DXBC_OP_FTOD = 0xca,
    DXBC_OP_EVAL_SNAPPED = 0xcb,
    DXBC_OP_EVAL_SAMPLE_INDEX = 0xcc,
    DXBC_OP_EVAL_CENTROID = 0xcd,
    DXBC_OP_DCL_GS_INSTANCE_COUNT = 0xce,
    DXBC_OP_ABORT = 0xcf,
    DXBC_OP_DEBUG_BREAK = 0xd0,
    DXBC_OP_RESERVED_11_0 = 0xd1,
    DXBC_OP_DDIV = 0xd2,
    DXBC_OP_DFMA = 0xd3,
    DXBC_OP_DRCP = 0xd4,
    DXBC_OP_MSAD = 0xd5,
    DXBC_OP_DTOI = 0xd6,
    DXBC_OP_DTOU = 0xd7,
    DXBC_OP_ITOD = 0xd8,
    DXBC_OP_UTOD = 0xd9,
    DXBC_OP_COUNT = 0xda,        /* one past the last known opcode */
};

/* What an opcode is; several flags may be set. */
enum dxbc_opcode_flags
{
    DXBC_OPF_DECLARATION = 1u << 0,   /* dcl_* and the HS phase markers */
    DXBC_OPF_CUSTOM_LAYOUT = 1u << 1, /* payload is not just dst+src operands (decoded specially) */
    DXBC_OPF_TEST = 1u << 2,          /* has the _z/_nz boolean test */
    DXBC_OPF_SATURATE = 1u << 3,      /* may carry _sat */
    DXBC_OPF_FLOAT = 1u << 4,         /* operands are 32-bit float (immediates print as floats) */
    DXBC_OPF_INT = 1u << 5,           /* operands are signed ints */
    DXBC_OPF_UINT = 1u << 6,          /* operands are unsigned ints / bits */
    DXBC_OPF_DOUBLE = 1u << 7,        /* operands are 64-bit floats */
    DXBC_OPF_RESOURCE = 1u << 8,      /* touches a t#/u# (may carry resource-dim/return-type extended tokens) */
    DXBC_OPF_FLOW = 1u << 9,          /* control flow (if/else/loop/switch/call/ret...) */
    DXBC_OPF_RESERVED = 1u << 10,     /* a reserved opcode number: decoding it is an error */
    DXBC_OPF_SM5 = 1u << 11,          /* needs shader model 5.0 */
    DXBC_OPF_SM41 = 1u << 12,         /* needs shader model 4.1 */
};

struct dxbc_opcode_info
{
    const char *name;            /* mnemonic as the disassembler prints it (no suffixes) */
    uint8_t dst_count;           /* for plain instructions; 0 for CUSTOM_LAYOUT ones */
    uint8_t src_count;
    uint32_t flags;              /* enum dxbc_opcode_flags */
};

/* NULL for a number outside [0, DXBC_OP_COUNT). */
const struct dxbc_opcode_info *dxbc_opcode_get_info(uint32_t opcode);
/* Opcode by mnemonic (exact, no suffixes); returns false when unknown. */
bool dxbc_opcode_from_name(const char *name, size_t length, enum dxbc_opcode *opcode);

/* ------------------------------------------------------------------------------------
 * Operands */

enum dxbc_register_type
{
    DXBC_REG_TEMP = 0,                      /* r# */
    DXBC_REG_INPUT = 1,                     /* v# */
    DXBC_REG_OUTPUT = 2,                    /* o# */
    DXBC_REG_INDEXABLE_TEMP = 3,            /* x#[] */
    DXBC_REG_IMMEDIATE32 = 4,               /* l(...) */
    DXBC_REG_IMMEDIATE64 = 5,               /* d(...) */
    DXBC_REG_SAMPLER = 6,                   /* s# */
    DXBC_REG_RESOURCE = 7,                  /* t# */
    DXBC_REG_CONSTANT_BUFFER = 8,           /* cb#[] */
    DXBC_REG_IMMEDIATE_CONSTANT_BUFFER = 9, /* icb[] */
    DXBC_REG_LABEL = 10,                    /* l# (subroutine labels) */
    DXBC_REG_INPUT_PRIMITIVEID = 11,        /* vPrim */
    DXBC_REG_OUTPUT_DEPTH = 12,             /* oDepth */
    DXBC_REG_NULL = 13,                     /* null */
    DXBC_REG_RASTERIZER = 14,               /* rasterizer */
    DXBC_REG_OUTPUT_COVERAGE_MASK = 15,     /* oMask */
    DXBC_REG_STREAM = 16,                   /* m# */
    DXBC_REG_FUNCTION_BODY = 17,            /* fb# */
    DXBC_REG_FUNCTION_TABLE = 18,           /* ft# */
    DXBC_REG_INTERFACE = 19,                /* fp#[][] */
    DXBC_REG_FUNCTION_INPUT = 20,
    DXBC_REG_FUNCTION_OUTPUT = 21,
    DXBC_REG_OUTPUT_CONTROL_POINT_ID = 22,  /* vOutputControlPointID */
    DXBC_REG_INPUT_FORK_INSTANCE_ID = 23,   /* vForkInstanceID */
    DXBC_REG_INPUT_JOIN_INSTANCE_ID = 24,   /* vJoinInstanceID */
    DXBC_REG_INPUT_CONTROL_POINT = 25,      /* vicp[][] */
    DXBC_REG_OUTPUT_CONTROL_POINT = 26,     /* vocp[][] */
    DXBC_REG_INPUT_PATCH_CONSTANT = 27,     /* vpc# */
    DXBC_REG_INPUT_DOMAIN_POINT = 28,       /* vDomain */
    DXBC_REG_THIS_POINTER = 29,             /* this[] */
    DXBC_REG_UAV = 30,                      /* u# */
    DXBC_REG_TGSM = 31,                     /* g# */
    DXBC_REG_INPUT_THREAD_ID = 32,          /* vThreadID */
    DXBC_REG_INPUT_THREAD_GROUP_ID = 33,    /* vThreadGroupID */
    DXBC_REG_INPUT_THREAD_ID_IN_GROUP = 34, /* vThreadIDInGroup */
    DXBC_REG_INPUT_COVERAGE_MASK = 35,      /* vCoverage */
    DXBC_REG_INPUT_THREAD_ID_IN_GROUP_FLATTENED = 36, /* vThreadIDInGroupFlattened */
    DXBC_REG_INPUT_GS_INSTANCE_ID = 37,     /* vGSInstanceID */
    DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL = 38, /* oDepthGE */
    DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL = 39,  /* oDepthLE */
    DXBC_REG_CYCLE_COUNTER = 40,            /* vCycleCounter */
    DXBC_REG_OUTPUT_STENCIL_REF = 41,       /* oStencilRef */
    DXBC_REG_INNER_COVERAGE = 42,           /* vInnerCoverage */
    DXBC_REG_COUNT,
};

enum dxbc_component_count
{
    DXBC_COMPONENTS_0 = 0,
    DXBC_COMPONENTS_1 = 1,
    DXBC_COMPONENTS_4 = 2,
    DXBC_COMPONENTS_N = 3,                  /* not used by SM4/5; rejected */
};

enum dxbc_select_mode
{
    DXBC_SELECT_MASK = 0,
    DXBC_SELECT_SWIZZLE = 1,
    DXBC_SELECT_SELECT1 = 2,
};

enum dxbc_index_repr
{
    DXBC_INDEX_IMM32 = 0,
    DXBC_INDEX_IMM64 = 1,
    DXBC_INDEX_RELATIVE = 2,
    DXBC_INDEX_IMM32_RELATIVE = 3,
    DXBC_INDEX_IMM64_RELATIVE = 4,
};

enum dxbc_min_precision
{
    DXBC_MIN_PRECISION_DEFAULT = 0,
    DXBC_MIN_PRECISION_FLOAT_16 = 1,
    DXBC_MIN_PRECISION_FLOAT_2_8 = 2,
    DXBC_MIN_PRECISION_SINT_16 = 4,
    DXBC_MIN_PRECISION_UINT_16 = 5,
};

struct dxbc_operand;

struct dxbc_operand_index
{
    enum dxbc_index_repr repr;
    uint64_t imm;                    /* the immediate part (0 when RELATIVE only) */
    struct dxbc_operand *rel;        /* the relative part (a scalar src operand), or NULL */
};

struct dxbc_operand
{
    enum dxbc_register_type type;
    enum dxbc_component_count components;
    enum dxbc_select_mode select_mode;   /* meaningful when components == DXBC_COMPONENTS_4 */
    uint8_t mask;                        /* SELECT_MASK: write/read mask, bit 0 = x */
    uint8_t swizzle[4];                  /* SWIZZLE: source component per lane; SELECT1: all four = select1 */
    uint8_t select1;                     /* SELECT1: the component */
    uint8_t index_count;                 /* 0..3 */
    struct dxbc_operand_index index[3];
    bool neg, abs;                       /* source modifiers from the extended operand token */
    enum dxbc_min_precision min_precision;
    bool nonuniform;                     /* extended-token bit (SM5.1); kept for the disassembler */
    bool extended;                       /* an extended operand token was present */
    union
    {
        uint32_t u32[4];
        int32_t i32[4];
        float f32[4];
        uint64_t u64[2];
        double f64[2];
    } imm;                               /* IMMEDIATE32: 1 or 4 dwords; IMMEDIATE64: 1 or 2 qwords */
    uint32_t imm_count;                  /* number of immediate values (1, 2 or 4) */
};

/* Whether a register type takes that many indices in SM4.0-5.0 (r0: 1, cb0[1]: 2, ...). */
bool dxbc_register_index_count_valid(enum dxbc_register_type type, unsigned int count);

/* ------------------------------------------------------------------------------------
 * Declaration enums (values as in the token format) */

enum dxbc_resource_dim
{
    DXBC_RESOURCE_UNKNOWN = 0,
    DXBC_RESOURCE_BUFFER = 1,
    DXBC_RESOURCE_TEXTURE1D = 2,
    DXBC_RESOURCE_TEXTURE2D = 3,
    DXBC_RESOURCE_TEXTURE2DMS = 4,
    DXBC_RESOURCE_TEXTURE3D = 5,
    DXBC_RESOURCE_TEXTURECUBE = 6,
    DXBC_RESOURCE_TEXTURE1DARRAY = 7,
    DXBC_RESOURCE_TEXTURE2DARRAY = 8,
    DXBC_RESOURCE_TEXTURE2DMSARRAY = 9,
    DXBC_RESOURCE_TEXTURECUBEARRAY = 10,
    DXBC_RESOURCE_RAW_BUFFER = 11,
    DXBC_RESOURCE_STRUCTURED_BUFFER = 12,
    DXBC_RESOURCE_DIM_COUNT,
};

enum dxbc_return_type
{
    DXBC_RETURN_NONE = 0,
    DXBC_RETURN_UNORM = 1,
    DXBC_RETURN_SNORM = 2,
    DXBC_RETURN_SINT = 3,
    DXBC_RETURN_UINT = 4,
    DXBC_RETURN_FLOAT = 5,
    DXBC_RETURN_MIXED = 6,
    DXBC_RETURN_DOUBLE = 7,
    DXBC_RETURN_CONTINUED = 8,
    DXBC_RETURN_UNUSED = 9,
};

enum dxbc_resinfo_return
{
    DXBC_RESINFO_FLOAT = 0,
    DXBC_RESINFO_RCP_FLOAT = 1,
    DXBC_RESINFO_UINT = 2,
};

enum dxbc_sampler_mode
{
    DXBC_SAMPLER_DEFAULT = 0,
    DXBC_SAMPLER_COMPARISON = 1,
    DXBC_SAMPLER_MONO = 2,
};

enum dxbc_interpolation
{
    DXBC_INTERP_UNDEFINED = 0,
    DXBC_INTERP_CONSTANT = 1,
    DXBC_INTERP_LINEAR = 2,
    DXBC_INTERP_LINEAR_CENTROID = 3,
    DXBC_INTERP_LINEAR_NOPERSPECTIVE = 4,
    DXBC_INTERP_LINEAR_NOPERSPECTIVE_CENTROID = 5,
    DXBC_INTERP_LINEAR_SAMPLE = 6,
    DXBC_INTERP_LINEAR_NOPERSPECTIVE_SAMPLE = 7,
};

/* System values of dcl_*_siv/_sgv (token-format numbering, not D3D_NAME). */
enum dxbc_sysval
{
    DXBC_SV_UNDEFINED = 0,
    DXBC_SV_POSITION = 1,
    DXBC_SV_CLIP_DISTANCE = 2,
    DXBC_SV_CULL_DISTANCE = 3,
    DXBC_SV_RENDER_TARGET_ARRAY_INDEX = 4,
    DXBC_SV_VIEWPORT_ARRAY_INDEX = 5,
    DXBC_SV_VERTEX_ID = 6,
    DXBC_SV_PRIMITIVE_ID = 7,
    DXBC_SV_INSTANCE_ID = 8,
    DXBC_SV_IS_FRONT_FACE = 9,
    DXBC_SV_SAMPLE_INDEX = 10,
    DXBC_SV_FINAL_QUAD_U_EQ_0_EDGE_TESSFACTOR = 11,
    DXBC_SV_FINAL_QUAD_V_EQ_0_EDGE_TESSFACTOR = 12,
    DXBC_SV_FINAL_QUAD_U_EQ_1_EDGE_TESSFACTOR = 13,
    DXBC_SV_FINAL_QUAD_V_EQ_1_EDGE_TESSFACTOR = 14,
    DXBC_SV_FINAL_QUAD_U_INSIDE_TESSFACTOR = 15,
    DXBC_SV_FINAL_QUAD_V_INSIDE_TESSFACTOR = 16,
    DXBC_SV_FINAL_TRI_U_EQ_0_EDGE_TESSFACTOR = 17,
    DXBC_SV_FINAL_TRI_V_EQ_0_EDGE_TESSFACTOR = 18,
    DXBC_SV_FINAL_TRI_W_EQ_0_EDGE_TESSFACTOR = 19,
    DXBC_SV_FINAL_TRI_INSIDE_TESSFACTOR = 20,
    DXBC_SV_FINAL_LINE_DETAIL_TESSFACTOR = 21,
    DXBC_SV_FINAL_LINE_DENSITY_TESSFACTOR = 22,
    DXBC_SV_COUNT,
};

enum dxbc_gs_input_primitive
{
    DXBC_PRIMITIVE_UNDEFINED = 0,
    DXBC_PRIMITIVE_POINT = 1,
    DXBC_PRIMITIVE_LINE = 2,
    DXBC_PRIMITIVE_TRIANGLE = 3,
    DXBC_PRIMITIVE_LINE_ADJ = 6,
    DXBC_PRIMITIVE_TRIANGLE_ADJ = 7,
    DXBC_PRIMITIVE_1_CONTROL_POINT_PATCH = 8,  /* ... up to 32 control points = 39 */
    DXBC_PRIMITIVE_32_CONTROL_POINT_PATCH = 39,
};

enum dxbc_primitive_topology
{
    DXBC_TOPOLOGY_UNDEFINED = 0,
    DXBC_TOPOLOGY_POINTLIST = 1,
    DXBC_TOPOLOGY_LINELIST = 2,
    DXBC_TOPOLOGY_LINESTRIP = 3,
    DXBC_TOPOLOGY_TRIANGLELIST = 4,
    DXBC_TOPOLOGY_TRIANGLESTRIP = 5,
    DXBC_TOPOLOGY_LINELIST_ADJ = 10,
    DXBC_TOPOLOGY_LINESTRIP_ADJ = 11,
    DXBC_TOPOLOGY_TRIANGLELIST_ADJ = 12,
    DXBC_TOPOLOGY_TRIANGLESTRIP_ADJ = 13,
};

enum dxbc_tess_domain
{
    DXBC_TESS_DOMAIN_UNDEFINED = 0,
    DXBC_TESS_DOMAIN_ISOLINE = 1,
    DXBC_TESS_DOMAIN_TRI = 2,
    DXBC_TESS_DOMAIN_QUAD = 3,
};

enum dxbc_tess_partitioning
{
    DXBC_TESS_PARTITIONING_UNDEFINED = 0,
    DXBC_TESS_PARTITIONING_INTEGER = 1,
    DXBC_TESS_PARTITIONING_POW2 = 2,
    DXBC_TESS_PARTITIONING_FRACTIONAL_ODD = 3,
    DXBC_TESS_PARTITIONING_FRACTIONAL_EVEN = 4,
};

enum dxbc_tess_output_primitive
{
    DXBC_TESS_OUTPUT_UNDEFINED = 0,
    DXBC_TESS_OUTPUT_POINT = 1,
    DXBC_TESS_OUTPUT_LINE = 2,
    DXBC_TESS_OUTPUT_TRIANGLE_CW = 3,
    DXBC_TESS_OUTPUT_TRIANGLE_CCW = 4,
};

/* dcl_globalFlags bits (as they sit in the opcode token, already shifted down by 11). */
enum dxbc_global_flags
{
    DXBC_GLOBAL_REFACTORING_ALLOWED = 1u << 0,
    DXBC_GLOBAL_ENABLE_DOUBLE_PRECISION = 1u << 1,
    DXBC_GLOBAL_FORCE_EARLY_DEPTH_STENCIL = 1u << 2,
    DXBC_GLOBAL_ENABLE_RAW_STRUCTURED_BUFFERS = 1u << 3,
    DXBC_GLOBAL_SKIP_OPTIMIZATION = 1u << 4,
    DXBC_GLOBAL_ENABLE_MINIMUM_PRECISION = 1u << 5,
    DXBC_GLOBAL_ENABLE_11_1_DOUBLE_EXTENSIONS = 1u << 6,
    DXBC_GLOBAL_ENABLE_11_1_SHADER_EXTENSIONS = 1u << 7,
};

/* sync flags (opcode-token bits 11..14, shifted down). */
enum dxbc_sync_flags
{
    DXBC_SYNC_THREADS_IN_GROUP = 1u << 0,
    DXBC_SYNC_TGSM = 1u << 1,
    DXBC_SYNC_UAV_GROUP = 1u << 2,
    DXBC_SYNC_UAV_GLOBAL = 1u << 3,
};

/* customdata classes */
enum dxbc_custom_data_class
{
    DXBC_CUSTOMDATA_COMMENT = 0,
    DXBC_CUSTOMDATA_DEBUG_INFO = 1,
    DXBC_CUSTOMDATA_OPAQUE = 2,
    DXBC_CUSTOMDATA_IMMEDIATE_CONSTANT_BUFFER = 3,
    DXBC_CUSTOMDATA_SHADER_MESSAGE = 4,
    DXBC_CUSTOMDATA_CLIP_PLANE_CONSTANT_MAPPINGS = 5,
};

/* Declaration payloads; which member is valid depends on the opcode (noted per member).
 * The declared register itself, when there is one, is operands[0] of the instruction. */
union dxbc_declaration
{
    uint32_t global_flags;            /* DCL_GLOBAL_FLAGS: enum dxbc_global_flags */
    struct
    {
        enum dxbc_resource_dim dim;           /* DCL_RESOURCE, DCL_UAV_TYPED; RAW_BUFFER/STRUCTURED_BUFFER for the raw/structured dcls */
        enum dxbc_return_type return_type[4]; /* DCL_RESOURCE, DCL_UAV_TYPED */
        uint32_t sample_count;                /* DCL_RESOURCE of texture2dms(array) */
        uint32_t stride;                      /* *_STRUCTURED: structure byte stride */
        bool globally_coherent;               /* UAVs */
        bool rasterizer_ordered;              /* UAVs (11.3 bit) */
        bool has_counter;                     /* DCL_UAV_STRUCTURED with a hidden counter */
    } resource;
    struct
    {
        bool dynamic_indexed;                 /* DCL_CONSTANT_BUFFER; size is operands[0].index[1].imm */
    } constant_buffer;
    enum dxbc_sampler_mode sampler_mode;      /* DCL_SAMPLER */
    struct
    {
        enum dxbc_interpolation interpolation; /* DCL_INPUT_PS* */
        enum dxbc_sysval sysval;               /* *_SGV, *_SIV */
    } io;
    uint32_t index_range_count;               /* DCL_INDEX_RANGE */
    uint32_t temp_count;                      /* DCL_TEMPS */
    struct
    {
        uint32_t reg, size, components;       /* DCL_INDEXABLE_TEMP: x<reg>[size], components */
    } indexable_temp;
    uint32_t thread_group[3];                 /* DCL_THREAD_GROUP */
    struct
    {
        uint32_t byte_count;                  /* DCL_TGSM_RAW */
        uint32_t stride, count;               /* DCL_TGSM_STRUCTURED */
    } tgsm;
    enum dxbc_gs_input_primitive gs_input_primitive;     /* DCL_GS_INPUT_PRIMITIVE */
    enum dxbc_primitive_topology gs_output_topology;     /* DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY */
    uint32_t max_output_vertex_count;                    /* DCL_MAX_OUTPUT_VERTEX_COUNT */
    uint32_t gs_instance_count;                          /* DCL_GS_INSTANCE_COUNT */
    uint32_t control_point_count;             /* DCL_INPUT/OUTPUT_CONTROL_POINT_COUNT */
    enum dxbc_tess_domain tess_domain;        /* DCL_TESS_DOMAIN */
    enum dxbc_tess_partitioning tess_partitioning;        /* DCL_TESS_PARTITIONING */
    enum dxbc_tess_output_primitive tess_output_primitive;/* DCL_TESS_OUTPUT_PRIMITIVE */
    float max_tess_factor;                    /* DCL_HS_MAX_TESSFACTOR */
    uint32_t phase_instance_count;            /* DCL_HS_FORK/JOIN_PHASE_INSTANCE_COUNT */
    uint32_t function_body;                   /* DCL_FUNCTION_BODY: fb index */
    struct
    {
        enum dxbc_custom_data_class data_class;
        uint32_t count;                       /* dwords of payload */
        const uint32_t *data;                 /* ICB: count/4 float4 vectors */
    } custom_data;                            /* CUSTOMDATA */
    struct
    {
        uint32_t count;
        const uint32_t *tokens;               /* payload dwords after the opcode token */
    } raw;                                    /* DCL_FUNCTION_TABLE, DCL_INTERFACE, INTERFACE_CALL */
};

/* ------------------------------------------------------------------------------------
 * Instructions and programs */

struct dxbc_instruction
{
    enum dxbc_opcode opcode;
    uint32_t offset;                 /* dword offset of the opcode token in the SHDR/SHEX data */
    uint32_t length;                 /* dwords, including the opcode token */
    uint32_t controls;               /* raw opcode-token bits 11..23, shifted down */

    bool saturate;
    bool test_nz;                    /* DXBC_OPF_TEST ops: true = _nz, false = _z */
    uint8_t precise_mask;            /* SM5 precise bits (per component) */
    enum dxbc_resinfo_return resinfo_return;  /* RESINFO */
    bool sampleinfo_uint;            /* SAMPLE_INFO */
    uint32_t sync_flags;             /* SYNC: enum dxbc_sync_flags */

    /* extended opcode tokens */
    bool has_offsets;
    int8_t offset_u, offset_v, offset_w;   /* _aoffimmi(u,v,w), each in [-8, 7] */
    bool has_resource_dim;
    enum dxbc_resource_dim resource_dim;   /* _indexable(dim) */
    uint32_t resource_stride;              /* structure stride in the resource-dim token */
    bool has_return_type;
    enum dxbc_return_type return_type[4];  /* (float,float,float,float) */

    uint32_t operand_count;
    uint32_t dst_count;              /* operands[0 .. dst_count) are destinations, the rest sources */
    struct dxbc_operand *operands;

    union dxbc_declaration dcl;
};

static inline const struct dxbc_operand *dxbc_instruction_dst(const struct dxbc_instruction *ins, uint32_t i)
{
    return i < ins->dst_count ? &ins->operands[i] : NULL;
}

static inline const struct dxbc_operand *dxbc_instruction_src(const struct dxbc_instruction *ins, uint32_t i)
{
    return ins->dst_count + i < ins->operand_count ? &ins->operands[ins->dst_count + i] : NULL;
}

struct dxbc_program
{
    enum dxbc_stage stage;
    uint32_t program_type;           /* raw type from the version token: 0 ps, 1 vs, 2 gs, 3 hs, 4 ds, 5 cs */
    uint32_t major, minor;           /* shader model */
    bool is_shex;                    /* the program came from a SHEX chunk */

    uint32_t instruction_count;
    struct dxbc_instruction *instructions;

    struct dxbc_signature input;     /* ISGN/ISG1 */
    struct dxbc_signature output;    /* OSGN/OSG1/OSG5 */
    struct dxbc_signature patch_constant; /* PCSG/PSG1 */

    bool has_feature_flags;
    uint64_t feature_flags;          /* SFI0 */

    const uint32_t *tokens;          /* the SHDR/SHEX dwords (program-owned copy) */
    uint32_t token_count;            /* as given by the length token */

    void *blob;                      /* program-owned copy of the container */
    size_t blob_size;
    struct dxbc_container container; /* chunks point into blob */

    void *arena;                     /* private: operand and string storage */
};

/* Parses a whole container (signatures, SFI0, SHDR/SHEX). Besides the bounds of every read,
 * the decoder guarantees: known opcodes only, each instruction's operands fill exactly its
 * length, index counts per register type as in SM4/5 (r 1, x 2, cb 2, v/o 1-2, vicp/vocp 2,
 * system registers 0, ...), relative indices are scalar (1 component or a select1), no
 * immediate destinations, relative addressing nested at most 4 deep. Values (register
 * numbers, enums from declarations) are NOT range-checked: the compiler checks what it uses.
 * error may be NULL. On failure
 * *program is NULL and a message names what was wrong and where. */
enum dxbc_result dxbc_program_parse(const void *blob, size_t size, struct dxbc_program **program,
        char *error, size_t error_size);
void dxbc_program_free(struct dxbc_program *program);

/* ------------------------------------------------------------------------------------
 * Text */

/* Full disassembly (shader-assembly text, one instruction per line, '\n'-terminated).
 * Returns a malloc'ed string (free with dxbc_free) or NULL when out of memory. */
char *dxbc_disassemble(const struct dxbc_program *program);
/* One instruction, no newline; returns bytes written like snprintf (may be truncated). */
size_t dxbc_disassemble_instruction(const struct dxbc_program *program, const struct dxbc_instruction *ins,
        char *buffer, size_t size);

/* Signature / declaration summary. `hook` (may be NULL) appends a further section, e.g. the
 * compiler's interface description; it returns a malloc'ed string or NULL. */
typedef char *(*dxbc_info_hook)(const struct dxbc_program *program, void *user);
char *dxbc_program_info(const struct dxbc_program *program, dxbc_info_hook hook, void *user);

/* Assembles shader-assembly text (the disassembler's syntax; see asm.c for the signature
 * lines) into a complete container with a valid checksum. *blob is freed with dxbc_free. */
bool dxbc_assemble(const char *text, void **blob, size_t *size, char *error, size_t error_size);

void dxbc_free(void *ptr);

#endif
