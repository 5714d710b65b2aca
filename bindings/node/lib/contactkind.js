'use strict';
// Kinds of contact between home and school, and their channels
// (triad/contactkind.h).

const { func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Lang } = require('./common');

/** triad_contact_kind */
const ContactKind = Object.freeze({
  NONE: 0,
  INTAKE: 1,
  TRIANGLE: 2,
  CONFERENCE: 3,
  MENTOR_CALL: 4,
  HOME_VISIT: 5,
  THEME_EVENING: 6,
  INFORMATION_EVENING: 7,
  POSITIVE_NOTE: 8,
  CONCERN: 9,
});

/** triad_channel */
const Channel = Object.freeze({
  NONE: 0,
  IN_PERSON: 1,
  PHONE: 2,
  VIDEO: 3,
  EMAIL: 4,
  MESSAGE: 5,
  LETTER: 6,
});

const cKindCount = func('size_t triad_contact_kind_count(void)');
const cKindValid = func('int triad_contact_kind_valid(triad_contact_kind kind)');
const cKindId = func('const char *triad_contact_kind_id(triad_contact_kind kind)');
const cKindFromId = func('int triad_contact_kind_from_id(_Out_ triad_contact_kind *out, const char *id)');
const cKindName = func('const char *triad_contact_kind_name(triad_contact_kind kind, triad_lang lang)');
const cKindCategory = func('triad_category triad_contact_kind_category(triad_contact_kind kind)');
const cKindChannel = func('triad_channel triad_contact_kind_default_channel(triad_contact_kind kind)');
const cChannelCount = func('size_t triad_channel_count(void)');
const cChannelValid = func('int triad_channel_valid(triad_channel channel)');
const cChannelId = func('const char *triad_channel_id(triad_channel channel)');
const cChannelFromId = func('int triad_channel_from_id(_Out_ triad_channel *out, const char *id)');
const cChannelName = func('const char *triad_channel_name(triad_channel channel, triad_lang lang)');

function lookup(cfn, id) {
  const out = [0];
  check(cfn(out, text(id, 'id')));
  return out[0];
}

/** Functions on contact kinds (values of ContactKind). */
const contactKind = Object.freeze({
  count: () => Number(cKindCount()),
  /** Every kind, 1..count. */
  all: () => Array.from({ length: Number(cKindCount()) }, (_, i) => i + 1),
  valid: (k) => Number.isInteger(k) && cKindValid(int(k, 'kind')) !== 0,
  id: (k) => checkPtr(cKindId(int(k, 'kind'))),
  fromId: (id) => lookup(cKindFromId, id),
  name: (k, lang = Lang.NL) => checkPtr(cKindName(int(k, 'kind'), int(lang, 'lang'))),
  /** The involvement category the kind belongs to (a Category value). */
  category: (k) => cKindCategory(int(k, 'kind')),
  /** The channel the kind normally uses (a Channel value). */
  defaultChannel: (k) => cKindChannel(int(k, 'kind')),
});

/** Functions on channels (values of Channel). */
const channel = Object.freeze({
  count: () => Number(cChannelCount()),
  all: () => Array.from({ length: Number(cChannelCount()) }, (_, i) => i + 1),
  valid: (c) => Number.isInteger(c) && cChannelValid(int(c, 'channel')) !== 0,
  id: (c) => checkPtr(cChannelId(int(c, 'channel'))),
  fromId: (id) => lookup(cChannelFromId, id),
  name: (c, lang = Lang.NL) => checkPtr(cChannelName(int(c, 'channel'), int(lang, 'lang'))),
});

module.exports = { ContactKind, Channel, contactKind, channel };
