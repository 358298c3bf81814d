/* months.h - month names the date finder reads, lower-case ASCII, with the
 * month number. Data only (included by date.c). Longer names first where
 * one is a prefix of another is not needed: matches must end a word. */
static const struct month_name {
	const char *name;
	int month;
} month_names[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	/* a few other languages the mining press writes in */
	{"januar", 1}, {"februar", 2}, {"maerz", 3}, {"mai", 5}, {"juni", 6},
	{"juli", 7}, {"oktober", 10}, {"dezember", 12},
	{"janvier", 1}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
	{"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
	{"ocak", 1}, {"mart", 3}, {"nisan", 4}, {"haziran", 6}, {"temmuz", 7},
	{"eylul", 9}, {"ekim", 10}, {"kasim", 11}, {"aralik", 12},
};
