/* synth_words.h - the words of the synthetic claims the store and serve
 * benchmarks write (bench_store.c, bench_serve.c): one list each, so the
 * two measure stores of the same shape. */
#ifndef ASSAY_BENCH_SYNTH_WORDS_H
#define ASSAY_BENCH_SYNTH_WORDS_H

static const char *const countries[] = {"AU", "BR", "CA", "CD", "CL", "CN", "DE", "ID",
	"IN", "JP", "KZ", "MX", "PE", "RU", "TR", "US", "ZA", "ZM", "PH", "MN", "AR", "BO",
	"GN", "MA", "NO", "SE", "FI", "PL", "VN", "TH"};
static const char *const metrics[] = {"production", "production_share", "reserves",
	"refining_share", "exports", "imports", "output_target", "investment"};
static const char *const commodities[] = {"rare-earths", "lithium", "cobalt", "nickel",
	"copper", "graphite", "gold", "silver", "uranium", "zinc"};

#endif
