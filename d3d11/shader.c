/* shader.c — the six shader objects (bounds-checked parse at creation, SPIR-V compiled on
 * first use), stream-output declarations, ID3D11ClassLinkage and ID3D11ClassInstance. */
#include "state.h"
#include "vk_so.h"

struct d3d11_so_variant
{
    struct d3d11_so_variant *next;
    uint64_t key;                        /* the stream-output object's hash */
    struct vk_shader *vk;                /* NULL: does not compile */
};

static const struct
{
    const GUID *iid;
    const char *name;
} stage_iids[DXBC_STAGE_COUNT] =
{
    [DXBC_STAGE_VS] = { &IID_ID3D11VertexShader, "vertex" },
    [DXBC_STAGE_HS] = { &IID_ID3D11HullShader, "hull" },
    [DXBC_STAGE_DS] = { &IID_ID3D11DomainShader, "domain" },
    [DXBC_STAGE_GS] = { &IID_ID3D11GeometryShader, "geometry" },
    [DXBC_STAGE_PS] = { &IID_ID3D11PixelShader, "pixel" },
    [DXBC_STAGE_CS] = { &IID_ID3D11ComputeShader, "compute" },
};

static inline struct d3d11_shader *impl_from_IUnknown(IUnknown *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_shader, IUnknown_iface);
}

/* All six interfaces are ID3D11DeviceChild with no methods of their own, so one set of
 * functions serves them through the IUnknown-compatible prefix. */
