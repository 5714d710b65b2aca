'use strict';
// Declarations shared by every header (triad/common.h).

/** triad_lang: the language of names, descriptions and documents. */
const Lang = Object.freeze({ NL: 1, EN: 2 });

module.exports = { Lang };
