/* agreements.c - sentences -> agreements: who deals with whom, how far.
 *
 * A status cue (signed, joined, seeking, stalled; agreement_cues.tsv)
 * binds to the nearest agreement noun after it ("have signed a landmark
 * agreement", "stalled negotiations"); nouns that carry a status of their
 * own ("talks") stand alone. Parties: the subject (the nearest entity
 * before the cue in its clause, or a coordination "China and Turkey"),
 * plus the objects ("with China and Russia": one agreement with each;
 * "between X and Y": one between the two; "joined the MSP": the body).
 * A deal named without a party before it takes the company that reports
 * it, the possessor ("Amoco's proposed acquisition of Dome"), the agent
 * ("a deal by Nippon Steel to buy"), or in a company's own release that
 * company ("the offtake agreement with Mitsui"). A property or project
 * bought is no party ("a 100% interest in the Alwin property").
 * One document states one agreement per set of parties: the first
 * mention wins, later ones are the same deal told again. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "claims.h"

#define MAXP 8
#define BIND_WINDOW 6

struct hit {
	size_t t, len;
	const struct cl_agr_cue *c;
};

struct event {
	size_t start, cue_end;            /* the first cue */
	size_t anchor, anchor_end;        /* the noun (or the verb) */
	char type[16], status[12], objects[8];
};

static const struct cl_agr_cue *cue_at(const struct cl_doc *d, size_t t, size_t end, size_t *len)
{
	const struct cl_rules *r = cl_rules();
	const struct cl_agr_cue *best = NULL;

	size_t lo, hi;

	*len = 0;
	if (d->tok[t].kind != CT_WORD || !(d->tok[t].cls & CW_CUE_AGR))
		return NULL;
	cl_cue_range(r->agr, r->nagr, sizeof *r->agr, d->tok[t].w, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		size_t n = cl_phrase_at(d, t, end, &r->agr[i].p);
		if (n > *len) {
			*len = n;
			best = &r->agr[i];
		}
	}
	return best;
}

static bool negated(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	for (size_t u = t; u-- > s->t0 && u + 3 > t;)
		if (cl_word_is(d, u, "not") || cl_word_is(d, u, "no") || cl_word_is(d, u, "never") ||
		    cl_word_is(d, u, "without") || cl_word_is(d, u, "didn't") ||
		    cl_word_is(d, u, "hasn't") || cl_word_is(d, u, "haven't"))
			return true;
	return false;
}

static size_t find_hits(const struct cl_doc *d, const struct cl_sent *s, struct hit *h, size_t max)
{
	size_t n = 0, len;

	for (size_t t = s->t0; t < s->t1 && n < max; t++) {
		const struct cl_agr_cue *c = cue_at(d, t, s->t1, &len);
		if (!c)
			continue;
		if (negated(d, s, t)) { /* "has not signed", "no agreement" */
			t += len - 1;
			continue;
		}
		h[n++] = (struct hit){t, len, c};
		t += len - 1;
	}
	return n;
}

/* "plans to acquire", "offered to buy": a deal verb under a proposal is a
 * proposal; "in talks to buy" is being negotiated. Other cues keep the
 * status they name. Sets e->status. */
static void modal_status(const struct cl_doc *d, size_t t, const struct cl_agr_cue *v,
			 struct event *e)
{
	static const char *const proposed[] = {"plans", "plan", "proposed", "proposes",
		"offered", "offers", "offer", "considering", "may", "might", "could", "would",
		"wants", "bid", "seeks", "hopes", NULL};
	assay_copy(e->status, sizeof e->status, v->status);
	if (!strcmp(v->objects, "jointly")) {
		/* "the mine will be owned 60 pct by WMC", "the plant, to be
		 * jointly owned by Amselco and Nerco": agreed, not yet so */
		for (size_t u = t; u-- > 0 && u + 4 > t;)
			if (cl_word_is(d, u, "will") ||
			    (cl_word_is(d, u, "be") && u > 0 && cl_word_is(d, u - 1, "to")))
				assay_copy(e->status, sizeof e->status, "committed");
		return;
	}
	if (strcmp(v->objects, "any"))
		return;
	for (size_t u = t; u-- > 0 && u + 4 > t;) {
		if (d->tok[u].kind == CT_PUNCT)
			return;
		if (cl_word_is(d, u, "talks") || cl_word_is(d, u, "negotiating") ||
		    cl_word_is(d, u, "negotiations")) {
			assay_copy(e->status, sizeof e->status, "negotiating");
			return;
		}
		for (size_t i = 0; proposed[i]; i++)
			if (cl_word_is(d, u, proposed[i])) {
				assay_copy(e->status, sizeof e->status, "proposed");
				return;
			}
	}
}

/* "joint venture partner Equinor": the company named right after
 * "partner(s)" at @t (before @end), or -1. */
static size_t named_partner(const struct cl_doc *d, size_t t, size_t end)
{
	if (!(cl_word_is(d, t, "partner") || cl_word_is(d, t, "partners")) || t + 1 >= end ||
	    !cl_is_entity(d, t + 1) || cl_mention(d, t + 1)->type != ASSAY_M_ORG)
		return (size_t)-1;
	return t + 1;
}

