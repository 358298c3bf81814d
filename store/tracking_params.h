/* tracking_params.h - query parameters that say who sent the reader, not
 * which page it is; canonical URLs drop them. A name ending in '*' is a
 * prefix. Lowercase; matched without regard to case. */
#ifndef ASSAY_TRACKING_PARAMS_H
#define ASSAY_TRACKING_PARAMS_H

static const char *const tracking_params[] = {
	"utm_*", "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid",
	"mc_cid", "mc_eid", "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
	"oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "rb_clickid", "s_cid",
	"ncid", "cmpid", "ito", "guccounter", "guce_referrer", "guce_referrer_sig",
	"share", "ref_src", "ref_url", "spm", "sr_share",
};

#endif
