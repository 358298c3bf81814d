/* claims.h - internal to extract/: mentions -> claims and agreements.
 *
 * The recognizers find what each span says (a quantity, a country); this
 * part decides what the figures are about: whose figure, which metric,
 * which commodity and year, planned or actual, and who deals with whom.
 * It reads only the cleaned text, its sentences and its mentions, so a
 * page cleaned from HTML and a plain text file go through the same code:
 * blocks are lines, a line with '|' between cells is a table row, a short
 * line without closing punctuation is a heading, and a heading such as
 * "Related News" ends the story.
 *
 * Silence beats a wrong claim: a figure with no metric cue, or no
 * subject that the sentence or the discourse supports, makes no claim.
 * One document states one agreement per set of parties.
 *
 * The rules are data (extract/data/claims/ *.tsv, compiled in by
 * common/embed_files.py): metric cue words, metric by figure kind,
 * counted nouns, status cues, change verbs, agreement nouns and verbs,
 * end headings, the grammar words and word lists the finders test, the
 * units a price is quoted per.
 *
 * Files: claims_data.c loads the tables; claims_text.c cuts the text into
 * blocks, sentences and tokens and resolves subjects and context;
 * claims.c attaches figures; tables.c reads tables; agreements.c finds
 * agreements. assay_claims_init() is not thread-safe (extract init calls
 * it once); finding is, as it writes nothing shared. */
#ifndef ASSAY_CLAIMS_H
#define ASSAY_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "extract.h"
#include "mentions.h"
#include "str.h"

/* ---- the entry points extract.c calls ---- */

/* Loads the rule tables once; idempotent. ASSAY_OK or ASSAY_ENOMEM. */
int assay_claims_init(void);
void assay_claims_shutdown(void);

/* Finds claims and agreements in @text (whose headline @title, when not
 * NULL, only weighs in on the main commodity) from its sentences @sents (as
 * assay_split_sentences() gives them; NULL: a simple split of our own) and
 * its @mentions (sorted by start, not overlapping) and appends them to
 * out->claims and out->agreements (malloc'd arrays the extraction owns;
 * out->mentions is not touched). Calls assay_claims_init() if needed.
 * Returns ASSAY_OK or ASSAY_ENOMEM (then @out keeps what it had). */
int assay_claims_find(const char *text, size_t len, const char *title,
		      const struct assay_span *sents,
		      size_t nsents, const struct assay_mention *mentions, size_t nmentions,
		      struct assay_extraction *out);

/* Appends to @out the organisations named by their form (a legal form, an
 * industry head, a body noun, an acronym defined in brackets, the wire's
 * <markup>) and their later short forms, given the mentions found so far
 * in @out (orgs.c). ASSAY_OK or ASSAY_ENOMEM. */
struct mvec;
int cl_find_orgs(const char *text, size_t len, struct mvec *out);

/* ---- below: shared between the files of this part only ---- */

/* org_words.tsv rows, loaded by claims_data.c: ASSAY_EINVAL for an
 * unknown role or an empty word, ASSAY_ENOMEM. */
int cl_org_word_add(const char *role, const char *word);
void cl_org_words_clear(void);