/* A type noun followed by its party, after a determiner that names it as
 * existing ("the", "its", "their", "an existing", "previous"), and not
 * negated or sought: "the offtake agreement with Mitsui", "its 50/50 joint
 * venture with South32"; a noun that takes "any" party names it after
 * "of", "in" or "from" ("its takeover of Peoplesoft", "through its
 * investment in T.R. Mining"), a company, not a place. */
static bool in_force(const struct cl_doc *d, const struct hit *h)
{
	size_t e = h->t + h->len, at = e + 1;
	bool any = !strcmp(h->c->objects, "any");

	/* "joint venture partner Equinor"; "its joint venture with private
	 * mining firm BML Ventures": a few words of description before the
	 * party */
	if (named_partner(d, e, d->ntok) != (size_t)-1)
		return true;
	while (cl_word_is(d, e, "with") && at < d->ntok && at < e + 5 &&
	       d->tok[at].kind == CT_WORD && !d->tok[at].upper && !cl_is_entity(d, at))
		at++;
	if (at > e + 1 && !(at < d->ntok && cl_is_entity(d, at) &&
			    cl_mention(d, at)->type == ASSAY_M_ORG))
		at = e + 1;
	if (at >= d->ntok || !cl_is_entity(d, at))
		return false;
	if (!(cl_word_is(d, e, "with") ||
	      (any && cl_mention(d, at)->type == ASSAY_M_ORG &&
	       (cl_word_is(d, e, "of") || cl_word_is(d, e, "in") || cl_word_is(d, e, "from")))))
		return false;
	for (size_t u = h->t; u-- > 0 && u + 6 > h->t;) {
		if (d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] != '/' && d->tok[u].w[0] != '-')
			return false;
		if (cl_word_is(d, u, "the") || cl_word_is(d, u, "its") ||
		    cl_word_is(d, u, "their") || cl_word_is(d, u, "existing") ||
		    cl_word_is(d, u, "previous") || cl_word_is(d, u, "prior") ||
		    cl_word_is(d, u, "'s"))
			return true;
		/* "under a three-year earn-in agreement with Mamba" */
		if (cl_word_is(d, u, "a") || cl_word_is(d, u, "an"))
			return u > 0 && (cl_word_is(d, u - 1, "under") ||
					 cl_word_is(d, u - 1, "through"));
		if (cl_word_is(d, u, "no"))
			return false;
	}
	return false;
}

/* True when the verb at @t completes the deal noun of @e: a few words
 * after it in the same clause ("deal by Japan's Nippon Steel to buy"). */
static bool deal_of(const struct cl_doc *d, const struct event *e, size_t t)
{
	if (strcmp(e->type, "deal") || e->anchor == e->start || e->anchor_end > t ||
	    t > e->anchor_end + 5 || strcmp(e->objects, "with"))
		return false;
	for (size_t u = e->anchor_end; u < t; u++)
		if (cl_clause_break(d, u) || d->tok[u].kind == CT_PUNCT || cl_word_is(d, u, "with"))
			return false;
	return true;
}

/* Nouns no cue was paired with that are events by themselves: one
 * named as standing ("the offtake agreement with Mitsui") or one that
 * carries its status ("talks ... have stalled"). Appended at @ne. */
static size_t noun_events(const struct cl_doc *d, const struct hit *h, size_t n, const bool *used,
			  struct event *ev, size_t ne)
{
	for (size_t i = 0; i < n; i++) {
		if (!used[i] && h[i].c->noun && !h[i].c->status[0] && in_force(d, &h[i])) {
			/* "the offtake agreement with Mitsui": named as standing */
			struct event *e = &ev[ne++];
			e->start = e->anchor = h[i].t;
			e->cue_end = e->anchor_end = h[i].t + h[i].len;
			assay_copy(e->type, sizeof e->type, h[i].c->type);
			assay_copy(e->status, sizeof e->status, "signed");
			assay_copy(e->objects, sizeof e->objects,
				strcmp(h[i].c->objects, "any") ? "with" : "any");
			continue;
		}
		if (used[i] || !h[i].c->noun || !h[i].c->status[0])
			continue;
		struct event *e = &ev[ne++];
		e->start = e->anchor = h[i].t;
		e->cue_end = e->anchor_end = h[i].t + h[i].len;
		assay_copy(e->type, sizeof e->type, h[i].c->type);
		assay_copy(e->status, sizeof e->status, h[i].c->status);
		assay_copy(e->objects, sizeof e->objects, h[i].c->objects);
		for (size_t k = i + 1; k < n; k++) /* "talks ... have stalled" */
			if (!h[k].c->noun && !h[k].c->type[0]) {
				assay_copy(e->status, sizeof e->status, h[k].c->status);
				break;
			}
	}
	return ne;
}

