/* dxbc_test_util.h — small helpers shared by the dxbc unit tests (file reading, checks). */
#ifndef DXBC_TEST_UTIL_H
#define DXBC_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned int test_failures, test_checks;

#define CHECK(cond, ...) \
    do { \
        ++test_checks; \
        if (!(cond)) \
        { \
            ++test_failures; \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

static inline void *test_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
    {
        fclose(f);
        return NULL;
    }
    if (!(data = malloc((size_t)n + 1)) || fread(data, 1, (size_t)n, f) != (size_t)n)
    {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    data[n] = 0;
    *size = (size_t)n;
    return data;
}

struct corpus_entry
{
    char file[512];
    char stage[8];
    char model[8];
    size_t bytes;
};

/* Reads MANIFEST.tsv of the corpus folder; returns the number of entries (0 on error). */
static inline size_t test_read_manifest(const char *dir, struct corpus_entry **entries)
{
    char path[1024], *text, *line, *next;
    size_t size, count = 0, capacity = 0;

    *entries = NULL;
    snprintf(path, sizeof(path), "%s/MANIFEST.tsv", dir);
    if (!(text = test_read_file(path, &size)))
        return 0;
    for (line = text; line && *line; line = next)
    {
        char *fields[5] = { 0 }, *p = line;
        unsigned int i;

        if ((next = strchr(line, '\n')))
            *next++ = 0;
        for (i = 0; i < 5 && p; ++i)
        {
            fields[i] = p;
            if ((p = strchr(p, '\t')))
                *p++ = 0;
        }
        if (i < 5 || !strcmp(fields[0], "file"))
            continue;
        if (count == capacity)
        {
            struct corpus_entry *n;

            capacity = capacity ? capacity * 2 : 256;
            if (!(n = realloc(*entries, capacity * sizeof(*n))))
                break;
            *entries = n;
        }
        snprintf((*entries)[count].file, sizeof((*entries)[count].file), "%s/%s", dir, fields[0]);
        snprintf((*entries)[count].stage, sizeof((*entries)[count].stage), "%s", fields[3]);
        snprintf((*entries)[count].model, sizeof((*entries)[count].model), "%s", fields[4]);
        (*entries)[count].bytes = strtoul(fields[2], NULL, 10);
        ++count;
    }
    free(text);
    return count;
}

#endif
