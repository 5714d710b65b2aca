/* triad_agreement_load: what loads saves, reloads equal (byte for byte when
 * saved again), renders in every format and language, and answers every
 * reading call without crashing. */
#include "fuzz.h"

static void read_all(const triad_agreement *a)
{
	for (size_t n = 1; n <= triad_agreement_version_count(a); n++) {
		const triad_agreement_version *v = triad_agreement_version_at(a, n);
		FUZZ_ASSERT(v != NULL && triad_agreement_version_number(v) == (int)n);
		for (size_t i = 0; i < triad_agreement_version_clause_count(v); i++) {
			const triad_clause *c = triad_agreement_version_clause_at(v, i);
			FUZZ_ASSERT(triad_agreement_version_clause(v, triad_clause_id(c)) == c);
			FUZZ_ASSERT(triad_clause_from_role(c) >= TRIAD_PARTY_STUDENT &&
			            triad_clause_from_role(c) <= TRIAD_PARTY_SCHOOL);
			(void)triad_clause_text(c, TRIAD_LANG_NL);
		}
		for (size_t i = 0; i < triad_agreement_version_commitment_count(v); i++) {
			const triad_commitment *m = triad_agreement_version_commitment_at(v, i);
			FUZZ_ASSERT(triad_clause_commitment(triad_commitment_clause(m)) == m);
		}
		/* Whatever was in force on a version's activation day is a version. */
		triad_date d;
		if (triad_agreement_version_date(&d, v, "activated") == 0)
			(void)triad_agreement_in_force(a, d);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_agreement *a = NULL;
	int rc = triad_agreement_load(&a, (const char *)data, size, "fuzz");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(a == NULL);
		return 0;
	}
	char *text = NULL, *again_text = NULL;
	FUZZ_ASSERT(triad_agreement_save(&text, a) == 0);
	triad_agreement *again = NULL;
	FUZZ_ASSERT(triad_agreement_load(&again, text, strlen(text), "saved") == 0);
	FUZZ_ASSERT(triad_agreement_equal(a, again));
	FUZZ_ASSERT(triad_agreement_save(&again_text, again) == 0);
	FUZZ_ASSERT(strcmp(text, again_text) == 0);
	read_all(a);
	for (int f = TRIAD_RENDER_TEXT; f <= TRIAD_RENDER_HTML; f++)
		for (int l = TRIAD_LANG_NL; l <= TRIAD_LANG_EN; l++) {
			triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
			o.format = (triad_render_format)f;
			o.lang = (triad_lang)l;
			char *out = NULL;
			FUZZ_ASSERT(triad_agreement_render(&out, a, &o) == 0);
			triad_free(out);
		}
	triad_free(text);
	triad_free(again_text);
	triad_agreement_free(again);
	triad_agreement_free(a);
	return 0;
}
