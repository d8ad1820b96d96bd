/*
 * number_words.c: the number engine's word tables (see number_words.h).
 *
 * The tables, one entry a line. To add a word, put it in its letter's
 * list in length order with its roles; fc__word_starts[] and
 * fc__word_trig2[] follow from the lists, and when they no longer do the
 * unit test (test_tables in tests/unit/test_numbers.c) fails and prints
 * them as they should be.
 */
#include "config.h"

#include <string.h>

#include <figcheck/figcheck.h>

#include "number_words.h"

/* clang-format off */
static const wentry words_a[] = {
    {"a", 1, W_A, 0, 0, K_A, F_FUNC|F_QUAL, 1},
    {"am", 2, W_NONE, 0, 0, K_AM, 0, 0},
    {"an", 2, W_A, 0, 0, K_AN, F_FUNC|F_QUAL, 1},
    {"as", 2, W_NONE, 0, 0, K_AS, F_FUNC|F_QUAL, 0},
    {"at", 2, W_NONE, 0, 0, K_AT, F_FUNC|F_QUAL, 0},
    {"act", 3, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"and", 3, W_AND, 0, 0, 0, F_FUNC|F_YEARW, 0},
    {"any", 3, W_NONE, 0, 0, K_ANY, F_ONEDET, 0},
    {"apr", 3, W_NONE, 0, 4, 0, F_MONABBR|F_MONTH, 0},
    {"are", 3, W_NONE, 0, 0, K_ARE, F_BE, 0},
    {"aud", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"aug", 3, W_NONE, 0, 8, 0, F_MONABBR|F_MONTH, 0},
    {"about", 5, W_NONE, 0, 0, K_ABOUT, F_QUAL, 0},
    {"above", 5, W_NONE, 0, 0, K_ABOVE, F_QUAL, 0},
    {"after", 5, W_NONE, 0, 0, 0, F_FUNC|F_YEARW, 0},
    {"alone", 5, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"april", 5, W_NONE, 0, 4, 0, F_MONTH, 0},
    {"airbus", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"almost", 6, W_NONE, 0, 0, K_ALMOST, F_QUAL, 0},
    {"apollo", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"approx", 6, W_NONE, 0, 0, K_APPROX, F_QUAL, 0},
    {"around", 6, W_NONE, 0, 0, K_AROUND, F_QUAL, 0},
    {"august", 6, W_NONE, 0, 8, 0, F_MONTH, 0},
    {"autumn", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"another", 7, W_NONE, 0, 0, K_ANOTHER, F_ONEDET, 0},
    {"article", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"amendment", 9, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"approximately", 13, W_NONE, 0, 0, K_APPROXIMATELY, F_QUAL, 0},
};
static const wentry words_b[] = {
    {"b", 1, W_ABBR, 0, 0, 0, 0, 1e9},
    {"bn", 2, W_ABBR, 0, 0, 0, 0, 1e9},
    {"by", 2, W_NONE, 0, 0, K_BY, F_FUNC|F_YEARW, 0},
    {"bln", 3, W_ABBR, 0, 0, 0, 0, 1e9},
    {"bus", 3, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"but", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"been", 4, W_NONE, 0, 0, K_BEEN, 0, 0},
    {"bill", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"below", 5, W_NONE, 0, 0, K_BELOW, F_QUAL, 0},
    {"block", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"before", 6, W_NONE, 0, 0, 0, F_FUNC|F_YEARW, 0},
    {"boeing", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"budget", 6, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"because", 7, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"between", 7, W_NONE, 0, 0, K_BETWEEN, F_TRIG|F_YEARW, 0},
    {"billion", 7, W_SCALE, 0, 0, 0, 0, 1e9},
    {"brigade", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"billions", 8, W_SCALE, 1, 0, 0, 0, 1e9},
    {"battalion", 9, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"billionth", 9, W_ORD, 0, 0, 0, 0, 1e9},
    {"billionths", 10, W_ORD, 1, 0, 0, 0, 1e9},
};
static const wentry words_c[] = {
    {"c", 1, W_NONE, 0, 0, K_C, F_QUAL, 0},
    {"ca", 2, W_NONE, 0, 0, K_CA, F_QUAL, 0},
    {"cad", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"chf", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"cny", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"cut", 3, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"cent", 4, W_NONE, 0, 0, K_CENT, 0, 0},
    {"circa", 5, W_NONE, 0, 0, K_CIRCA, F_QUAL|F_YEARW, 0},
    {"class", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"close", 5, W_NONE, 0, 0, K_CLOSE, F_QUAL, 0},
    {"corps", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"crore", 5, W_SCALE, 0, 0, 0, 0, 1e7},
    {"census", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"clause", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"couple", 6, W_NONE, 0, 0, K_COUPLE, 0, 0},
    {"crores", 6, W_SCALE, 0, 0, 0, 0, 1e7},
    {"changed", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"channel", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"chapter", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"climbed", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"category", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"climbing", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
};
static const wentry words_d[] = {
    {"dz", 2, W_ABBR, 0, 0, K_DOZ, 0, 12},
    {"day", 3, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"dec", 3, W_NONE, 0, 12, 0, F_MONABBR|F_MONTH, 0},
    {"doz", 3, W_ABBR, 0, 0, K_DOZ, 0, 12},
    {"dzs", 3, W_ABBR, 0, 0, K_DOZ, 0, 12},
    {"days", 4, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"down", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"dozs", 4, W_ABBR, 0, 0, K_DOZ, 0, 12},
    {"dozen", 5, W_DOZEN, 0, 0, 0, 0, 12},
    {"decade", 6, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"decree", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"dipped", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"dollar", 6, W_NONE, 0, 0, K_DOLLAR, 0, 0},
    {"dozens", 6, W_DOZEN, 1, 0, 0, 0, 12},
    {"during", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"decades", 7, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"dollars", 7, W_NONE, 0, 0, K_DOLLARS, 0, 0},
    {"doubled", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"dropped", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"december", 8, W_NONE, 0, 12, 0, F_MONTH, 0},
    {"declined", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"decrease", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"district", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"division", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"decreased", 9, W_NONE, 0, 0, 0, F_CHANGE, 0},
};
static const wentry words_e[] = {
    {"eur", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"each", 4, W_NONE, 0, 0, K_EACH, F_ONEDET, 0},
    {"euro", 4, W_NONE, 0, 0, K_EURO, 0, 0},
    {"exit", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"early", 5, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"edged", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"eight", 5, W_UNIT, 0, 0, 0, 0, 8},
    {"euros", 5, W_NONE, 0, 0, K_EUROS, 0, 0},
    {"every", 5, W_NONE, 0, 0, K_EVERY, F_ONEDET, 0},
    {"eighth", 6, W_ORD, 0, 0, 0, 0, 8},
    {"eighty", 6, W_TENS, 0, 0, 0, 0, 80},
    {"eleven", 6, W_TEEN, 0, 0, 0, 0, 11},
    {"excess", 6, W_NONE, 0, 0, K_EXCESS, 0, 0},
    {"eighths", 7, W_ORD, 1, 0, 0, 0, 8},
    {"episode", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"eighteen", 8, W_TEEN, 0, 0, 0, 0, 18},
    {"election", 8, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"eleventh", 8, W_ORD, 0, 0, 0, 0, 11},
    {"expanded", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"eightieth", 9, W_ORD, 0, 0, 0, 0, 80},
    {"elections", 9, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"elevenths", 9, W_ORD, 1, 0, 0, 0, 11},
    {"estimated", 9, W_NONE, 0, 0, K_ESTIMATED, F_QUAL, 0},
    {"exceeding", 9, W_NONE, 0, 0, K_EXCEEDING, F_QUAL, 0},
    {"eighteenth", 10, W_ORD, 0, 0, 0, 0, 18},
    {"eightieths", 10, W_ORD, 1, 0, 0, 0, 80},
    {"eighteenths", 11, W_ORD, 1, 0, 0, 0, 18},
};
static const wentry words_f[] = {
    {"feb", 3, W_NONE, 0, 2, 0, F_MONABBR|F_MONTH, 0},
    {"for", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"ftp", 3, W_NONE, 0, 0, K_FTP, F_TRIG, 0},
    {"fall", 4, W_NONE, 0, 0, 0, F_CHANGE|F_YEARW, 0},
    {"fell", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"five", 4, W_UNIT, 0, 0, 0, 0, 5},
    {"four", 4, W_UNIT, 0, 0, 0, 0, 4},
    {"from", 4, W_NONE, 0, 0, K_FROM, F_FUNC|F_TRIG|F_YEARW, 0},
    {"falls", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"fewer", 5, W_NONE, 0, 0, K_FEWER, F_QUAL, 0},
    {"fifth", 5, W_ORD, 0, 0, 0, 0, 5},
    {"fifty", 5, W_TENS, 0, 0, 0, 0, 50},
    {"first", 5, W_ORD, 0, 0, 0, 0, 1},
    {"forty", 5, W_TENS, 0, 0, 0, 0, 40},
    {"fallen", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"fifths", 6, W_ORD, 1, 0, 0, 0, 5},
    {"figure", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"firsts", 6, W_ORD, 1, 0, 0, 0, 1},
    {"fiscal", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"flight", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"fourth", 6, W_ORD, 0, 0, 0, 0, 4},
    {"falling", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"fifteen", 7, W_TEEN, 0, 0, 0, 0, 15},
    {"fourths", 7, W_ORD, 1, 0, 0, 0, 4},
    {"february", 8, W_NONE, 0, 2, 0, F_MONTH, 0},
    {"fiftieth", 8, W_ORD, 0, 0, 0, 0, 50},
    {"fortieth", 8, W_ORD, 0, 0, 0, 0, 40},
    {"fourteen", 8, W_TEEN, 0, 0, 0, 0, 14},
    {"fifteenth", 9, W_ORD, 0, 0, 0, 0, 15},
    {"fiftieths", 9, W_ORD, 1, 0, 0, 0, 50},
    {"fortieths", 9, W_ORD, 1, 0, 0, 0, 40},
    {"fifteenths", 10, W_ORD, 1, 0, 0, 0, 15},
    {"fourteenth", 10, W_ORD, 0, 0, 0, 0, 14},
    {"fourteenths", 11, W_ORD, 1, 0, 0, 0, 14},
};
static const wentry words_g[] = {
    {"gbp", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"gate", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"grew", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"grade", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"grown", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"ground", 6, W_NONE, 0, 0, K_GROUND, 0, 0},
};
static const wentry words_h[] = {
    {"he", 2, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"had", 3, W_NONE, 0, 0, K_HAD, F_BE|F_FUNC, 0},
    {"has", 3, W_NONE, 0, 0, K_HAS, F_BE|F_FUNC, 0},
    {"half", 4, W_HALF, 0, 0, 0, 0, 2},
    {"have", 4, W_NONE, 0, 0, K_HAVE, F_BE, 0},
    {"hour", 4, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"http", 4, W_NONE, 0, 0, K_HTTP, F_TRIG, 0},
    {"hours", 5, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"https", 5, W_NONE, 0, 0, K_HTTPS, F_TRIG, 0},
    {"halves", 6, W_HALF, 1, 0, 0, 0, 2},
    {"highway", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"hundred", 7, W_HUNDRED, 0, 0, 0, 0, 100},
    {"hundreds", 8, W_HUNDRED, 1, 0, 0, 0, 100},
    {"hundredth", 9, W_ORD, 0, 0, 0, 0, 100},
    {"hundredths", 10, W_ORD, 1, 0, 0, 0, 100},
};
static const wentry words_i[] = {
    {"i", 1, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"in", 2, W_NONE, 0, 0, K_IN, F_FUNC|F_QUAL|F_YEARW, 0},
    {"is", 2, W_NONE, 0, 0, K_IS, F_BE|F_FUNC, 0},
    {"it", 2, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"ils", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"inr", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"its", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"item", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"inched", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"iphone", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"increase", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"increased", 9, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"increases", 9, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"interstate", 10, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_j[] = {
    {"jan", 3, W_NONE, 0, 1, 0, F_MONABBR|F_MONTH, 0},
    {"jpy", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"jul", 3, W_NONE, 0, 7, 0, F_MONABBR|F_MONTH, 0},
    {"jun", 3, W_NONE, 0, 6, 0, F_MONABBR|F_MONTH, 0},
    {"july", 4, W_NONE, 0, 7, 0, F_MONTH, 0},
    {"june", 4, W_NONE, 0, 6, 0, F_MONTH, 0},
    {"just", 4, W_NONE, 0, 0, K_JUST, F_QUAL, 0},
    {"jumps", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"jumped", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"january", 7, W_NONE, 0, 1, 0, F_MONTH, 0},
    {"junction", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_k[] = {
    {"k", 1, W_ABBR, 0, 0, 0, 0, 1e3},
};
static const wentry words_l[] = {
    {"law", 3, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"lakh", 4, W_SCALE, 0, 0, 0, 0, 1e5},
    {"last", 4, W_NONE, 0, 0, 0, F_ONEDET|F_YEARW, 0},
    {"late", 4, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"less", 4, W_NONE, 0, 0, K_LESS, F_QUAL, 0},
    {"line", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"lakhs", 5, W_SCALE, 0, 0, 0, 0, 1e5},
    {"leapt", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"least", 5, W_NONE, 0, 0, K_LEAST, 0, 0},
    {"level", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"latter", 6, W_NONE, 0, 0, K_LATTER, 0, 0},
    {"leaped", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"lowered", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
};
static const wentry words_m[] = {
    {"m", 1, W_ABBR, 0, 0, 0, 0, 1e6},
    {"mm", 2, W_ABBR, 0, 0, 0, 0, 1e6},
    {"mn", 2, W_ABBR, 0, 0, 0, 0, 1e6},
    {"mar", 3, W_NONE, 0, 3, 0, F_MONABBR|F_MONTH, 0},
    {"may", 3, W_NONE, 0, 5, 0, F_MONTH, 0},
    {"mid", 3, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"mil", 3, W_ABBR, 0, 0, 0, 0, 1e6},
    {"mln", 3, W_ABBR, 0, 0, 0, 0, 1e6},
    {"many", 4, W_NONE, 0, 0, K_MANY, 0, 0},
    {"more", 4, W_NONE, 0, 0, K_MORE, F_QUAL, 0},
    {"most", 4, W_NONE, 0, 0, K_MOST, 0, 0},
    {"much", 4, W_NONE, 0, 0, K_MUCH, 0, 0},
    {"march", 5, W_NONE, 0, 3, 0, F_MONTH, 0},
    {"minus", 5, W_NONE, 0, 0, K_MINUS, F_TRIG, 0},
    {"model", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"month", 5, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"mailto", 6, W_NONE, 0, 0, K_MAILTO, F_TRIG, 0},
    {"minute", 6, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"months", 6, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"maximum", 7, W_NONE, 0, 0, K_MAXIMUM, 0, 0},
    {"million", 7, W_SCALE, 0, 0, 0, 0, 1e6},
    {"minimum", 7, W_NONE, 0, 0, K_MINIMUM, 0, 0},
    {"minutes", 7, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"mounted", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"millions", 8, W_SCALE, 1, 0, 0, 0, 1e6},
    {"millionth", 9, W_ORD, 0, 0, 0, 0, 1e6},
    {"millionths", 10, W_ORD, 1, 0, 0, 0, 1e6},
};
static const wentry words_n[] = {
    {"no", 2, W_NONE, 0, 0, K_NO, F_IDENT|F_ONEDET|F_QUAL, 0},
    {"nis", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"not", 3, W_NONE, 0, 0, K_NOT, F_QUAL, 0},
    {"nov", 3, W_NONE, 0, 11, 0, F_MONABBR|F_MONTH, 0},
    {"next", 4, W_NONE, 0, 0, 0, F_ONEDET|F_YEARW, 0},
    {"nine", 4, W_UNIT, 0, 0, 0, 0, 9},
    {"none", 4, W_NONE, 0, 0, K_NONEW, F_TRIG, 0},
    {"ninth", 5, W_ORD, 0, 0, 0, 0, 9},
    {"naught", 6, W_UNIT, 0, 0, 0, 0, 0},
    {"nearly", 6, W_NONE, 0, 0, K_NEARLY, F_QUAL, 0},
    {"ninety", 6, W_TENS, 0, 0, 0, 0, 90},
    {"ninths", 6, W_ORD, 1, 0, 0, 0, 9},
    {"nought", 6, W_UNIT, 0, 0, 0, 0, 0},
    {"number", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"narrowed", 8, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"negative", 8, W_NONE, 0, 0, K_NEGATIVE, F_TRIG, 0},
    {"nineteen", 8, W_TEEN, 0, 0, 0, 0, 19},
    {"november", 8, W_NONE, 0, 11, 0, F_MONTH, 0},
    {"ninetieth", 9, W_ORD, 0, 0, 0, 0, 90},
    {"nineteenth", 10, W_ORD, 0, 0, 0, 0, 19},
    {"ninetieths", 10, W_ORD, 1, 0, 0, 0, 90},
    {"nineteenths", 11, W_ORD, 1, 0, 0, 0, 19},
};
static const wentry words_o[] = {
    {"of", 2, W_NONE, 0, 0, K_OF, F_FUNC|F_YEARW, 0},
    {"on", 2, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"or", 2, W_NONE, 0, 0, K_OR, F_FUNC, 0},
    {"oct", 3, W_NONE, 0, 10, 0, F_MONABBR|F_MONTH, 0},
    {"one", 3, W_UNIT, 0, 0, K_ONE, 0, 1},
    {"out", 3, W_NONE, 0, 0, K_OUT, 0, 0},
    {"over", 4, W_NONE, 0, 0, K_OVER, F_QUAL, 0},
    {"other", 5, W_NONE, 0, 0, K_OTHER, F_ONEDET, 0},
    {"october", 7, W_NONE, 0, 10, 0, F_MONTH, 0},
};
static const wentry words_p[] = {
    {"pc", 2, W_NONE, 0, 0, K_PC, 0, 0},
    {"pm", 2, W_NONE, 0, 0, K_PM, 0, 0},
    {"pp", 2, W_NONE, 0, 0, K_PP, 0, 0},
    {"ps", 2, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"pct", 3, W_NONE, 0, 0, K_PCT, 0, 0},
    {"per", 3, W_NONE, 0, 0, K_PER, F_TRIG, 0},
    {"ppt", 3, W_NONE, 0, 0, K_PPT, 0, 0},
    {"page", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"pier", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"plus", 4, W_NONE, 0, 0, K_PLUS, 0, 0},
    {"ppts", 4, W_NONE, 0, 0, K_PPTS, 0, 0},
    {"prop", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"phase", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"point", 5, W_POINT, 0, 0, 0, 0, 0},
    {"psalm", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"points", 6, W_NONE, 0, 0, K_POINTS, 0, 0},
    {"pounds", 6, W_NONE, 0, 0, K_POUNDS, 0, 0},
    {"percent", 7, W_NONE, 0, 0, K_PERCENT, F_TRIG, 0},
    {"plunged", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"percents", 8, W_NONE, 0, 0, K_PERCENTS, F_TRIG, 0},
    {"platform", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"paragraph", 9, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"percentage", 10, W_NONE, 0, 0, K_PERCENTAGE, 0, 0},
    {"proposition", 11, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_q[] = {
    {"quarter", 7, W_QUARTER, 0, 0, 0, 0, 4},
    {"quarters", 8, W_QUARTER, 1, 0, 0, 0, 4},
};
static const wentry words_r[] = {
    {"rs", 2, W_NONE, 0, 0, 0, F_CUR, 0},
    {"rise", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"room", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"rose", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"rule", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"right", 5, W_NONE, 0, 0, 0, F_ONEDET, 0},
    {"risen", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"rises", 5, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"route", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"raised", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"rising", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"rupees", 6, W_NONE, 0, 0, K_RUPEES, 0, 0},
    {"reduced", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"revised", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"roughly", 7, W_NONE, 0, 0, K_ROUGHLY, F_QUAL, 0},
    {"regiment", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"resolution", 10, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_s[] = {
    {"saw", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"sep", 3, W_NONE, 0, 9, 0, F_MONABBR|F_MONTH, 0},
    {"she", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"shy", 3, W_NONE, 0, 0, K_SHY, 0, 0},
    {"six", 3, W_UNIT, 0, 0, 0, 0, 6},
    {"same", 4, W_NONE, 0, 0, 0, F_ONEDET, 0},
    {"sept", 4, W_NONE, 0, 9, 0, F_MONABBR|F_MONTH, 0},
    {"slid", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"some", 4, W_NONE, 0, 0, K_SOME, F_QUAL, 0},
    {"score", 5, W_SCORE, 0, 0, 0, 0, 20},
    {"seven", 5, W_UNIT, 0, 0, 0, 0, 7},
    {"since", 5, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"sixth", 5, W_ORD, 0, 0, 0, 0, 6},
    {"sixty", 5, W_TENS, 0, 0, 0, 0, 60},
    {"stage", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"scores", 6, W_SCORE, 1, 0, 0, 0, 20},
    {"season", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"second", 6, W_ORD, 0, 0, 0, F_TIMEU, 2},
    {"shekel", 6, W_NONE, 0, 0, K_SHEKEL, 0, 0},
    {"shrank", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"sixths", 6, W_ORD, 1, 0, 0, 0, 6},
    {"soared", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"spring", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"summer", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"surged", 6, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"seconds", 7, W_ORD, 1, 0, 0, F_TIMEU, 2},
    {"section", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"seventh", 7, W_ORD, 0, 0, 0, 0, 7},
    {"seventy", 7, W_TENS, 0, 0, 0, 0, 70},
    {"several", 7, W_NONE, 0, 0, K_SEVERAL, F_TRIG, 0},
    {"shekels", 7, W_NONE, 0, 0, K_SHEKELS, 0, 0},
    {"sixteen", 7, W_TEEN, 0, 0, 0, 0, 16},
    {"slipped", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"someone", 7, W_NONE, 0, 0, K_SOMEONE, F_ONEDET, 0},
    {"swelled", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"sevenths", 8, W_ORD, 1, 0, 0, 0, 7},
    {"sixtieth", 8, W_ORD, 0, 0, 0, 0, 60},
    {"squadron", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"sterling", 8, W_NONE, 0, 0, K_STERLING, 0, 0},
    {"september", 9, W_NONE, 0, 9, 0, F_MONTH, 0},
    {"seventeen", 9, W_TEEN, 0, 0, 0, 0, 17},
    {"sixteenth", 9, W_ORD, 0, 0, 0, 0, 16},
    {"sixtieths", 9, W_ORD, 1, 0, 0, 0, 60},
    {"seventieth", 10, W_ORD, 0, 0, 0, 0, 70},
    {"sixteenths", 10, W_ORD, 1, 0, 0, 0, 16},
    {"seventeenth", 11, W_ORD, 0, 0, 0, 0, 17},
    {"seventieths", 11, W_ORD, 1, 0, 0, 0, 70},
    {"seventeenths", 12, W_ORD, 1, 0, 0, 0, 17},
};
static const wentry words_t[] = {
    {"tn", 2, W_ABBR, 0, 0, 0, 0, 1e12},
    {"to", 2, W_NONE, 0, 0, K_TO, F_FUNC|F_YEARW, 0},
    {"ten", 3, W_TEEN, 0, 0, 0, 0, 10},
    {"the", 3, W_NONE, 0, 0, K_THE, F_FUNC|F_ONEDET|F_YEARW, 0},
    {"tln", 3, W_ABBR, 0, 0, 0, 0, 1e12},
    {"two", 3, W_UNIT, 0, 0, 0, 0, 2},
    {"tens", 4, W_NONE, 0, 0, K_TENS, F_TRIG, 0},
    {"than", 4, W_NONE, 0, 0, K_THAN, 0, 0},
    {"that", 4, W_NONE, 0, 0, K_THAT, F_FUNC|F_ONEDET, 0},
    {"they", 4, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"this", 4, W_NONE, 0, 0, K_THIS, F_FUNC|F_ONEDET|F_YEARW, 0},
    {"till", 4, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"type", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"table", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"tenth", 5, W_ORD, 0, 0, 0, 0, 10},
    {"there", 5, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"third", 5, W_ORD, 0, 0, 0, 0, 3},
    {"three", 5, W_UNIT, 0, 0, 0, 0, 3},
    {"times", 5, W_NONE, 0, 0, K_TIMES, 0, 0},
    {"tenths", 6, W_ORD, 1, 0, 0, 0, 10},
    {"thirds", 6, W_ORD, 1, 0, 0, 0, 3},
    {"thirty", 6, W_TENS, 0, 0, 0, 0, 30},
    {"twelve", 6, W_TEEN, 0, 0, 0, 0, 12},
    {"twenty", 6, W_TENS, 0, 0, 0, 0, 20},
    {"through", 7, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"tumbled", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"twelfth", 7, W_ORD, 0, 0, 0, 0, 12},
    {"terminal", 8, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"thirteen", 8, W_TEEN, 0, 0, 0, 0, 13},
    {"thousand", 8, W_SCALE, 0, 0, 0, 0, 1e3},
    {"trillion", 8, W_SCALE, 0, 0, 0, 0, 1e12},
    {"twelfths", 8, W_ORD, 1, 0, 0, 0, 12},
    {"thirtieth", 9, W_ORD, 0, 0, 0, 0, 30},
    {"thousands", 9, W_SCALE, 1, 0, 0, 0, 1e3},
    {"trillions", 9, W_SCALE, 1, 0, 0, 0, 1e12},
    {"twentieth", 9, W_ORD, 0, 0, 0, 0, 20},
    {"thirteenth", 10, W_ORD, 0, 0, 0, 0, 13},
    {"thirtieths", 10, W_ORD, 1, 0, 0, 0, 30},
    {"thousandth", 10, W_ORD, 0, 0, 0, 0, 1e3},
    {"trillionth", 10, W_ORD, 0, 0, 0, 0, 1e12},
    {"twentieths", 10, W_ORD, 1, 0, 0, 0, 20},
    {"thirteenths", 11, W_ORD, 1, 0, 0, 0, 13},
    {"thousandths", 11, W_ORD, 1, 0, 0, 0, 1e3},
    {"trillionths", 11, W_ORD, 1, 0, 0, 0, 1e12},
};
static const wentry words_u[] = {
    {"up", 2, W_NONE, 0, 0, K_UP, F_CHANGE|F_QUAL, 0},
    {"us", 2, W_NONE, 0, 0, K_US, 0, 0},
    {"usd", 3, W_NONE, 0, 0, 0, F_CUR, 0},
    {"unit", 4, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"under", 5, W_NONE, 0, 0, K_UNDER, F_QUAL, 0},
    {"until", 5, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"upward", 6, W_NONE, 0, 0, K_UPWARD, F_QUAL, 0},
    {"upwards", 7, W_NONE, 0, 0, K_UPWARDS, F_QUAL, 0},
};
static const wentry words_v[] = {
    {"vol", 3, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"verse", 5, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"volume", 6, W_NONE, 0, 0, 0, F_IDENT, 0},
    {"version", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_w[] = {
    {"we", 2, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"war", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"was", 3, W_NONE, 0, 0, K_WAS, F_BE|F_FUNC, 0},
    {"who", 3, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"www", 3, W_NONE, 0, 0, K_WWW, F_TRIG, 0},
    {"week", 4, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"well", 4, W_NONE, 0, 0, K_WELL, F_QUAL, 0},
    {"went", 4, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"were", 4, W_NONE, 0, 0, K_WERE, F_BE|F_FUNC, 0},
    {"when", 4, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"with", 4, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"weeks", 5, W_NONE, 0, 0, 0, F_TIMEU, 0},
    {"which", 5, W_NONE, 0, 0, K_WHICH, F_FUNC|F_ONEDET, 0},
    {"while", 5, W_NONE, 0, 0, 0, F_FUNC, 0},
    {"wrong", 5, W_NONE, 0, 0, 0, F_ONEDET, 0},
    {"winter", 6, W_NONE, 0, 0, 0, F_YEARW, 0},
    {"widened", 7, W_NONE, 0, 0, 0, F_CHANGE, 0},
    {"windows", 7, W_NONE, 0, 0, 0, F_IDENT, 0},
};
static const wentry words_y[] = {
    {"yen", 3, W_NONE, 0, 0, K_YEN, 0, 0},
    {"year", 4, W_NONE, 0, 0, 0, F_TIMEU|F_YEARW, 0},
    {"yuan", 4, W_NONE, 0, 0, K_YUAN, 0, 0},
    {"years", 5, W_NONE, 0, 0, 0, F_TIMEU|F_YEARW, 0},
};
static const wentry words_z[] = {
    {"zero", 4, W_UNIT, 0, 0, 0, 0, 0},
};

#define BUCKET(x) {x, sizeof(x) / sizeof(x[0])}
const fc__word_bucket fc__word_buckets[26] = {
    BUCKET(words_a),
    BUCKET(words_b),
    BUCKET(words_c),
    BUCKET(words_d),
    BUCKET(words_e),
    BUCKET(words_f),
    BUCKET(words_g),
    BUCKET(words_h),
    BUCKET(words_i),
    BUCKET(words_j),
    BUCKET(words_k),
    BUCKET(words_l),
    BUCKET(words_m),
    BUCKET(words_n),
    BUCKET(words_o),
    BUCKET(words_p),
    BUCKET(words_q),
    BUCKET(words_r),
    BUCKET(words_s),
    BUCKET(words_t),
    BUCKET(words_u),
    BUCKET(words_v),
    BUCKET(words_w),
    {NULL, 0},
    BUCKET(words_y),
    BUCKET(words_z),
};

/* starts[c][n]: the index in its bucket of the first word of n letters
 * starting with c (words are sorted by length); starts[c][n + 1] ends them. */
const unsigned char fc__word_starts[26][MAX_WORD + 2] = {
    {0, 0, 1, 5, 12, 12, 17, 24, 26, 26, 27, 27, 27, 27, 28, 28, 28},
    {0, 0, 1, 3, 6, 8, 10, 13, 17, 18, 20, 21, 21, 21, 21, 21, 21},
    {0, 0, 1, 2, 6, 7, 12, 16, 20, 22, 22, 22, 22, 22, 22, 22, 22},
    {0, 0, 0, 1, 5, 8, 9, 15, 19, 24, 25, 25, 25, 25, 25, 25, 25},
    {0, 0, 0, 0, 1, 4, 9, 13, 15, 19, 24, 26, 27, 27, 27, 27, 27},
    {0, 0, 0, 0, 3, 8, 14, 21, 24, 28, 31, 33, 34, 34, 34, 34, 34},
    {0, 0, 0, 0, 1, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6},
    {0, 0, 0, 1, 3, 7, 9, 10, 12, 13, 14, 15, 15, 15, 15, 15, 15},
    {0, 0, 1, 4, 7, 8, 8, 10, 10, 11, 13, 14, 14, 14, 14, 14, 14},
    {0, 0, 0, 0, 4, 7, 8, 9, 10, 11, 11, 11, 11, 11, 11, 11, 11},
    {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {0, 0, 0, 0, 1, 6, 10, 12, 13, 13, 13, 13, 13, 13, 13, 13, 13},
    {0, 0, 1, 3, 8, 12, 16, 19, 24, 25, 26, 27, 27, 27, 27, 27, 27},
    {0, 0, 0, 1, 4, 7, 8, 14, 14, 18, 19, 21, 22, 22, 22, 22, 22},
    {0, 0, 0, 3, 6, 7, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9},
    {0, 0, 0, 4, 7, 12, 15, 17, 19, 21, 22, 23, 24, 24, 24, 24, 24},
    {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2},
    {0, 0, 0, 1, 1, 5, 9, 12, 15, 16, 16, 17, 17, 17, 17, 17, 17},
    {0, 0, 0, 0, 5, 9, 15, 25, 35, 39, 43, 45, 47, 48, 48, 48, 48},
    {0, 0, 0, 2, 6, 13, 19, 24, 27, 32, 36, 41, 44, 44, 44, 44, 44},
    {0, 0, 0, 2, 3, 4, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8},
    {0, 0, 0, 0, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4},
    {0, 0, 0, 1, 5, 11, 15, 16, 18, 18, 18, 18, 18, 18, 18, 18, 18},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 1, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4},
    {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
};

/* trig2[c1][c2]: bit n is set when a word of n letters that starts an
 * expression (a number word, a qualifier, a trigger) begins with the
 * letters c1 c2 (c2 = 26 for a word of one letter). The scan looks up
 * only words that pass it; the unit test checks it covers every such
 * word. */
const unsigned short fc__word_trig2[26][27] = {
    {0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0x4, 0, 0x2040, 0, 0x40, 0x4, 0x4, 0, 0, 0, 0, 0, 0, 0x2},
    {0, 0, 0, 0, 0xa0, 0, 0, 0, 0x780, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0x4, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0x20, 0, 0, 0, 0, 0, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x2},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0xfe0, 0, 0, 0x340, 0, 0, 0, 0, 0, 0, 0x200, 0, 0, 0, 0, 0x200, 0, 0, 0},
    {0, 0, 0, 0, 0x20, 0, 0, 0, 0x7f0, 0, 0, 0, 0, 0, 0xff0, 0, 0, 0x10, 0, 0x8, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x30, 0x780, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0x30, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0x40, 0, 0, 0, 0, 0, 0, 0, 0x7a0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0x40, 0, 0, 0, 0x140, 0, 0, 0, 0xf70, 0, 0, 0, 0, 0, 0x5c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0x188, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x180, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0x60, 0, 0x1fe0, 0, 0, 0, 0x7e8, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0x78, 0, 0, 0xf60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf00, 0, 0, 0, 0, 0x7c8, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0xc4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
};
/* clang-format on */


/* Qualifier phrases by word ids, sorted by their first word's id (the
 * unit test checks it) so that a binary search finds a word's phrases;
 * a longer phrase comes before a shorter one of the same first word. */
const fc__qual fc__quals[] = {
    {{K_A, K_MINIMUM, K_OF}, FC_QUAL_AT_LEAST, 'm'},
    {{K_A, K_MAXIMUM, K_OF}, FC_QUAL_UP_TO, 'm'},
    {{K_ABOUT, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_ABOVE, 0, 0}, FC_QUAL_MORE_THAN, 0},
    {{K_ALMOST, 0, 0}, FC_QUAL_NEARLY, 0},
    {{K_AN, K_ESTIMATED, 0}, FC_QUAL_ABOUT, 'e'},
    {{K_APPROX, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_APPROXIMATELY, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_AROUND, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_AS, K_MANY, K_AS}, FC_QUAL_UP_TO, 'm'},
    {{K_AS, K_MUCH, K_AS}, FC_QUAL_UP_TO, 'm'},
    {{K_AT, K_LEAST, 0}, FC_QUAL_AT_LEAST, 'l'},
    {{K_AT, K_MOST, 0}, FC_QUAL_UP_TO, 'm'},
    {{K_BELOW, 0, 0}, FC_QUAL_LESS_THAN, 0},
    {{K_CIRCA, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_CLOSE, K_TO, 0}, FC_QUAL_NEARLY, 't'},
    {{K_ESTIMATED, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_EXCEEDING, 0, 0}, FC_QUAL_MORE_THAN, 0},
    {{K_FEWER, K_THAN, 0}, FC_QUAL_LESS_THAN, 't'},
    {{K_IN, K_EXCESS, K_OF}, FC_QUAL_MORE_THAN, 'e'},
    {{K_JUST, K_OVER, 0}, FC_QUAL_MORE_THAN, 'o'},
    {{K_JUST, K_UNDER, 0}, FC_QUAL_NEARLY, 'u'},
    {{K_JUST, K_BELOW, 0}, FC_QUAL_NEARLY, 'b'},
    {{K_JUST, K_SHY, K_OF}, FC_QUAL_NEARLY, 's'},
    {{K_LESS, K_THAN, 0}, FC_QUAL_LESS_THAN, 't'},
    {{K_MORE, K_THAN, 0}, FC_QUAL_MORE_THAN, 't'},
    {{K_NEARLY, 0, 0}, FC_QUAL_NEARLY, 0},
    {{K_NO, K_FEWER, K_THAN}, FC_QUAL_AT_LEAST, 'f'},
    {{K_NO, K_LESS, K_THAN}, FC_QUAL_AT_LEAST, 'l'},
    {{K_NO, K_MORE, K_THAN}, FC_QUAL_UP_TO, 'm'},
    {{K_NOT, K_FEWER, K_THAN}, FC_QUAL_AT_LEAST, 'f'},
    {{K_NOT, K_LESS, K_THAN}, FC_QUAL_AT_LEAST, 'l'},
    {{K_NOT, K_MORE, K_THAN}, FC_QUAL_UP_TO, 'm'},
    {{K_OVER, 0, 0}, FC_QUAL_MORE_THAN, 0},
    {{K_ROUGHLY, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_SOME, 0, 0}, FC_QUAL_ABOUT, 0},
    {{K_UNDER, 0, 0}, FC_QUAL_LESS_THAN, 0},
    {{K_UP, K_TO, 0}, FC_QUAL_UP_TO, 't'},
    {{K_UPWARD, K_OF, 0}, FC_QUAL_MORE_THAN, 'o'},
    {{K_UPWARDS, K_OF, 0}, FC_QUAL_MORE_THAN, 'o'},
    {{K_WELL, K_OVER, 0}, FC_QUAL_MORE_THAN, 'o'},
    {{K_WELL, K_ABOVE, 0}, FC_QUAL_MORE_THAN, 'a'},
};
const size_t fc__n_quals = sizeof(fc__quals) / sizeof(fc__quals[0]);

/*
 * Self-check of the tables, for the unit tests. The word lists are the
 * source: each letter's words lower case, sorted by length. starts[] and
 * trig2[] follow from them; when they do not match, this writes both as
 * they should be to `why` (if not NULL), ready to paste over the old
 * ones, and returns false.
 */
bool fc__numbers_tables_ok(FILE *why)
{
	bool ok = true, derived = true;
	unsigned short want[26][27];

	memset(want, 0, sizeof(want));
	for (unsigned c = 0; c < 26; c++) {
		size_t prev = 0;
		for (size_t k = 0; k < fc__word_buckets[c].n; k++) {
			const wentry *e = &fc__word_buckets[c].e[k];
			size_t n = strlen(e->w);
			bool lower_case = true;
			for (size_t j = 0; j < n; j++)
				lower_case = lower_case && e->w[j] >= 'a' &&
				             e->w[j] <= 'z';
			if (n != e->len || n == 0 || n > MAX_WORD || n < prev ||
			    (unsigned)(e->w[0] - 'a') != c || !lower_case) {
				if (why)
					fprintf(
					    why,
					    "word table: \"%s\" is not a "
					    "lower-case word of its letter "
					    "in length order, or its length "
					    "field is wrong\n",
					    e->w);
				return false;
			}
			prev = n;
			if (fc__word_is_trigger(e))
				want[c]
				    [n > 1 ? (unsigned)(e->w[1] - 'a') : 26] |=
				    (unsigned short)(1u << n);
		}
		for (size_t n = 0; n <= MAX_WORD + 1; n++) {
			size_t before = 0;
			for (size_t k = 0; k < fc__word_buckets[c].n; k++)
				before += fc__word_buckets[c].e[k].len < n;
			derived = derived && fc__word_starts[c][n] == before;
		}
		for (unsigned c2 = 0; c2 < 27; c2++)
			derived = derived && fc__word_trig2[c][c2] == want[c][c2];
	}
	if (!derived && why) {
		fprintf(why, "starts[] or trig2[] do not follow from the word "
		             "table; they should read:\n");
		fprintf(why, "static const unsigned char starts[26][MAX_WORD + "
		             "2] = {\n");
		for (unsigned c = 0; c < 26; c++) {
			fprintf(why, "    {");
			for (size_t n = 0; n <= MAX_WORD + 1; n++) {
				size_t before = 0;
				for (size_t k = 0; k < fc__word_buckets[c].n; k++)
					before += fc__word_buckets[c].e[k].len < n;
				fprintf(why, "%s%zu", n ? ", " : "", before);
			}
			fprintf(why, "},\n");
		}
		fprintf(why, "};\nstatic const unsigned short trig2[26][27] = "
		             "{\n");
		for (unsigned c = 0; c < 26; c++) {
			fprintf(why, "    {");
			for (unsigned c2 = 0; c2 < 27; c2++)
				fprintf(why, want[c][c2] ? "%s0x%x" : "%s0",
				        c2 ? ", " : "", want[c][c2]);
			fprintf(why, "},\n");
		}
		fprintf(why, "};\n");
	}
	for (size_t k = 1; k < fc__n_quals; k++)
		if (fc__quals[k].w[0] < fc__quals[k - 1].w[0]) {
			if (why)
				fprintf(why,
				        "quals[] is not sorted by the id of "
				        "its first word at entry %zu\n",
				        k);
			return false;
		}
	ok = derived;
	for (unsigned c = 0; ok && c < 26; c++)
		for (size_t k = 0; ok && k < fc__word_buckets[c].n; k++) {
			const wentry *e = &fc__word_buckets[c].e[k];
			ok = fc__word_lookup((const unsigned char *)e->w, sizeof(e->w),
			            0, e->len) == e;
		}
	return ok;
}

