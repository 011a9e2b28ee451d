/* input_layout.c — ID3D11InputLayout: validation against the vertex shader's input
 * signature and the Vulkan vertex attributes the draw path binds as they are. */
#include "state.h"

/* D3D11_REQ_MULTI_ELEMENT_STRUCTURE_SIZE_IN_BYTES: an element ends within 2048 bytes. */
#define MAX_ELEMENT_END 2048u

static inline struct d3d11_input_layout *impl_from_ID3D11InputLayout(ID3D11InputLayout *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_input_layout, ID3D11InputLayout_iface);
}

static const struct d3d11vk_qi_entry layout_qi[] =
{
    { &IID_ID3D11InputLayout, offsetof(struct d3d11_input_layout, ID3D11InputLayout_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_input_layout, ID3D11InputLayout_iface) },
};

D3D11VK_DEVICE_CHILD_METHODS(layout, ID3D11InputLayout, struct d3d11_input_layout, ID3D11InputLayout_iface, layout_qi)

static const ID3D11InputLayoutVtbl layout_vtbl =
{
    .QueryInterface = layout_QueryInterface,
    .AddRef = layout_AddRef,
    .Release = layout_Release,
    .GetDevice = layout_GetDevice,
    .GetPrivateData = layout_GetPrivateData,
    .SetPrivateData = layout_SetPrivateData,
    .SetPrivateDataInterface = layout_SetPrivateDataInterface,
};

struct d3d11_input_layout *d3d11_input_layout_from_iface(ID3D11InputLayout *iface)
{
    if (!iface || iface->lpVtbl != &layout_vtbl)
        return NULL;
    return impl_from_ID3D11InputLayout(iface);
}

static void layout_destroy(struct d3d11vk_child *child)
{
    struct d3d11_input_layout *layout = CONTAINING_RECORD(child, struct d3d11_input_layout, child);
    UINT i;

    for (i = 0; i < layout->element_count; ++i)
        free((char *)layout->elements[i].SemanticName);
    free(layout->elements);
    free(layout);
}

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

/* The input signature of any container that has one: a whole shader or the signature-only
 * blob that D3DGetInputSignatureBlob produces. */
static HRESULT parse_input_signature(const void *bytecode, SIZE_T size, struct dxbc_signature *signature)
{
    struct dxbc_container container;
    const struct dxbc_chunk *chunk;

    memset(signature, 0, sizeof(*signature));
    if (!bytecode || !size)
        return E_INVALIDARG;
    if (dxbc_parse_container(bytecode, size, &container) != DXBC_OK)
        return E_INVALIDARG;
    if (!(chunk = dxbc_container_find_chunk(&container, DXBC_TAG_ISG1))
            && !(chunk = dxbc_container_find_chunk(&container, DXBC_TAG_ISGN)))
        return E_INVALIDARG;
    if (dxbc_signature_parse(chunk, signature) != DXBC_OK)
        return E_INVALIDARG;
    return S_OK;
}

static UINT element_alignment(const struct d3d11vk_format_info *info)
{
    if (info->flags & D3D11VK_FORMAT_PACKED)
        return 4;
    return info->block_bytes >= 4 ? 4 : info->block_bytes ? info->block_bytes : 1;
}

