/* Run-time version query. */
#include "triad_private.h"

const char *triad_version(void)
{
	return TRIAD_VERSION_STRING;
}

uint32_t triad_version_number(void)
{
	return (uint32_t)TRIAD_VERSION_NUMBER;
}
