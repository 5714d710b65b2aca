/**
 * @file triad.h
 * @brief libtriad: the relationship between a secondary-school student, the
 *        student's parents or guardians, and the school.
 *
 * Include this umbrella header, or the module headers under triad/.
 */
#ifndef TRIAD_H
#define TRIAD_H

#include "triad/common.h"
#include "triad/version.h"
#include "triad/error.h"
#include "triad/memory.h"
#include "triad/date.h"
#include "triad/strlist.h"
#include "triad/categories.h"
#include "triad/schooltypes.h"
#include "triad/contactkind.h"
/* issue 3: people, age policy, agreements */
#include "triad/roster.h"
#include "triad/policy.h"
#include "triad/agreement.h"
/* end issue 3 */
/* issue 4: conference scheduler */
#include "triad/conference.h"
#include "triad/conference_export.h"
/* end issue 4 */
/* issue 5: calendar, contacts */
#include "triad/calendar.h"
#include "triad/contactplan.h"
#include "triad/contactlog.h"
#include "triad/analytics.h"
#include "triad/contactics.h"
#include "triad/compliance.h"
/* end issue 5 */
/* issue 6: CSV import, generator */
#include "triad/csvimport.h"
/* end issue 6 */

#endif /* TRIAD_H */