static HRESULT STDMETHODCALLTYPE shader_QueryInterface(IUnknown *iface, REFIID riid, void **out)
{
    struct d3d11_shader *shader = impl_from_IUnknown(iface);

    if (!out)
        return E_POINTER;
    if (IsEqualGUID(riid, stage_iids[shader->stage].iid) || IsEqualGUID(riid, &IID_ID3D11DeviceChild)
            || IsEqualGUID(riid, &IID_IUnknown))
    {
        d3d11vk_child_addref(&shader->child);
        *out = iface;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE shader_AddRef(IUnknown *iface)
{
    return d3d11vk_child_addref(&impl_from_IUnknown(iface)->child);
}

static ULONG STDMETHODCALLTYPE shader_Release(IUnknown *iface)
{
    return d3d11vk_child_release(&impl_from_IUnknown(iface)->child);
}

static void STDMETHODCALLTYPE shader_GetDevice(IUnknown *iface, ID3D11Device **device)
{
    *device = (ID3D11Device *)impl_from_IUnknown(iface)->child.device;
    ID3D11Device_AddRef(*device);
}

static HRESULT STDMETHODCALLTYPE shader_GetPrivateData(IUnknown *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IUnknown(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE shader_SetPrivateData(IUnknown *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IUnknown(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE shader_SetPrivateDataInterface(IUnknown *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IUnknown(iface)->child.private_data, guid, object);
}

/* The layout every stage's vtable shares. */
struct shader_vtbl
{
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *, REFIID, void **);
    ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *);
    ULONG (STDMETHODCALLTYPE *Release)(IUnknown *);
    void (STDMETHODCALLTYPE *GetDevice)(IUnknown *, ID3D11Device **);
    HRESULT (STDMETHODCALLTYPE *GetPrivateData)(IUnknown *, REFGUID, UINT *, void *);
    HRESULT (STDMETHODCALLTYPE *SetPrivateData)(IUnknown *, REFGUID, UINT, const void *);
    HRESULT (STDMETHODCALLTYPE *SetPrivateDataInterface)(IUnknown *, REFGUID, const IUnknown *);
};

/* One table per stage so the vtable pointer alone tells the stage. */
static const struct shader_vtbl shader_vtbls[DXBC_STAGE_COUNT] =
{
#define SHADER_VTBL { shader_QueryInterface, shader_AddRef, shader_Release, shader_GetDevice, \
        shader_GetPrivateData, shader_SetPrivateData, shader_SetPrivateDataInterface }
    SHADER_VTBL, SHADER_VTBL, SHADER_VTBL, SHADER_VTBL, SHADER_VTBL, SHADER_VTBL,
#undef SHADER_VTBL
};

struct d3d11_shader *d3d11_shader_from_iface(IUnknown *iface, enum dxbc_stage stage)
{
    if (!iface || (unsigned int)stage >= DXBC_STAGE_COUNT || (const void *)iface->lpVtbl != &shader_vtbls[stage])
        return NULL;
    return impl_from_IUnknown(iface);
}

void d3d11_stream_output_free(struct d3d11_stream_output *so)
{
    if (!so)
        return;
    free(so->elements);
    free(so);
}

static void shader_destroy(struct d3d11vk_child *child)
{
    struct d3d11_shader *shader = CONTAINING_RECORD(child, struct d3d11_shader, child);

    if (shader->spirv)
        dxbc_compile_free_spirv(shader->spirv);
    if (shader->compiled)
        dxbc_shader_info_free(&shader->info);
    if (shader->vk_shader)
        vk_object_release((struct vk_object *)shader->vk_shader);   /* its first member */
    if (shader->vk_shader_dual)
        vk_object_release((struct vk_object *)shader->vk_shader_dual);
    while (shader->so_variants)
    {
        struct d3d11_so_variant *v = shader->so_variants;

        shader->so_variants = v->next;
        if (v->vk)
            vk_object_release((struct vk_object *)v->vk);
        free(v);
    }
    if (shader->so_signature)
    {
        dxbc_signature_free(shader->so_signature);
        free(shader->so_signature);
    }
    if (shader->program)
        dxbc_program_free(shader->program);
    d3d11_stream_output_free(shader->so);
    plat_mutex_destroy(&shader->lock);
    free(shader);
}

static uint64_t hash_bytes(const void *data, size_t size, uint64_t h)
{
    const unsigned char *p = data;
    size_t i;

    h ^= 0xcbf29ce484222325ull;
    for (i = 0; i < size; ++i)
    {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
    return h;
}

static bool program_uses_interfaces(const struct dxbc_program *program)
{
    uint32_t i;

    for (i = 0; i < program->instruction_count; ++i)
    {
        enum dxbc_opcode op = program->instructions[i].opcode;
        if (op == DXBC_OP_DCL_INTERFACE || op == DXBC_OP_DCL_FUNCTION_TABLE || op == DXBC_OP_INTERFACE_CALL)
            return true;
    }
    return false;
}

/* D3D11: feature level 10_x runs shader model 4.x, 10_0 only 4.0; 11_x runs up to 5.0; hull
 * and domain shaders need 11_0. */
static bool model_allowed(const struct d3d11_device *device, const struct dxbc_program *program)
{
    D3D_FEATURE_LEVEL fl = device->feature_level;

    if (program->major > 5 || (program->major == 5 && program->minor > 0))
        return false;
    if (fl >= D3D_FEATURE_LEVEL_11_0)
        return true;
    if (program->major >= 5 || program->stage == DXBC_STAGE_HS || program->stage == DXBC_STAGE_DS)
        return false;
    if (fl < D3D_FEATURE_LEVEL_10_1 && program->minor > 0)
        return false;
    return true;
}

static HRESULT shader_parse(struct d3d11_device *device, enum dxbc_stage stage, const void *bytecode,
        SIZE_T size, bool stream_output, struct dxbc_program **out)
{
    struct dxbc_program *program;
    enum dxbc_result result;
    char error[256];

    *out = NULL;
    if (!bytecode || !size)
        return E_INVALIDARG;
    if ((result = dxbc_program_parse(bytecode, size, &program, error, sizeof(error))) != DXBC_OK)
    {
        LOG_WARN("Rejecting %s shader bytecode: %s.", stage_iids[stage].name, error);
        return E_INVALIDARG;
    }
    /* Stream output may be declared on a vertex or domain shader's bytecode (no GS). */
    if (program->stage != stage && !(stream_output && stage == DXBC_STAGE_GS
            && (program->stage == DXBC_STAGE_VS || program->stage == DXBC_STAGE_DS)))
    {
        LOG_WARN("Rejecting %s shader bytecode: it holds a %s shader.", stage_iids[stage].name,
                (unsigned int)program->stage < DXBC_STAGE_COUNT ? stage_iids[program->stage].name : "unknown");
        dxbc_program_free(program);
        return E_INVALIDARG;
    }
    if (!model_allowed(device, program))
    {
        LOG_WARN("Rejecting shader model %u.%u at feature level %#x.", program->major, program->minor,
                device->feature_level);
        dxbc_program_free(program);
        return E_INVALIDARG;
    }
    *out = program;
    return S_OK;
}

static HRESULT shader_init(struct d3d11_device *device, enum dxbc_stage stage, struct dxbc_program *program,
        const void *bytecode, SIZE_T size, ID3D11ClassLinkage *linkage, struct d3d11_stream_output *so,
        struct d3d11_shader **out)
{
    struct d3d11_shader *shader;

    if (!(shader = calloc(1, sizeof(*shader))))
        return E_OUTOFMEMORY;
    shader->IUnknown_iface.lpVtbl = (IUnknownVtbl *)&shader_vtbls[stage];
    shader->device = device;
    shader->stage = stage;
    shader->program = program;
    shader->uses_interfaces = program && program_uses_interfaces(program);
    shader->hash = hash_bytes(bytecode, size, stage);
    if (so)
    {
        shader->so = so;
        shader->hash = hash_bytes(so->elements, so->element_count * sizeof(*so->elements), shader->hash);
        shader->hash = hash_bytes(so->strides, sizeof(so->strides), shader->hash ^ so->rasterized_stream);
    }
    if (shader->uses_interfaces && !linkage)
        LOG_DEBUG("A shader with interfaces was created without a class linkage.");
    plat_mutex_init(&shader->lock);
    d3d11vk_child_init(&shader->child, (IUnknown *)&device->ID3D11Device5_iface, shader_destroy);
    *out = shader;
    return S_OK;
}

bool d3d11_class_linkage_is_ours(ID3D11ClassLinkage *iface);

HRESULT d3d11_shader_create(struct d3d11_device *device, enum dxbc_stage stage, const void *bytecode,
        SIZE_T size, ID3D11ClassLinkage *linkage, struct d3d11_shader **out)
{
    struct dxbc_program *program;
    HRESULT hr;

    *out = NULL;
    if (linkage && !d3d11_class_linkage_is_ours(linkage))
        return E_INVALIDARG;
    if (FAILED(hr = shader_parse(device, stage, bytecode, size, false, &program)))
        return hr;
    if (FAILED(hr = shader_init(device, stage, program, bytecode, size, linkage, NULL, out)))
        dxbc_program_free(program);
    return hr;
}

/* The output signature of a container without code (OSG5, OSG1 or OSGN), or NULL. */
static struct dxbc_signature *output_signature_only(const void *bytecode, SIZE_T size)
{
    static const uint32_t tags[] = { DXBC_TAG_OSG5, DXBC_TAG_OSG1, DXBC_TAG_OSGN };
    struct dxbc_container container;
    const struct dxbc_chunk *chunk = NULL;
    struct dxbc_signature *signature;
    unsigned int i;

    if (!bytecode || !size || dxbc_parse_container(bytecode, size, &container) != DXBC_OK
            || dxbc_container_find_chunk(&container, DXBC_TAG_SHDR) || dxbc_container_find_chunk(&container, DXBC_TAG_SHEX))
        return NULL;
    for (i = 0; i < ARRAY_SIZE(tags) && !chunk; ++i)
        chunk = dxbc_container_find_chunk(&container, tags[i]);
    if (!chunk || !(signature = calloc(1, sizeof(*signature))))
        return NULL;
    if (dxbc_signature_parse(chunk, signature) != DXBC_OK)
    {
        free(signature);
        return NULL;
    }
    return signature;
}

HRESULT d3d11_shader_create_with_stream_output(struct d3d11_device *device, const void *bytecode, SIZE_T size,
        const D3D11_SO_DECLARATION_ENTRY *entries, UINT entry_count, const UINT *strides, UINT stride_count,
        UINT rasterized_stream, ID3D11ClassLinkage *linkage, struct d3d11_shader **out)
{
    struct dxbc_signature *signature = NULL;
    struct dxbc_program *program = NULL;
    struct d3d11_stream_output *so;
    HRESULT hr;

    *out = NULL;
    if (linkage && !d3d11_class_linkage_is_ours(linkage))
        return E_INVALIDARG;
    if (FAILED(hr = shader_parse(device, DXBC_STAGE_GS, bytecode, size, true, &program)))
    {
        /* D3D11 also takes the output signature of the stage before (a container with
         * signatures and no code, as D3DGetOutputSignatureBlob makes). */
        if (!(signature = output_signature_only(bytecode, size)))
            return hr;
    }
    if (FAILED(hr = d3d11_stream_output_create(device, program ? &program->output : signature, entries, entry_count,
            strides, stride_count, rasterized_stream, &so)))
        goto fail;
    if (FAILED(hr = shader_init(device, DXBC_STAGE_GS, program, bytecode, size, linkage, so, out)))
    {
        d3d11_stream_output_free(so);
        goto fail;
    }
    (*out)->so_signature = signature;
    return hr;

fail:
    if (program)
        dxbc_program_free(program);
    if (signature)
    {
        dxbc_signature_free(signature);
        free(signature);
    }
    return hr;
}

/* The compiler's form of a stream-output declaration; gaps wider than 4 components are split.
 * Free *entries. */
static bool so_compile_layout(const struct d3d11_stream_output *so, struct dxbc_stream_output *out,
        struct dxbc_so_entry **entries)
{
    unsigned int i, n = 0, count = 0;
    struct dxbc_so_entry *e;

    for (i = 0; i < so->element_count; ++i)
        count += so->elements[i].register_index == ~0u ? (so->elements[i].component_count + 3) / 4 : 1;
    if (!(e = *entries = calloc(count ? count : 1, sizeof(*e))))
        return false;
    for (i = 0; i < so->element_count; ++i)
    {
        const struct d3d11_so_element *el = &so->elements[i];
        unsigned int left = el->component_count;

        do
        {
            e[n].stream = el->stream;
            e[n].semantic = el->register_index == ~0u ? NULL : el->semantic;
            e[n].semantic_index = el->semantic_index;
            e[n].start_component = e[n].semantic ? el->start_component : 0;
            e[n].component_count = e[n].semantic ? el->component_count : d3d11vk_min(left, 4u);
            e[n].output_slot = el->output_slot;
            left -= e[n].component_count;
            ++n;
        } while (left && !e[n - 1].semantic);
    }
    out->entries = e;
    out->entry_count = n;
    for (i = 0; i < 4; ++i)
        out->strides[i] = so->strides[i];
    out->rasterized_stream = so->rasterized_stream == D3D11_SO_NO_RASTERIZED_STREAM ? DXBC_NO_RASTERIZED_STREAM
            : so->rasterized_stream;
    return true;
}

/* Compile options for a stream-output declaration (free *entries); false when out of memory. */
static bool so_options(struct d3d11_device *device, struct d3d11_stream_output *so, struct dxbc_compile_options *options,
        struct dxbc_stream_output *layout, struct dxbc_so_entry **entries)
{
    if (!so_compile_layout(so, layout, entries))
        return false;
    options->stream_output = layout;
    so->vk_rasterized_stream = so->rasterized_stream;
    if (so->rasterized_stream && so->rasterized_stream < D3D11_SO_STREAM_COUNT
            && !vk_so_rasterization_stream_select(device->vk))
    {
        options->flags |= DXBC_COMPILE_RASTERIZED_STREAM_ZERO;
        so->vk_rasterized_stream = 0;
    }
    return true;
}

struct vk_shader *d3d11_shader_so_variant(struct d3d11_shader *shader, const struct d3d11_shader *so_object)
{
    struct dxbc_compile_options options = { 0 };
    struct dxbc_so_entry *so_entries = NULL;
    struct dxbc_stream_output so_layout;
    struct d3d11_so_variant *v;
    struct dxbc_shader_info info;
    struct vk_shader *vk = NULL;
    size_t spirv_words;
    uint32_t *spirv;
    char error[512];

    if (!shader->program || !so_object->so)
        return NULL;
    if (shader->device->vk->enabled.core.features.shaderTessellationAndGeometryPointSize)
        options.flags |= DXBC_COMPILE_POINT_SIZE;
    plat_mutex_lock(&shader->lock);
    for (v = shader->so_variants; v; v = v->next)
        if (v->key == so_object->hash)
            break;
    if (!v && (v = calloc(1, sizeof(*v))))
    {
        v->key = so_object->hash;
        if (so_options(shader->device, so_object->so, &options, &so_layout, &so_entries)
                && dxbc_compile(shader->program, &options, &info, &spirv, &spirv_words, error, sizeof(error)))
        {
            if (vk_shader_create(shader->device->vk, spirv, spirv_words, &info, &v->vk) == VK_SUCCESS)
            {
                v->vk->xfb = true;
                v->vk->rasterized_stream = so_object->so->vk_rasterized_stream;
            }
            dxbc_compile_free_spirv(spirv);
            dxbc_shader_info_free(&info);
        }
        else
            LOG_ERR("The %s shader does not compile with the stream output of an output signature: %s.",
                    stage_iids[shader->stage].name, so_entries ? error : "out of memory");
        free(so_entries);
        v->next = shader->so_variants;
        shader->so_variants = v;
    }
    vk = v ? v->vk : NULL;
    plat_mutex_unlock(&shader->lock);
    return vk;
}

void d3d11_shader_keep(struct d3d11_shader *shader, struct vk_cs *cs)
{
    struct d3d11_so_variant *v;
    struct vk_shader *vk;

    if ((vk = __atomic_load_n(&shader->vk_shader, __ATOMIC_ACQUIRE)))
        vk_cs_ref(cs, &vk->obj);
    if ((vk = __atomic_load_n(&shader->vk_shader_dual, __ATOMIC_ACQUIRE)))
        vk_cs_ref(cs, &vk->obj);
    if (!__atomic_load_n(&shader->so_variants, __ATOMIC_ACQUIRE))
        return;
    plat_mutex_lock(&shader->lock);
    for (v = shader->so_variants; v; v = v->next)
        if (v->vk)
            vk_cs_ref(cs, &v->vk->obj);
    plat_mutex_unlock(&shader->lock);
}

bool d3d11_shader_get_spirv(struct d3d11_shader *shader, const uint32_t **spirv, size_t *words,
        const struct dxbc_shader_info **info)
{
    struct dxbc_compile_options options = { 0 };
    struct dxbc_stream_output so_layout;
    struct dxbc_so_entry *so_entries = NULL;
    char error[512];
    bool ok;

    /* A GS or DS writes PointSize where Vulkan wants it (D3D's points are 1 pixel). */
    if (shader->device->vk->enabled.core.features.shaderTessellationAndGeometryPointSize)
        options.flags |= DXBC_COMPILE_POINT_SIZE;
    plat_mutex_lock(&shader->lock);
    if (!shader->program)
        shader->compile_failed = true;   /* a signature-only stream-output object: no code */
    /* Stream output is part of this shader object: compiled in, no variants needed. */
    if (!shader->compiled && !shader->compile_failed && shader->so
            && !so_options(shader->device, shader->so, &options, &so_layout, &so_entries))
        shader->compile_failed = true;
    if (!shader->compiled && !shader->compile_failed)
    {
        if (dxbc_compile(shader->program, &options, &shader->info, &shader->spirv, &shader->spirv_words,
                error, sizeof(error)))
            shader->compiled = true;
        else
        {
            shader->compile_failed = true;
            if (shader->uses_interfaces)
                FIXME("Dynamic linkage of this shader is not translated: %s.", error);
            else
                LOG_ERR("The %s shader does not compile: %s.", stage_iids[shader->stage].name, error);
        }
    }
    ok = shader->compiled;
    plat_mutex_unlock(&shader->lock);
    free(so_entries);
    if (ok)
    {
        *spirv = shader->spirv;
        *words = shader->spirv_words;
        if (info)
            *info = &shader->info;
    }
    return ok;
}

/* Stream output ------------------------------------------------------------------------- */

static bool name_equal(const char *a, const char *b)
{
    for (; *a && *b; ++a, ++b)
    {
        char ca = *a >= 'a' && *a <= 'z' ? *a - 32 : *a;
        char cb = *b >= 'a' && *b <= 'z' ? *b - 32 : *b;
        if (ca != cb)
            return false;
    }
    return *a == *b;
}

static const struct dxbc_signature_element *find_output(const struct dxbc_signature *output,
        const char *name, UINT index, UINT stream)
{
    uint32_t i;

    for (i = 0; i < output->element_count; ++i)
    {
        const struct dxbc_signature_element *e = &output->elements[i];
        if (e->stream == stream && e->semantic_index == index && name_equal(e->semantic_name, name))
            return e;
    }
    return NULL;
}

HRESULT d3d11_stream_output_create(struct d3d11_device *device, const struct dxbc_signature *output,
        const D3D11_SO_DECLARATION_ENTRY *entries, UINT entry_count, const UINT *strides, UINT stride_count,
        UINT rasterized_stream, struct d3d11_stream_output **out)
{
    UINT slot_stream[D3D11_SO_BUFFER_SLOT_COUNT], slot_offset[D3D11_SO_BUFFER_SLOT_COUNT] = { 0 };
    UINT stream_components[D3D11_SO_STREAM_COUNT] = { 0 };
    bool multi_stream = device->feature_level >= D3D_FEATURE_LEVEL_11_0;
    struct d3d11_stream_output *so;
    UINT i;

    *out = NULL;
    if (entry_count > D3D11_SO_STREAM_COUNT * D3D11_SO_OUTPUT_COMPONENT_COUNT || (entry_count && !entries))
        return E_INVALIDARG;
    if (stride_count > D3D11_SO_BUFFER_SLOT_COUNT || (stride_count && !strides))
        return E_INVALIDARG;
    if (rasterized_stream != D3D11_SO_NO_RASTERIZED_STREAM && rasterized_stream >= D3D11_SO_STREAM_COUNT)
        return E_INVALIDARG;
    if (!multi_stream && rasterized_stream != 0)
        return E_INVALIDARG;
    for (i = 0; i < stride_count; ++i)
        if (strides[i] > D3D11_SO_BUFFER_MAX_STRIDE_IN_BYTES || (strides[i] & 3))
            return E_INVALIDARG;
    if (!(so = calloc(1, sizeof(*so))) || (entry_count && !(so->elements = calloc(entry_count, sizeof(*so->elements)))))
    {
        free(so);
        return E_OUTOFMEMORY;
    }
    for (i = 0; i < D3D11_SO_BUFFER_SLOT_COUNT; ++i)
        slot_stream[i] = ~0u;
    for (i = 0; i < entry_count; ++i)
    {
        const D3D11_SO_DECLARATION_ENTRY *e = &entries[i];
        struct d3d11_so_element *o = &so->elements[i];

        /* A gap (no semantic) may span more than one register's 4 components. */
        if (e->Stream >= D3D11_SO_STREAM_COUNT || (!multi_stream && e->Stream)
                || e->OutputSlot >= D3D11_SO_BUFFER_SLOT_COUNT || !e->ComponentCount
                || (e->SemanticName && (e->StartComponent > 3 || e->StartComponent + e->ComponentCount > 4)))
            goto invalid;
        /* D3D11: one output slot receives data from one stream only. */
        if (slot_stream[e->OutputSlot] != ~0u && slot_stream[e->OutputSlot] != e->Stream)
            goto invalid;
        slot_stream[e->OutputSlot] = e->Stream;
        o->stream = e->Stream;
        o->output_slot = e->OutputSlot;
        o->start_component = e->StartComponent;
        o->component_count = e->ComponentCount;
        o->offset = slot_offset[e->OutputSlot];
        slot_offset[e->OutputSlot] += 4 * e->ComponentCount;
        if (!e->SemanticName)
        {
            /* A gap: components skipped in the buffer. */
            o->register_index = ~0u;
            continue;
        }
        {
            const struct dxbc_signature_element *sig = find_output(output, e->SemanticName, e->SemanticIndex, e->Stream);
            UINT mask = ((1u << e->ComponentCount) - 1) << e->StartComponent;

            if (!sig || (sig->mask & mask) != mask || strlen(e->SemanticName) >= sizeof(o->semantic))
                goto invalid;
            strcpy(o->semantic, e->SemanticName);
            o->semantic_index = e->SemanticIndex;
            o->register_index = sig->register_index;
        }
        stream_components[e->Stream] += e->ComponentCount;
        if (stream_components[e->Stream] > D3D11_SO_OUTPUT_COMPONENT_COUNT)
            goto invalid;
    }
    /* Every slot's elements fit in its stride (when strides are given). */
    for (i = 0; i < D3D11_SO_BUFFER_SLOT_COUNT; ++i)
    {
        if (slot_stream[i] == ~0u)
            continue;
        if (stride_count && (i >= stride_count || slot_offset[i] > strides[i]))
            goto invalid;
    }
    so->element_count = entry_count;
    for (i = 0; i < stride_count; ++i)
        so->strides[i] = strides[i];
    if (!stride_count)
        for (i = 0; i < D3D11_SO_BUFFER_SLOT_COUNT; ++i)
            so->strides[i] = slot_offset[i];
    so->stride_count = stride_count;
    so->rasterized_stream = rasterized_stream;
    *out = so;
    return S_OK;

invalid:
    d3d11_stream_output_free(so);
    return E_INVALIDARG;
}

/* Class linkage ------------------------------------------------------------------------- */

struct d3d11_class_linkage
{
    ID3D11ClassLinkage ID3D11ClassLinkage_iface;
    struct d3d11vk_child child;
    struct d3d11_device *device;
};

static inline struct d3d11_class_linkage *impl_from_ID3D11ClassLinkage(ID3D11ClassLinkage *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_class_linkage, ID3D11ClassLinkage_iface);
}

static inline struct d3d11_class_instance *impl_from_ID3D11ClassInstance(ID3D11ClassInstance *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_class_instance, ID3D11ClassInstance_iface);
}

static const struct d3d11vk_qi_entry instance_qi[] =
{
    { &IID_ID3D11ClassInstance, offsetof(struct d3d11_class_instance, ID3D11ClassInstance_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_class_instance, ID3D11ClassInstance_iface) },
};

D3D11VK_DEVICE_CHILD_METHODS(instance, ID3D11ClassInstance, struct d3d11_class_instance, ID3D11ClassInstance_iface, instance_qi)

static void STDMETHODCALLTYPE instance_GetClassLinkage(ID3D11ClassInstance *iface, ID3D11ClassLinkage **linkage)
{
    struct d3d11_class_instance *instance = impl_from_ID3D11ClassInstance(iface);

    *linkage = instance->linkage;
    ID3D11ClassLinkage_AddRef(*linkage);
}

static void STDMETHODCALLTYPE instance_GetDesc(ID3D11ClassInstance *iface, D3D11_CLASS_INSTANCE_DESC *desc)
{
    *desc = impl_from_ID3D11ClassInstance(iface)->desc;
}

/* The two name getters: NULL name asks for the length including the terminator. */
static void copy_name(const char *src, char *name, SIZE_T *length)
{
    SIZE_T n = strlen(src) + 1;

    if (!length)
        return;
    if (!name)
    {
        *length = n;
        return;
    }
    if (!*length)
        return;
    if (n > *length)
        n = *length;
    memcpy(name, src, n - 1);
    name[n - 1] = 0;
    *length = n;
}

static void STDMETHODCALLTYPE instance_GetInstanceName(ID3D11ClassInstance *iface, char *name, SIZE_T *length)
{
    copy_name(impl_from_ID3D11ClassInstance(iface)->instance_name, name, length);
}

static void STDMETHODCALLTYPE instance_GetTypeName(ID3D11ClassInstance *iface, char *name, SIZE_T *length)
{
    copy_name(impl_from_ID3D11ClassInstance(iface)->type_name, name, length);
}

static const ID3D11ClassInstanceVtbl instance_vtbl =
{
    .QueryInterface = instance_QueryInterface,
    .AddRef = instance_AddRef,
    .Release = instance_Release,
    .GetDevice = instance_GetDevice,
    .GetPrivateData = instance_GetPrivateData,
    .SetPrivateData = instance_SetPrivateData,
    .SetPrivateDataInterface = instance_SetPrivateDataInterface,
    .GetClassLinkage = instance_GetClassLinkage,
    .GetDesc = instance_GetDesc,
    .GetInstanceName = instance_GetInstanceName,
    .GetTypeName = instance_GetTypeName,
};

struct d3d11_class_instance *d3d11_class_instance_from_iface(ID3D11ClassInstance *iface)
{
    if (!iface || iface->lpVtbl != &instance_vtbl)
        return NULL;
    return impl_from_ID3D11ClassInstance(iface);
}

static void instance_destroy(struct d3d11vk_child *child)
{
    struct d3d11_class_instance *instance = CONTAINING_RECORD(child, struct d3d11_class_instance, child);

    ID3D11ClassLinkage_Release(instance->linkage);
    free(instance);
}

static const struct d3d11vk_qi_entry linkage_qi[] =
{
    { &IID_ID3D11ClassLinkage, offsetof(struct d3d11_class_linkage, ID3D11ClassLinkage_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_class_linkage, ID3D11ClassLinkage_iface) },
};

D3D11VK_DEVICE_CHILD_METHODS(linkage, ID3D11ClassLinkage, struct d3d11_class_linkage, ID3D11ClassLinkage_iface, linkage_qi)

static HRESULT STDMETHODCALLTYPE linkage_GetClassInstance(ID3D11ClassLinkage *iface, const char *instance_name,
        UINT instance_index, ID3D11ClassInstance **instance)
{
    if (!instance)
        return E_INVALIDARG;
    *instance = NULL;
    if (!instance_name)
        return E_INVALIDARG;
    /* Instances declared by a shader's class-instance reflection are not recorded yet. */
    FIXME("GetClassInstance(%s, %u): shader-declared class instances are not reflected yet.",
            instance_name, instance_index);
    return E_INVALIDARG;
}

static HRESULT STDMETHODCALLTYPE linkage_CreateClassInstance(ID3D11ClassLinkage *iface, const char *type_name,
        UINT cb_offset, UINT cv_offset, UINT texture_offset, UINT sampler_offset, ID3D11ClassInstance **out)
{
    struct d3d11_class_linkage *linkage = impl_from_ID3D11ClassLinkage(iface);
    struct d3d11_class_instance *instance;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (!type_name || strlen(type_name) >= sizeof(instance->type_name))
        return E_INVALIDARG;
    if (!(instance = calloc(1, sizeof(*instance))))
        return E_OUTOFMEMORY;
    instance->ID3D11ClassInstance_iface.lpVtbl = &instance_vtbl;
    instance->linkage = iface;
    ID3D11ClassLinkage_AddRef(iface);
    strcpy(instance->type_name, type_name);
    instance->desc.ConstantBuffer = cb_offset;
    instance->desc.BaseConstantBufferOffset = cv_offset;
    instance->desc.BaseTexture = texture_offset;
    instance->desc.BaseSampler = sampler_offset;
    instance->desc.Created = TRUE;
    d3d11vk_child_init(&instance->child, (IUnknown *)&linkage->device->ID3D11Device5_iface, instance_destroy);
    *out = &instance->ID3D11ClassInstance_iface;
    return S_OK;
}

static const ID3D11ClassLinkageVtbl linkage_vtbl =
{
    .QueryInterface = linkage_QueryInterface,
    .AddRef = linkage_AddRef,
    .Release = linkage_Release,
    .GetDevice = linkage_GetDevice,
    .GetPrivateData = linkage_GetPrivateData,
    .SetPrivateData = linkage_SetPrivateData,
    .SetPrivateDataInterface = linkage_SetPrivateDataInterface,
    .GetClassInstance = linkage_GetClassInstance,
    .CreateClassInstance = linkage_CreateClassInstance,
};

static void linkage_destroy(struct d3d11vk_child *child)
{
    free(CONTAINING_RECORD(child, struct d3d11_class_linkage, child));
}

HRESULT d3d11_class_linkage_create(struct d3d11_device *device, ID3D11ClassLinkage **out)
{
    struct d3d11_class_linkage *linkage;

    if (!(linkage = calloc(1, sizeof(*linkage))))
        return E_OUTOFMEMORY;
    linkage->ID3D11ClassLinkage_iface.lpVtbl = &linkage_vtbl;
    linkage->device = device;
    d3d11vk_child_init(&linkage->child, (IUnknown *)&device->ID3D11Device5_iface, linkage_destroy);
    *out = &linkage->ID3D11ClassLinkage_iface;
    return S_OK;
}

bool d3d11_class_linkage_is_ours(ID3D11ClassLinkage *iface)
{
    return iface && iface->lpVtbl == &linkage_vtbl;
}