/* Pairs status cues with nouns into events. */
static size_t find_events(const struct cl_doc *d, const struct hit *h, size_t n, struct event *ev)
{
	size_t ne = 0;
	bool used[32] = {false};

	for (size_t i = 0; i < n; i++) {
		const struct cl_agr_cue *v = h[i].c, *noun = NULL;
		size_t j = i + 1;
		if (used[i] || v->noun)
			continue;
		for (; j < n && h[j].t <= h[i].t + h[i].len + BIND_WINDOW; j++) {
			bool brk = false;
			for (size_t u = h[i].t + h[i].len; u < h[j].t; u++)
				brk |= cl_clause_break(d, u);
			if (brk || !h[j].c->noun)
				break;
			noun = h[j].c;
			used[j] = true;
			break;
		}
		if (!v->type[0] && !noun) {
			/* "a research contract awarded by the DOE to Phinix", "a
			 * memorandum signed by the two sides": the participle
			 * after its noun gives the status, "by" the parties */
			if (i > 0 && !used[i - 1] && h[i - 1].c->noun && !h[i - 1].c->status[0] &&
			    h[i - 1].t + h[i - 1].len == h[i].t) {
				struct event *e = &ev[ne++];
				used[i - 1] = true;
				e->start = e->anchor = h[i - 1].t;
				e->anchor_end = h[i - 1].t + h[i - 1].len;
				e->cue_end = h[i].t + h[i].len;
				assay_copy(e->type, sizeof e->type, h[i - 1].c->type);
				assay_copy(e->status, sizeof e->status, v->status);
				assay_copy(e->objects, sizeof e->objects, "by");
			}
			continue;
		}
		/* "a stalled deal by Nippon Steel to buy US Steel": the verb
		 * names what the deal is about; the noun keeps its status */
		if (!noun && ne > 0 && !strcmp(v->objects, "any") && deal_of(d, &ev[ne - 1], h[i].t)) {
			ev[ne - 1].cue_end = h[i].t + h[i].len;
			assay_copy(ev[ne - 1].objects, sizeof ev[ne - 1].objects, "any");
			continue;
		}
		struct event *e = &ev[ne++];
		e->start = h[i].t;
		e->cue_end = h[i].t + h[i].len;
		modal_status(d, h[i].t, v, e);
		e->anchor = noun ? h[j].t : h[i].t;
		e->anchor_end = noun ? h[j].t + h[j].len : h[i].t + h[i].len;
		assay_copy(e->type, sizeof e->type, v->type[0] ? v->type : noun->type);
		assay_copy(e->objects, sizeof e->objects, v->type[0] || !noun ? v->objects : noun->objects);
	}
	return noun_events(d, h, n, used, ev, ne);
}

static bool eligible(const struct cl_doc *d, size_t t)
{
	const struct cl_tok *k = &d->tok[t];

	return cl_is_entity(d, t) && !k->prep && !k->modifier && !k->paren;
}

static bool clause_edge(const struct cl_doc *d, size_t t)
{
	return cl_clause_break(d, t) ||
	       (d->tok[t].kind == CT_PUNCT && d->tok[t].w[0] == ',' && cl_word_is(d, t + 1, "and"));
}

/* A name that is only the end of the one before "and": "(Mitsui and) Co
 * Ltd", "(J.B. Were and) Sons". */
static bool name_goes_on(const struct cl_doc *d, const struct assay_mention *m)
{
	static const char *const w[] = {"Co", "Co.", "Company", "Son", "Sons", NULL};
	const char *p = d->text + m->start;
	size_t n = m->end - m->start;

	for (size_t i = 0; w[i]; i++) {
		size_t k = strlen(w[i]);
		if (n >= k && !strncmp(p, w[i], k) && (n == k || p[k] == ' ' || p[k] == '\n'))
			return true;
	}
	return false;
}

/* "both countries", "the two nations": the last two countries named. */
static bool both_countries(const struct cl_doc *d, size_t t)
{
	return (cl_word_is(d, t, "both") || cl_word_is(d, t, "two")) &&
	       (cl_word_is(d, t + 1, "countries") || cl_word_is(d, t + 1, "nations") ||
		cl_word_is(d, t + 1, "governments"));
}

/* "the two sides", "both companies": the last two parties of one kind
 * (two companies, two countries) named before the sentence; false unless
 * two are found. */
static bool both_sides(const struct cl_doc *d, const struct cl_sent *s, size_t t, int out[2])
{
	size_t n = 0;

	if (!((cl_word_is(d, t, "both") || cl_word_is(d, t, "two")) &&
	      (cl_word_is(d, t + 1, "sides") || cl_word_is(d, t + 1, "companies") ||
	       cl_word_is(d, t + 1, "parties") || cl_word_is(d, t + 1, "groups"))))
		return false;
	for (size_t u = s->t0; u-- > 0 && n < 2;) {
		if (!cl_is_entity(d, u) || d->tok[u].modifier || d->tok[u].paren)
			continue;
		if (n == 1 && (!strcmp(cl_entity_id(d, out[0]), cl_entity_id(d, (int)u)) ||
			       cl_mention(d, (size_t)out[0])->type != cl_mention(d, u)->type))
			continue; /* two companies or two countries */
		out[n++] = (int)u;
	}
	return n == 2;
}

