/* status_classes.h - which agreement statuses tell the same story.
 *
 * Statuses of one class agree with each other ("signed" a partnership and
 * "committed" an investment); statuses of different classes between the
 * same parties contradict (one article says signed, another that talks
 * stalled) and make a conflict group, which then lists every status.
 * A status not listed is a class of its own. */
#ifndef ASSAY_STATUS_CLASSES_H
#define ASSAY_STATUS_CLASSES_H

static const struct {
	const char *status;
	const char *cls;
} status_classes[] = {
	{"signed", "done"},        {"joined", "done"},        {"committed", "done"},
	{"negotiating", "talks"},  {"pursued", "talks"},      {"applied", "talks"},
	{"proposed", "talks"},     {"stalled", "stalled"},    {"ended", "ended"},
};

#endif
