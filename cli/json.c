/* json.c - PLACEHOLDER */
typedef int assay_json_placeholder;