static bool reports(const struct cl_doc *d, size_t t)
{
	static const char *const w[] = {"said", "says", "announced", "announces", "reported",
		"reports", "added", "stated", "told", NULL};

	if (cl_word_is(d, t, "has") || cl_word_is(d, t, "had"))
		t++;
	for (size_t i = 0; w[i]; i++)
		if (cl_word_is(d, t, w[i]))
			return true;
	return false;
}

/* "Amid stalled negotiations with China, Turkey is ...": the subject of
 * the main clause after an opening phrase (the sentence starts with a
 * preposition; "..., UK media reports say" names no party). */
static bool after_phrase(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	static const char *const opening[] = {"amid", "through", "after", "following", "under",
		"despite", "with", "in", "since", "during", "via", "besides", "alongside", NULL};
	bool opens = false;

	for (size_t i = 0; opening[i]; i++)
		opens |= cl_word_is(d, s->t0, opening[i]);
	if (t > 0 && cl_word_is(d, t - 1, "the"))
		t--;
	return opens && t > 0 && d->tok[t - 1].kind == CT_PUNCT && d->tok[t - 1].w[0] == ',';
}

static bool among(const struct cl_doc *d, int t, const int *obj, size_t no)
{
	for (size_t i = 0; i < no; i++)
		if (!strcmp(cl_entity_id(d, t), cl_entity_id(d, obj[i])))
			return true;
	return false;
}

/* "the impact of Amoco Corp <AN>'s proposed acquisition of Dome": the
 * possessor of the deal before the "'s" at @u - 1, whatever governs it;
 * -1 if none. */
static int possessor(const struct cl_doc *d, const struct cl_sent *s, size_t u, const int *obj,
		     size_t no)
{
	size_t o = u - 2;

	while (o > s->t0 && d->tok[o].kind == CT_PUNCT)
		o--; /* "Trilogy Metals (TSX: TMQ)'s" */
	if (cl_is_entity(d, o) && d->tok[o].paren && o > s->t0)
		o--;
	if (cl_is_entity(d, o) && !among(d, (int)o, obj, no) && cl_mention(d, o)->type == ASSAY_M_ORG)
		return (int)o;
	bool is; /* "the company's 50/50 joint venture with South32" */
	int a = d->tok[o].kind == CT_WORD && (d->tok[o].cls & CW_ANA_ORG) ? cl_anaphor(d, s, o, &is)
									 : -1;
	return a >= 0 && !among(d, a, obj, no) ? a : -1;
}

/* The subject named in the event's clause before it, or the agent after
 * "by"; -1 if none. "Both countries" fills @out with the last two named
 * and sets *two. */
static int clause_subject(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
			  const int *obj, size_t no, int *out, bool *two)
{
	int t = -1;

	*two = false;
	for (size_t u = e->start; u > s->t0 && !clause_edge(d, u - 1); u--) {
		if (cl_word_is(d, u - 1, "'s") && u - 1 > s->t0 && (t = possessor(d, s, u, obj, no)) >= 0)
			return t;
		if (eligible(d, u - 1) && !among(d, (int)u - 1, obj, no))
			return (int)u - 1;
		if (both_countries(d, u - 1) && d->focus.named[1] >= 0) {
			out[0] = d->focus.named[0];
			out[1] = d->focus.named[1];
			*two = true;
			return -1;
		}
	}
	/* "a stalled deal by Japan's Nippon Steel": the agent after "by" */
	if (e->anchor_end + 1 < s->t1 && cl_word_is(d, e->anchor_end, "by"))
		for (size_t u = e->anchor_end + 1; u < s->t1 && u < e->anchor_end + 4; u++)
			if (cl_is_entity(d, u) && !d->tok[u].modifier)
				return among(d, (int)u, obj, no) ? -1 : (int)u;
	return -1;
}

/* When the clause names no subject: the source that reports the deal
 * after it, the sentence's subject, or the issuer dealing with other
 * companies; -1 if none. */
static int outside_subject(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
			   const int *obj, size_t no)
{
	int t = -1;

	if (!strcmp(e->objects, "members") || !strcmp(e->objects, "join"))
		return -1;
	/* "The offtake agreement with Mitsui will run ..., Atlas Lithium
	 * said": the source after the clause speaks for its own deal */
	for (size_t u = e->anchor_end; u < s->t1; u++)
		if (eligible(d, u) && !(u > s->t0 && cl_word_is(d, u - 1, "'s")) &&
		    !among(d, (int)u, obj, no) && reports(d, u + 1))
			return (int)u;
	t = cl_subject(d, s, e->start);
	/* a company named later in the clause is no subject of the deal
	 * unless it reports it */
	if (t >= 0 && (size_t)t > e->start && (size_t)t < s->t1 && !reports(d, (size_t)t + 1) &&
	    !after_phrase(d, s, (size_t)t))
		t = -1;
	if (t >= 0 && (size_t)t >= s->t0 && (size_t)t < s->t1 && !eligible(d, (size_t)t))
		t = d->focus.any;
	if (t >= 0 && among(d, t, obj, no))
		t = -1;
	/* "The offtake agreement with Mitsui encompasses ...", "the pilot
	 * plant, developed in collaboration with Koch": a company's dealings
	 * with another company, in a text about the first */
	if (t < 0 && no > 0 && d->issuer >= 0 && !among(d, d->issuer, obj, no) &&
	    !strcmp(e->objects, "with")) {
		bool orgs = true;
		for (size_t i = 0; i < no; i++)
			orgs &= cl_mention(d, (size_t)obj[i])->type == ASSAY_M_ORG;
		if (orgs)
			t = d->issuer;
	}
	return t;
}