struct assay_claims_datafile {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct assay_claims_datafile assay_claims_data[];
extern const size_t assay_claims_data_count;

#define CL_MAXWORDS 5  /* words in one cue phrase */
#define CL_WORDLEN 24  /* a word, lowercased and truncated */

/* A cue phrase: up to CL_MAXWORDS lowercase words; "produc*" is a prefix. */
struct cl_phrase {
	char w[CL_MAXWORDS][CL_WORDLEN];
	int n;
};

struct cl_metric_cue {
	struct cl_phrase p;
	bool after;      /* describes the figure's noun phrase */
	char base[16];
};

struct cl_metric_kind {
	char base[16];
	char quantity[24], percent[24], money[24], count[24], planned[24];
	bool dated, commodity;
};

struct cl_count_noun {
	char base[16], noun[24], metric[24];
};

struct cl_word_cue {      /* status and change cues */
	struct cl_phrase p;
	char value[12];  /* status or direction */
};

struct cl_agr_cue {
	struct cl_phrase p;
	bool noun;
	char type[16], status[12], objects[8];
};

/* The word lists of word_lists.tsv (claims_data.c names them). */
enum cl_list {
	CL_WORLD, CL_BASE_ADJ, CL_AUX, CL_REGION, CL_DRILL, CL_EXCHANGE, CL_MANY, CL_ECONOMY,
	CL_DEALING, CL_SECURITY, CL_MARKET, CL_YEAR_START, CL_ABBREV, CL_MONEY, CL_HOLDER,
	CL_REPORT_VERB, CL_ORDINAL, CL_BASIS, CL_BASIS_NOUN, CL_CHART, CL_ENERGY, CL_STOCK_VIEW, CL_ORE, CL_NLISTS
};

/* A word of word_classes.tsv (bits: CW_*) or word_lists.tsv (bits: one
 * 1u << enum cl_list). */
struct cl_list_word {
	char w[CL_WORDLEN];
	unsigned bits;
};

struct cl_price_unit {
	char word[16], unit[8];
};

struct cl_rules {
	struct cl_metric_cue *metric;
	size_t nmetric;
	struct cl_metric_kind *kinds;
	size_t nkinds;
	struct cl_count_noun *counts;
	size_t ncounts;
	struct cl_word_cue *status;
	size_t nstatus;
	struct cl_word_cue *change;
	size_t nchange;
	struct cl_agr_cue *agr;
	size_t nagr;
	char (*end_headings)[40];
	size_t nend;
	struct cl_element {
		char symbol[12];
		char commodity[32];   /* "" outside the vocabulary */
	} *elements;
	size_t nelements;
	struct cl_price_unit *price_units;
	size_t nprice_units;
	struct cl_list_word *class_words, *list_words;
	size_t nclass_words, nlist_words;
};

/* The loaded rules; valid after assay_claims_init() until shutdown. Each
 * cue table is sorted by its phrases' first word (a first word may not
 * end in '*'). */
const struct cl_rules *cl_rules(void);
/* The cues of table @arr (@n entries of @size bytes) whose first word is
 * @w: indexes [*lo, *hi). */
void cl_cue_range(const void *arr, size_t n, size_t size, const char *w, size_t *lo, size_t *hi);

enum cl_tok_kind { CT_WORD, CT_PUNCT, CT_MENTION, CT_NUMBER };

/* Classes of the closed-class words the finders test at every token,
 * looked up once when the token is made. */
enum {
	CW_PREP = 1,        /* an entity after it is an object: "with China" */
	CW_STOPNP = 2,      /* ends a figure's noun phrase: "tonnes in 2023" */
	CW_BREAK = 4,       /* starts a clause: "but", "while" */
	CW_PLACE = 8,       /* names a site: "deposit", "mine", "project" */
	CW_ANA_COUNTRY = 16, /* "the country" */
	CW_ANA_ORG = 32,    /* "the company" */
	CW_IT = 64,         /* "it", "its" */
	CW_CUE_METRIC = 128, /* first word of a metric cue */
	CW_CUE_STATUS = 256,
	CW_CUE_CHANGE = 512,
	CW_CUE_AGR = 1024,
	CW_DEPOSIT = 2048,  /* a site in the ground: "deposit in Eskisehir" */
	CW_FACILITY = 4096, /* a site above it: "the Vidalia plant" */
};
/* Builds the word class table from the grammar words and the first words
 * of the loaded cue tables; called by assay_claims_init(). ASSAY_OK or
 * ASSAY_ENOMEM. cl_words_clear() frees it. */
int cl_words_init(void);
void cl_words_clear(void);

struct cl_tok {
	size_t start, end;
	enum cl_tok_kind kind;
	int m;            /* CT_MENTION: index into cl_doc.m, else -1 */
	double num;       /* CT_NUMBER: its value */
	char w[CL_WORDLEN]; /* CT_WORD lowercased; CT_PUNCT the character */
	bool upper;       /* CT_WORD starts with a capital letter */
	unsigned cls;     /* CT_WORD: its CW_* classes */
	unsigned lists;   /* CT_WORD: the lists it is in, 1u << enum cl_list */
	/* entity roles (CT_MENTION of a country or org) */
	bool prep;        /* object of a preposition ("with China") */
	bool modifier;    /* "China's BYD": China only modifies */
	bool paren;       /* inside parentheses */
};

enum cl_block_kind { CB_PARA, CB_HEADING, CB_ITEM, CB_ROW, CB_RULE };

struct cl_block {
	size_t start, end;
	enum cl_block_kind kind;
	int table;        /* CB_ROW: table number, else -1 */
	size_t s0, s1;    /* its sentences */
	int section;      /* blocks since the last heading share a number */
};

struct cl_sent {
	size_t t0, t1;    /* tokens, end exclusive */
	size_t start, end;
	size_t block;
};

/* The discourse so far: who the text was last about. */
struct cl_focus {
	int country, org, any;      /* token indexes of the last subjects, -1 */
	int named[2];               /* the last two countries named, any role */
	size_t any_block;           /* the block where any was last set */
	size_t any_sent;            /* the sentence where any was last set */
	char place[64];             /* the last named deposit or mine */
	size_t place_block;
	int new_org;  /* "a new company, <BHP Gold Mines Ltd>": "the new company" */
};

struct cl_doc {
	const char *text;
	size_t len;
	const struct assay_mention *m;
	size_t nm;
	struct assay_mention *own_m; /* m plus bare list numbers, when any */
	struct cl_tok *tok;
	size_t ntok;
	struct cl_sent *sent;
	size_t nsent;
	struct cl_block *blk;
	size_t nblk;
	char main_commodity[32];
	const char *title;      /* NULL when the text holds its headline */
	struct cl_focus focus;
	int issuer;             /* token of the company the text is most about, -1 */
	struct assay_extraction *out;
	size_t ccap, acap;     /* capacity of out->claims, out->agreements */
	size_t a0;             /* this document's first agreement in out */
};

/* The mention token @t stands for; NULL if it is no mention. */
static inline const struct assay_mention *cl_mention(const struct cl_doc *d, size_t t)
{
	if (t >= d->ntok || d->tok[t].kind != CT_MENTION)
		return NULL;
	return &d->m[d->tok[t].m];
}

/* A country or an org that can be a party or a subject (not the press). */
static inline bool cl_is_entity(const struct cl_doc *d, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	return m && (m->type == ASSAY_M_COUNTRY ||
		     (m->type == ASSAY_M_ORG && strcmp(m->kind, "media") != 0));
}

static inline bool cl_is_figure(const struct cl_doc *d, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	return m && assay_mention_is_figure(m);
}

static inline bool cl_word_is(const struct cl_doc *d, size_t t, const char *w)
{
	return t < d->ntok && d->tok[t].kind != CT_MENTION && d->tok[t].w[0] == w[0] &&
	       strcmp(d->tok[t].w, w) == 0;
}

/* Token @t is a word of list @l. */
static inline bool cl_word_in(const struct cl_doc *d, size_t t, enum cl_list l)
{
	return t < d->ntok && d->tok[t].kind != CT_MENTION && (d->tok[t].lists >> l & 1u);
}

/* claims_text.c */
/* @w is a word of list @l. */
bool cl_in_list(const char *w, enum cl_list l);
int cl_doc_build(struct cl_doc *d, const struct assay_span *sents, size_t nsents);
void cl_doc_release(struct cl_doc *d);
/* Length in tokens of @p matched at token @t, or 0. */
size_t cl_phrase_at(const struct cl_doc *d, size_t t, size_t end, const struct cl_phrase *p);
bool cl_clause_break(const struct cl_doc *d, size_t t);
size_t cl_clause_start(const struct cl_doc *d, size_t sent_t0, size_t t);
/* The subject entity token for a figure or cue at @t in sentence @s: the
 * nearest entity before it that is no object, modifier or aside, an
 * anaphor ("it", "the company"), the first entity after, else -1. */
int cl_subject(const struct cl_doc *d, const struct cl_sent *s, size_t t);
/* "it", "the country", "the company" at @t: the entity token it stands
 * for, or -1; *is false when @t is no anaphor. */
int cl_anaphor(const struct cl_doc *d, const struct cl_sent *s, size_t t, bool *is);
/* True when an entity that can be a subject stands before @t in @s. */
bool cl_subject_before(const struct cl_doc *d, const struct cl_sent *s, size_t t);
void cl_focus_update(struct cl_doc *d, const struct cl_sent *s);
const char *cl_entity_id(const struct cl_doc *d, int t);
/* Commodity for token range [a,b) of sentence @s: sentence > block >
 * section > article; "" if none. @local: only the sentence. */
bool cl_accessory_metal(const struct cl_doc *d, size_t t);
void cl_commodity(const struct cl_doc *d, const struct cl_sent *s, size_t a, size_t b,
		  bool local, char out[32]);
/* The commodity a mention names after its first word ("Southern Copper",
 * "1.0 ounce of gold per ton"); false if none. */
bool cl_mention_commodity(const struct cl_doc *d, const struct assay_mention *men, char out[32]);
int cl_push_claim(struct cl_doc *d, const struct assay_claim *c);
int cl_push_agreement(struct cl_doc *d, const struct assay_agreement *a);

/* claims.c, tables.c, agreements.c */
int cl_sentence_claims(struct cl_doc *d, const struct cl_sent *s);
int cl_table_claims(struct cl_doc *d, size_t b0, size_t b1);
int cl_sentence_agreements(struct cl_doc *d, const struct cl_sent *s);
const struct cl_metric_kind *cl_kind(const char *base);
/* The unit of price_units.tsv a price quoted per @word is in, or NULL. */
const char *cl_price_unit(const char *word);
/* The element whose symbol is the @n bytes at @s ("Ag", "Cu-Eq"), or NULL. */
const struct cl_element *cl_element_of(const char *s, size_t n);

#endif
