/*
 * triad categories: print the taxonomy of parental involvement, with
 * Epstein's types and the intensity of each category.
 */
#include <string.h>

#include "common.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad categories [--lang nl|en] [--describe]\n"
	        "\n"
	        "Print the involvement categories as a tree, each with its stable id,\n"
	        "its name, Epstein's types and the Dutch intensity scale.\n"
	        "  --lang nl|en   language of names and descriptions (default en)\n"
	        "  --describe     also print each category's description\n");
}

int cmd_categories(int argc, char **argv)
{
	triad_lang lang = TRIAD_LANG_EN;
	bool describe = false;
	for (int i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			if (!parse_lang("categories", argv[++i], &lang))
				return 2;
		} else if (strcmp(argv[i], "--describe") == 0) {
			describe = true;
		} else {
			fprintf(stderr, "triad categories: unknown argument \"%s\"\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}

	printf("%-46s %-30s %-14s %s\n", "id", lang == TRIAD_LANG_NL ? "naam" : "name",
	       lang == TRIAD_LANG_NL ? "intensiteit" : "intensity", "Epstein");
	for (size_t i = 0; i < triad_category_count(); i++) {
		triad_category c = triad_category_at(i);
		int depth = 0;
		for (triad_category p = triad_category_parent(c); p; p = triad_category_parent(p))
			depth++;
		char id[64];
		snprintf(id, sizeof id, "%*s%s", depth * 2, "", triad_category_id(c));
		printf("%-46s %-30s %-14s ", id, triad_category_name(c, lang),
		       triad_intensity_name(triad_category_intensity(c), lang));
		triad_epstein types[6];
		int n = triad_category_epstein(c, types, 6);
		for (int k = 0; k < n; k++)
			printf("%s%s", k ? ", " : "", triad_epstein_name(types[k], lang));
		putchar('\n');
		if (describe)
			printf("    %s\n\n", triad_category_description(c, lang));
	}
	return 0;
}