/* @t and the entities coordinated before it ("China and Turkey have
 * signed", "X, Y and Z agreed") into @out; their count. */
static size_t coordinated(const struct cl_doc *d, const struct cl_sent *s, int t, int *out)
{
	size_t n = 0;

	if (t >= (int)s->t0 + 2 && cl_word_is(d, (size_t)t - 1, "and") && cl_is_entity(d, (size_t)t - 2) &&
	    name_goes_on(d, cl_mention(d, (size_t)t))) {
		out[0] = t - 2; /* "Mitsui and Co Ltd signed" */
		return 1;
	}
	out[n++] = t;
	for (int u = t - 1; u >= (int)s->t0 && n < MAXP; u--) {
		if (cl_word_is(d, (size_t)u, "and") || d->tok[u].w[0] == ',' ||
		    cl_word_is(d, (size_t)u, "the"))
			continue;
		if (d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] == ')') {
			/* "Uranium Energy (NYSE American: UEC) and Radiant" */
			int o = u;
			while (o > (int)s->t0 && u - o < 12 &&
			       !(d->tok[o].kind == CT_PUNCT && d->tok[o].w[0] == '('))
				o--;
			if (d->tok[o].kind == CT_PUNCT && d->tok[o].w[0] == '(') {
				u = o;
				continue;
			}
			break;
		}
		bool is;
		int a = cl_anaphor(d, s, (size_t)u, &is); /* "the country and Kazakhstan" */
		if (is && a >= 0) {
			out[n++] = a;
			break;
		}
		if (!cl_is_entity(d, (size_t)u) || d->tok[u].prep || d->tok[u].paren)
			break;
		out[n++] = u;
	}
	return n;
}

/* The subject entities before @t in its clause: one, or a coordination.
 * None of them is one of the @no objects. */
static size_t subjects(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
		       const int *obj, size_t no, int *out)
{
	bool two;
	int t = clause_subject(d, s, e, obj, no, out, &two);

	if (two)
		return 2;
	if (t < 0)
		t = outside_subject(d, s, e, obj, no);
	return t < 0 ? 0 : coordinated(d, s, t, out);
}

/* A demonym before a common noun names no party: "with an Australian
 * miner", "with other Chinese automakers". */
static bool unnamed_party(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	return m && m->type == ASSAY_M_COUNTRY && strcmp(m->form, "demonym") == 0 &&
	       t + 1 < s->t1 && d->tok[t + 1].kind == CT_WORD && !d->tok[t + 1].upper;
}

/* Entities of a coordination starting at @t ("China and Russia", "the
 * US, Japan and Korea"); a comma not closed by "and" ends the list, as in
 * "with China and Russia, Turkey is ...". */
static size_t coordination(const struct cl_doc *d, const struct cl_sent *s, size_t t, int *out,
			   size_t n)
{
	size_t before_comma = (size_t)-1, described = 0;

	for (; t < s->t1 && n < MAXP; t++) {
		if (cl_is_entity(d, t) && d->tok[t].modifier)
			continue; /* "the US Department of Defense" */
		if (unnamed_party(d, s, t))
			break; /* "with an Australian miner": some company, unnamed */
		if (cl_is_entity(d, t) && n > 0 && cl_word_is(d, t - 1, "and") &&
		    name_goes_on(d, cl_mention(d, t)))
			continue; /* "Mitsui and Co Ltd": one company */
		if (cl_is_entity(d, t)) {
			out[n++] = (int)t;
			continue;
		}
		if (d->tok[t].w[0] == ',' && d->tok[t].kind == CT_PUNCT) {
			before_comma = n;
			continue;
		}
		if (cl_word_is(d, t, "and") || cl_word_is(d, t, "or")) {
			before_comma = (size_t)-1;
			continue;
		}
		/* "by the DOE's Office of Science": the office is the
		 * company's or agency's own, no second party */
		if (cl_word_is(d, t, "'s") && n > 0 && out[n - 1] == (int)t - 1 &&
		    cl_mention(d, t - 1)->type == ASSAY_M_ORG && cl_is_entity(d, t + 1)) {
			t++;
			continue;
		}
		if (cl_word_is(d, t, "the") || cl_word_is(d, t, "other") || cl_word_is(d, t, "its") ||
		    cl_word_is(d, t, "'s")) /* "with Australia's IGO" */
			continue;
		if (n == 0 && ++described <= 3 && d->tok[t].kind == CT_WORD && !d->tok[t].upper)
			continue; /* "with private mining firm BML Ventures" */
		break;
	}
	if (n == 1 && described && cl_mention(d, (size_t)out[0])->type != ASSAY_M_ORG)
		return 0; /* "with private investors in Japan": no named party */
	return before_comma < n ? before_comma : n;
}

