/* pipeline.c - PLACEHOLDER */
typedef int assay_pipeline_placeholder;
