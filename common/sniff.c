/* sniff.c - tell an article (HTML or plain text) from what is not one.
 *
 * Three tests, in order: nothing but white space is an empty file; a
 * known signature at the start names a format (the table below, one line
 * a format); a control byte that no text uses in the first 4 KiB means
 * binary data. Text that parses whole as a JSON object or array is JSON.
 * UTF-16 text (with its byte-order mark) is text, though it holds NULs.
 *
 * Why not libmagic: it loads a 7 MB rule database per process and runs
 * hundreds of rules over untrusted bytes to name thousands of formats;
 * the question here is only "could this be a page", and a page that is
 * not named below still fails the control-byte test. */
#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "sniff.h"

struct signature {
	size_t at;          /* offset of the magic bytes */
	const char *magic;
	size_t len;
	const char *name;
};

#define SIG(at, magic, name) {at, magic, sizeof magic - 1, name}

static const struct signature signatures[] = {
	SIG(0, "\x89PNG\r\n\x1a\n", "PNG image"),
	SIG(0, "\xff\xd8\xff", "JPEG image"),
	SIG(0, "GIF87a", "GIF image"),
	SIG(0, "GIF89a", "GIF image"),
	SIG(8, "WEBP", "WebP image"),
	SIG(0, "II*\0", "TIFF image"),
	SIG(0, "MM\0*", "TIFF image"),
	SIG(0, "%PDF-", "PDF document"),
	SIG(0, "PK\x03\x04", "ZIP archive (or an Office document)"),
	SIG(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
	SIG(0, "{\\rtf", "RTF document"),
	SIG(0, "\x1f\x8b", "gzip data"),
	SIG(0, "\xfd" "7zXZ", "xz data"),
	SIG(0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"),
	SIG(0, "\x28\xb5\x2f\xfd", "zstd data"),
	SIG(0, "\x7f" "ELF", "executable"),
	SIG(4, "ftyp", "MP4 video"),
	SIG(0, "ID3", "MP3 audio"),
	SIG(0, "OggS", "Ogg media"),
	SIG(0, "\x1a\x45\xdf\xa3", "Matroska video"),
	SIG(0, "wOFF", "WOFF font"),
	SIG(0, "wOF2", "WOFF2 font"),
	SIG(0, "SQLite format 3", "SQLite database"),
};

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static const char *by_signature(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
		const struct signature *s = &signatures[i];

		if (s->name && len >= s->at + s->len && memcmp(p + s->at, s->magic, s->len) == 0)
			return s->name;
	}
	return NULL;
}

static bool is_utf16(const unsigned char *p, size_t len)
{
	return len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff));
}

/* Tab, newline, form feed, carriage return and escape occur in text;
 * any other C0 control byte (NUL above all) does not. */
static bool has_control_bytes(const unsigned char *p, size_t len)
{
	size_t n = len < 4096 ? len : 4096;

	for (size_t i = 0; i < n; i++)
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f' &&
		    p[i] != 0x1b)
			return true;
	return false;
}

static bool is_json(const unsigned char *p, size_t len)
{
	size_t i = 0;
	json_t *j;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && is_space(p[i]))
		i++;
	if (i >= len || (p[i] != '{' && p[i] != '['))
		return false;
	j = json_loadb((const char *)p + i, len - i, 0, NULL);
	json_decref(j);
	return j != NULL;
}

const char *assay_sniff_not_text(const void *data, size_t len)
{
	const unsigned char *p = data;
	const char *name;
	size_t i = 0;

	while (i < len && is_space(p[i]))
		i++;
	if (i == len)
		return "empty file";
	if ((name = by_signature(p, len)))
		return name;
	if (is_utf16(p, len))
		return NULL;
	if (has_control_bytes(p, len))
		return "binary data";
	if (is_json(p, len))
		return "JSON";
	return NULL;
}