static size_t objects_as(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
			 int *out, bool *between);

/* A word naming an asset in the ground, not a company. */
static bool asset_word(const struct cl_doc *d, size_t t)
{
	static const char *const w[] = {"project", "projects", "property", "properties", "mine",
		"claims", "deposit", "prospect", "licence", "license", "tenements", "concession",
		"concessions", "assets", NULL};

	for (size_t i = 0; w[i]; i++)
		if (cl_word_is(d, t, w[i]))
			return true;
	return false;
}

/* "awarded a contract to supply penny blanks to the U.S. Mint": a deal
 * with no "with" party is with the party it goes to. */
static size_t objects(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
		      int *out, bool *between)
{
	size_t n = 0;

	/* "its withdrawal from the Showa Aluminium joint venture", "signed
	 * the Mitsui offtake agreement": the party named before the noun */
	*between = false;
	for (size_t u = e->cue_end; e->anchor > e->cue_end && u < e->anchor; u++)
		if (cl_is_entity(d, u) && !d->tok[u].modifier && !unnamed_party(d, s, u) &&
		    u + 1 == e->anchor && u > 0 &&
		    (cl_word_is(d, u - 1, "the") || cl_word_is(d, u - 1, "its") ||
		     cl_word_is(d, u - 1, "their")) &&
		    !cl_word_is(d, e->anchor_end, "with")) {
			out[0] = (int)u;
			return 1;
		}
	size_t partner = named_partner(d, e->anchor_end, s->t1); /* "joint venture partner Equinor" */
	if (partner != (size_t)-1)
		return coordination(d, s, partner, out, 0);
	n = objects_as(d, s, e, out, between);

	/* "agreed to sell its Goldendale smelter in Washington, and port
	 * facilities at Portland, Oregon to Columbia Aluminium": the buyer */
	for (size_t u = e->cue_end; n == 0 && !strcmp(e->objects, "any") && u + 1 < s->t1; u++)
		if (cl_word_is(d, u, "to") && cl_is_entity(d, u + 1) &&
		    cl_mention(d, u + 1)->type == ASSAY_M_ORG)
			return coordination(d, s, u + 1, out, 0);
	if (n == 0 && !strcmp(e->objects, "with") && !strcmp(e->type, "deal")) {
		struct event to = *e;
		assay_copy(to.objects, sizeof to.objects, "to");
		to.anchor_end = e->anchor_end + 8 < s->t1 ? e->anchor_end + 8 : s->t1;
		n = objects_as(d, s, &to, out, between);
	}
	return n;
}

/* Objects of an event written "by" its giver ("awarded by the DOE's
 * Office of ... to Phinix"): the giver, then whom it goes to or is made
 * with. */
static size_t objects_by(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
			 size_t end, int *out, bool *between)
{
	size_t n = 0, u = e->cue_end;
	/* "an agreement signed here yesterday between the Indian
	 * Finance Ministry and the British ODA" */
	while (u < s->t1 && u < e->cue_end + 4 && !clause_edge(d, u) &&
	       (d->tok[u].kind == CT_WORD ||
		(cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_DATE)) &&
	       !cl_word_is(d, u, "by") &&
	       !cl_word_is(d, u, "between") && !cl_word_is(d, u, "with"))
		u++;
	if (u < s->t1 && (cl_word_is(d, u, "between") || cl_word_is(d, u, "with"))) {
		*between = cl_word_is(d, u, "between");
		return coordination(d, s, u + 1, out, 0);
	}
	if (u < s->t1 && cl_word_is(d, u, "by")) {
		size_t v = u + 1 + cl_word_is(d, u + 1, "the");
		if (both_sides(d, s, v, out))
			return 2;
		n = coordination(d, s, u + 1, out, 0);
	}
	for (; n > 0 && u < end; u++) {
		if (clause_edge(d, u))
			break;
		if (cl_word_is(d, u, "to") || cl_word_is(d, u, "with"))
			return coordination(d, s, u + 1, out, n);
	}
	return n;
}

/* "jointly owned by Amselco and Nerco", "owned 60 pct by WMC and 40 pct
 * by a local W.R. Grace unit": every owner. */
static size_t owners(const struct cl_doc *d, const struct cl_sent *s, const struct event *e, int *out)
{
	size_t n = 0;
	for (size_t u = e->cue_end - 1; u < s->t1 && n < MAXP; u++) {
		if (clause_edge(d, u) || (d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] == '.'))
			break;
		if (cl_word_is(d, u, "by"))
			n = coordination(d, s, u + 1 + cl_word_is(d, u + 1, "a"), out, n);
	}
	return n;
}

