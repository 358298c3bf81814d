/* sniff.h - is this input a page of text at all?
 *
 * clean, extract and ingest are handed whatever a folder holds: logos,
 * PDFs, JSON dumps, executables, empty files. Cleaning those yields junk
 * or an empty article; they are refused by name instead. The test looks
 * at the bytes, never at the file name. */
#ifndef ASSAY_SNIFF_H
#define ASSAY_SNIFF_H

#include <stddef.h>

/* NULL when @data may be an article (HTML or plain text, in any charset
 * libxml2 reads); else what it is, in words for a message: "empty file",
 * "PNG image", "PDF document", "JSON", "binary data"... A static string. */
const char *assay_sniff_not_text(const void *data, size_t len);

#endif