static uint64_t layout_hash(const struct d3d11_input_layout *layout)
{
    const unsigned char *parts[3] = { (const void *)layout->attributes, (const void *)layout->step_rates,
            (const void *)&layout->instance_mask };
    const size_t sizes[3] = { layout->attribute_count * sizeof(layout->attributes[0]),
            sizeof(layout->step_rates), sizeof(layout->instance_mask) };
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i, j;

    for (j = 0; j < 3; ++j)
        for (i = 0; i < sizes[j]; ++i)
        {
            h ^= parts[j][i];
            h *= 0x100000001b3ull;
        }
    h ^= h >> 31;
    h *= 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

static HRESULT build_layout(struct d3d11_input_layout *layout, const D3D11_INPUT_ELEMENT_DESC *elements,
        UINT count, const struct dxbc_signature *signature)
{
    UINT slot_end[D3D11_IA_VERTEX_INPUT_RESOURCE_SLOT_COUNT] = { 0 };
    uint32_t vertex_mask = 0;
    UINT i, j;

    for (i = 0; i < count; ++i)
    {
        const D3D11_INPUT_ELEMENT_DESC *e = &elements[i];
        const struct d3d11vk_format_info *info = d3d11vk_format_get(e->Format);
        const struct dxbc_signature_element *sig;
        UINT offset, align;

        if (!e->SemanticName || !info || !(info->flags & D3D11VK_FORMAT_VERTEX)
                || e->InputSlot >= D3D11_IA_VERTEX_INPUT_RESOURCE_SLOT_COUNT)
            return E_INVALIDARG;
        if (e->InputSlotClass == D3D11_INPUT_PER_VERTEX_DATA)
        {
            /* D3D11: per-vertex elements have a step rate of 0. */
            if (e->InstanceDataStepRate)
                return E_INVALIDARG;
            vertex_mask |= 1u << e->InputSlot;
        }
        else if (e->InputSlotClass == D3D11_INPUT_PER_INSTANCE_DATA)
        {
            if ((layout->instance_mask & (1u << e->InputSlot)) && layout->step_rates[e->InputSlot] != e->InstanceDataStepRate)
                FIXME("Per-instance elements of one slot with different step rates use the first rate.");
            else
                layout->step_rates[e->InputSlot] = e->InstanceDataStepRate;
            layout->instance_mask |= 1u << e->InputSlot;
        }
        else
            return E_INVALIDARG;
        for (j = 0; j < i; ++j)
            if (elements[j].SemanticIndex == e->SemanticIndex && name_equal(elements[j].SemanticName, e->SemanticName))
                return E_INVALIDARG;

        align = element_alignment(info);
        if (e->AlignedByteOffset == D3D11_APPEND_ALIGNED_ELEMENT)
            offset = (slot_end[e->InputSlot] + align - 1) & ~(align - 1);
        else
            offset = e->AlignedByteOffset;
        if (offset >= MAX_ELEMENT_END || offset + info->block_bytes > MAX_ELEMENT_END)
            return E_INVALIDARG;
        slot_end[e->InputSlot] = offset + info->block_bytes;
        layout->slot_mask |= 1u << e->InputSlot;

        /* Elements the shader does not read are accepted and not fetched. */
        if (!(sig = dxbc_signature_find_semantic(signature, e->SemanticName, e->SemanticIndex)) || sig->system_value)
            continue;
        layout->attributes[layout->attribute_count].location = sig->register_index;
        layout->attributes[layout->attribute_count].binding = e->InputSlot;
        layout->attributes[layout->attribute_count].format = info->vk;
        layout->attributes[layout->attribute_count].offset = offset;
        ++layout->attribute_count;
    }
    if (vertex_mask & layout->instance_mask)
        FIXME("A slot holding per-vertex and per-instance elements steps per instance.");

    /* Every input the shader reads that is not a system value comes from the layout. */
    for (i = 0; i < signature->element_count; ++i)
    {
        const struct dxbc_signature_element *sig = &signature->elements[i];
        bool found = false;

        if (sig->system_value)
            continue;
        for (j = 0; j < count && !found; ++j)
            found = elements[j].SemanticIndex == sig->semantic_index && name_equal(elements[j].SemanticName, sig->semantic_name);
        if (!found)
        {
            LOG_WARN("The input layout lacks %s%u that the shader reads.", sig->semantic_name, sig->semantic_index);
            return E_INVALIDARG;
        }
    }
    return S_OK;
}

static HRESULT copy_elements(struct d3d11_input_layout *layout, const D3D11_INPUT_ELEMENT_DESC *elements, UINT count)
{
    UINT i;

    if (!count)
        return S_OK;
    if (!(layout->elements = calloc(count, sizeof(*layout->elements))))
        return E_OUTOFMEMORY;
    for (i = 0; i < count; ++i)
    {
        size_t n = strlen(elements[i].SemanticName) + 1;
        char *name;

        if (!(name = malloc(n)))
            return E_OUTOFMEMORY;
        memcpy(name, elements[i].SemanticName, n);
        layout->elements[i] = elements[i];
        layout->elements[i].SemanticName = name;
        layout->element_count = i + 1;
    }
    return S_OK;
}

HRESULT d3d11_input_layout_create(struct d3d11_device *device, const D3D11_INPUT_ELEMENT_DESC *elements,
        UINT element_count, const void *bytecode, SIZE_T size, struct d3d11_input_layout **out)
{
    struct d3d11_input_layout *layout;
    struct dxbc_signature signature;
    HRESULT hr;

    *out = NULL;
    if (element_count > D3D11_IA_VERTEX_INPUT_STRUCTURE_ELEMENT_COUNT || (element_count && !elements))
        return E_INVALIDARG;
    if (FAILED(hr = parse_input_signature(bytecode, size, &signature)))
        return hr;
    if (!(layout = calloc(1, sizeof(*layout))))
    {
        dxbc_signature_free(&signature);
        return E_OUTOFMEMORY;
    }
    layout->ID3D11InputLayout_iface.lpVtbl = &layout_vtbl;
    hr = build_layout(layout, elements, element_count, &signature);
    dxbc_signature_free(&signature);
    if (SUCCEEDED(hr))
        hr = copy_elements(layout, elements, element_count);
    if (FAILED(hr))
    {
        layout->child.private_data.entries = NULL;
        layout_destroy(&layout->child);
        return hr;
    }
    layout->hash = layout_hash(layout);
    d3d11vk_child_init(&layout->child, (IUnknown *)&device->ID3D11Device5_iface, layout_destroy);
    *out = layout;
    return S_OK;
}