static size_t objects_as(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
			 int *out, bool *between)
{
	size_t reach = !strcmp(e->objects, "members") ? 4 : 12;
	size_t end = e->anchor_end + reach < s->t1 ? e->anchor_end + reach : s->t1;

	*between = false;
	if (!strcmp(e->objects, "by"))
		return objects_by(d, s, e, end, out, between);
	if (!strcmp(e->objects, "jointly"))
		return owners(d, s, e, out);
	if (!strcmp(e->objects, "with") && e->cue_end > 0 && cl_word_is(d, e->cue_end - 1, "with"))
		return coordination(d, s, e->cue_end, out, 0); /* "in partnership with X" */
	/* "will take over from John Smith as chair": a post changes hands */
	if (!strcmp(e->objects, "any") && e->cue_end < s->t1 && cl_word_is(d, e->cue_end - 1, "over") &&
	    (cl_word_is(d, e->cue_end, "as") || cl_word_is(d, e->cue_end, "from")))
		return 0;
	bool asset = false;
	for (size_t u = e->cue_end; u < end; u++) {
		if (clause_edge(d, u) || (d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] == '.'))
			break;
		/* "acquire a 100% interest in the Carlin Queen property in
		 * Nevada": a property changes hands; after it only the seller
		 * ("from X") is a party */
		asset |= !strcmp(e->objects, "any") && asset_word(d, u);
		if (!strcmp(e->objects, "any") && cl_is_entity(d, u) &&
		    cl_mention(d, u)->type == ASSAY_M_ORG && /* companies change hands, not places */
		    (!asset || cl_word_is(d, u - 1, "from")))
			return coordination(d, s, u, out, 0);
		if (!strcmp(e->objects, "members") && cl_is_figure(d, u))
			break; /* "comprises 14 countries and the EU": a count, not a list */
		if (!strcmp(e->objects, "members") && cl_is_entity(d, u) && !unnamed_party(d, s, u))
			return coordination(d, s, u, out, 0);
		if (!strcmp(e->objects, "join") && cl_is_entity(d, u) && !d->tok[u].modifier) {
			out[0] = (int)u;
			return 1;
		}
		/* "a contract to supply penny blanks to the U.S. Mint": the
		 * "to" of the verb names no party; the next one may */
		if ((!strcmp(e->objects, "in") || !strcmp(e->objects, "to") ||
		     !strcmp(e->objects, "from")) && cl_word_is(d, u, e->objects)) {
			size_t n = coordination(d, s, u + 1, out, 0);
			if (n > 0 || cl_is_entity(d, u + 1) || !cl_word_is(d, u, "to"))
				return n;
		}
		if (!strcmp(e->objects, "with") &&
		    (cl_word_is(d, u, "with") || cl_word_is(d, u, "between"))) {
			*between = cl_word_is(d, u, "between");
			return coordination(d, s, u + 1, out, 0);
		}
	}
	return 0;
}

