/* date.h - calendar arithmetic every date reader shares: days since
 * 1970-01-01 of a proleptic Gregorian date and back, and month lengths.
 *
 * The readers themselves stay with their sources (fetch/date.c: feed and
 * sitemap dates; parse/date.c: dates in a page's text and URL;
 * extract/dates.c: dates in a sentence), since each reads a different
 * kind of writing; what they compute with a date is here, once. */
#ifndef ASSAY_DATE_H
#define ASSAY_DATE_H

/* Days since 1970-01-01 (negative before) of year @y, month @m (1-12),
 * day @d. Any day count is accepted: day 0 is the month's eve. */
long assay_days_from_civil(long y, int m, int d);

/* The date of day @days since 1970-01-01. */
void assay_civil_from_days(long days, long *y, int *m, int *d);

/* Days in month @m (1-12) of year @y: 28 to 31. */
int assay_days_in_month(long y, int m);

#endif