static int cmp_ids(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static bool same_parties(const struct assay_agreement *a, const struct assay_agreement *b)
{
	if (a->nparties != b->nparties)
		return false;
	for (int i = 0; i < a->nparties; i++)
		if (strcmp(a->parties[i], b->parties[i]))
			return false;
	return true;
}

static bool is_vehicle_word(const struct cl_doc *d, size_t t)
{
	static const char *const w[] = {"vehicle", "vehicles", "ev", "evs", "automaker",
					"automakers", "carmaker", "carmakers", "car", "cars",
					"automotive", NULL};
	const struct assay_mention *m = cl_mention(d, t);

	if (m)
		return m->type == ASSAY_M_COUNT && strcmp(m->unit, "vehicle") == 0;
	for (size_t i = 0; w[i]; i++)
		if (cl_word_is(d, t, w[i]))
			return true;
	return false;
}

/* The nearest commodity, vehicle or trade word to the cue; else context. */
static void topic_of(const struct cl_doc *d, const struct cl_sent *s, const struct event *e,
		     char out[32])
{
	size_t bestd = (size_t)-1;

	out[0] = '\0';
	for (size_t t = s->t0; t < s->t1; t++) {
		const struct assay_mention *m = cl_mention(d, t);
		const char *topic = NULL;
		if (m && m->type == ASSAY_M_COMMODITY)
			topic = m->id;
		else if (is_vehicle_word(d, t))
			topic = "vehicles";
		else if (cl_word_is(d, t, "customs") || cl_word_is(d, t, "tariffs"))
			topic = "trade";
		size_t dist = t > e->anchor ? t - e->anchor : e->anchor - t;
		if (topic && dist < bestd) {
			bestd = dist;
			assay_copy(out, 32, topic);
		}
	}
	if (!out[0] && strcmp(e->type, "membership") != 0)
		cl_commodity(d, s, s->t0, s->t0, false, out);
	for (size_t t = e->anchor_end; !out[0] && t < s->t1; t++) /* joined the tin producers */
		if (cl_mention(d, t) && cl_mention(d, t)->type == ASSAY_M_ORG) {
			cl_mention_commodity(d, cl_mention(d, t), out);
			break;
		}
}

static bool in_heading(const struct cl_doc *d, size_t pos)
{
	for (size_t b = 0; b < d->nblk; b++)
		if (pos >= d->blk[b].start && pos < d->blk[b].end)
			return d->blk[b].kind == CB_HEADING;
	return false;
}

static int emit(struct cl_doc *d, const struct cl_sent *s, const struct event *e, const int *p,
		size_t np)
{
	struct assay_agreement a;

	memset(&a, 0, sizeof a);
	for (size_t i = 0; i < np && a.nparties < ASSAY_MAX_PARTIES; i++) {
		const char *id = cl_entity_id(d, p[i]);
		bool dup = false;
		for (int j = 0; j < a.nparties; j++)
			dup |= strcmp(a.parties[j], id) == 0;
		if (!dup && *id)
			assay_copy(a.parties[a.nparties++], sizeof a.parties[0], id);
	}
	if (a.nparties < 2)
		return ASSAY_OK;
	qsort(a.parties, (size_t)a.nparties, sizeof a.parties[0], cmp_ids);
	assay_copy(a.type, sizeof a.type, e->type);
	assay_copy(a.status, sizeof a.status, e->status);
	topic_of(d, s, e, a.topic);
	a.evidence = (struct assay_evidence){s->start, s->end};
	for (size_t i = d->a0; i < d->out->nagreements; i++) {
		struct assay_agreement *old = &d->out->agreements[i];
		if (!same_parties(old, &a))
			continue;
		/* a headline is terse: the body's first telling wins over it */
		if (in_heading(d, old->evidence.start) && d->blk[s->block].kind != CB_HEADING)
			*old = a;
		return ASSAY_OK;
	}
	return cl_push_agreement(d, &a);
}

static int event_agreements(struct cl_doc *d, const struct cl_sent *s, const struct event *e)
{
	int subj[MAXP], obj[MAXP], p[MAXP + 1];
	bool between;
	size_t no = objects(d, s, e, obj, &between), ns;

	if (between)
		return no == 2 ? emit(d, s, e, obj, 2) : ASSAY_OK;
	if (!strcmp(e->objects, "by") && no >= 2) /* "signed by X and Y" */
		return emit(d, s, e, obj, no);
	if (!strcmp(e->objects, "jointly")) /* its owners, never one */
		return no >= 2 ? emit(d, s, e, obj, no) : ASSAY_OK;
	ns = subjects(d, s, e, obj, no, subj);
	if (ns == 0)
		return ASSAY_OK;
	/* "The ATPC consists of Malaysia, Indonesia ...": one membership each;
	 * "Brazil and China pledged to cooperate with the ATPC": one each too */
	bool each = !strcmp(e->objects, "members") ||
		    (ns > 1 && no == 1 && cl_mention(d, (size_t)obj[0])->type == ASSAY_M_ORG &&
		     strcmp(e->type, "joint-venture"));
	if (each) {
		int one = !strcmp(e->objects, "members") ? subj[0] : obj[0];
		const int *many = !strcmp(e->objects, "members") ? obj : subj;
		size_t nmany = !strcmp(e->objects, "members") ? no : ns;
		for (size_t i = 0; i < nmany; i++) {
			p[0] = one;
			p[1] = many[i];
			if (emit(d, s, e, p, 2))
				return ASSAY_ENOMEM;
		}
		return ASSAY_OK;
	}
	/* "its earn-in and partnership agreement with BMP Holding and Indice
	 * Crucial Lda": companies in one agreement together (but "bought
	 * Metallverken and Wirsbo Bruks" is two deals) */
	bool orgs = !strcmp(e->objects, "with") &&
		    cl_mention(d, (size_t)subj[0])->type == ASSAY_M_ORG;
	for (size_t i = 0; i < no; i++)
		orgs &= cl_mention(d, (size_t)obj[i])->type == ASSAY_M_ORG;
	if (ns == 1 && no > 1 && !orgs) { /* "talks with China and Russia": one each */
		for (size_t i = 0; i < no; i++) {
			p[0] = subj[0];
			p[1] = obj[i];
			if (emit(d, s, e, p, 2))
				return ASSAY_ENOMEM;
		}
		return ASSAY_OK;
	}
	size_t n = 0;
	for (size_t i = 0; i < ns && n < MAXP; i++)
		p[n++] = subj[i];
	for (size_t i = 0; i < no && n < MAXP; i++)
		p[n++] = obj[i];
	return emit(d, s, e, p, n);
}

int cl_sentence_agreements(struct cl_doc *d, const struct cl_sent *s)
{
	struct hit h[32];
	struct event ev[32];
	size_t nh = find_hits(d, s, h, 32), ne = find_events(d, h, nh, ev);

	for (size_t i = 0; i < ne; i++)
		if (event_agreements(d, s, &ev[i]))
			return ASSAY_ENOMEM;
	return ASSAY_OK;
}
